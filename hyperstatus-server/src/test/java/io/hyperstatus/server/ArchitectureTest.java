package io.hyperstatus.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the project keeps, checked on the compiled production classes: the HTTP layer reaches storage only
 * through the application layer, storage holds rows and not the liveness rule, the policy engine knows nothing of
 * HTTP, and three named classes alone touch Jetty: the responder and the server set-up (its internals), and the TLS
 * connector.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // The other modules' classes come from their jars in a full build and from their class folders otherwise.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hyperstatus");
    }

    @Test
    void onlyTheCompositionRootOfTheServerKnowsStorage() {
        noClasses().that().resideInAPackage("io.hyperstatus.server..")
                .and().doNotHaveFullyQualifiedName(HyperstatusServer.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.hyperstatus.storage..")
                .check(production);
    }

    @Test
    void storageNeitherAppliesTheLivenessRuleNorKnowsTheServer() {
        noClasses().that().resideInAPackage("io.hyperstatus.storage..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.hyperstatus.domain.Liveness")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.hyperstatus.domain.ServiceState")
                .orShould().dependOnClassesThat().resideInAPackage("io.hyperstatus.server..")
                .check(production);
    }

    @Test
    void theApplicationLayerKnowsNeitherHttpNorTheDatabase() {
        noClasses().that().resideInAPackage("io.hyperstatus.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hyperstatus.server..",
                        "io.hyperstatus.storage..", "io.javalin..", "org.jdbi..", "org.eclipse.jetty..", "java.sql..",
                        "io.hyperstatus.notifications..", "com.rabbitmq..")
                .check(production);
    }

    @Test
    void onlyTheMetricsPackagesUsePrometheusAndTheApiKnowsOnlyItsRequestObserver() {
        noClasses().that().resideOutsideOfPackages("io.hyperstatus.metrics..", "io.hyperstatus.server.metrics..",
                        "io.hyperstatus.agent.metrics..")
                .should().dependOnClassesThat().resideInAPackage("io.prometheus..")
                .check(production);
        noClasses().that().resideInAPackage("io.hyperstatus.server.api..")
                .should().dependOnClassesThat().resideInAPackage("io.hyperstatus.server.metrics..")
                .check(production);
    }

    @Test
    void onlyTheNotificationsModuleSpeaksAmqpAndItKnowsNeitherHttpNorTheDatabase() {
        noClasses().that().resideOutsideOfPackage("io.hyperstatus.notifications..")
                .should().dependOnClassesThat().resideInAPackage("com.rabbitmq..")
                .check(production);
        noClasses().that().resideInAPackage("io.hyperstatus.notifications..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hyperstatus.server..",
                        "io.hyperstatus.storage..", "io.javalin..", "org.jdbi..", "java.sql..")
                .check(production);
    }

    @Test
    void thePolicyEngineThrowsNoHttpException() {
        noClasses().that().resideInAPackage("io.hyperstatus.server.api.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hyperstatus.server.api.error..", "io.javalin..")
                .check(production);
    }

    /**
     * One package holds all that touches Jetty: the server's limits, body receipt, the answers Jetty writes itself,
     * a response's connection and HTTPS. The API above it sees Javalin and the servlet API only.
     */
    @Test
    void jettyAppearsOnlyInTheJettyPackage() {
        noClasses().that().resideInAPackage("io.hyperstatus..")
                .and().resideOutsideOfPackage("io.hyperstatus.server.jetty")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .check(production);
    }

    @Test
    void theDomainDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("io.hyperstatus.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.hyperstatus.domain..", "java..")
                .check(production);
    }
}
