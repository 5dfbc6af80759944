package io.hyperstatus.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
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
        noClassOf("io.hyperstatus.core..").knows("io.hyperstatus.server..", "io.hyperstatus.storage..", "io.javalin..",
                "org.jdbi..", "org.eclipse.jetty..", "java.sql..", "io.hyperstatus.notifications..", "com.rabbitmq..");
    }

    @Test
    void onlyTheMetricsPackagesUsePrometheusAndTheApiKnowsOnlyItsRequestObserver() {
        onlyClassesOf("io.hyperstatus.metrics..", "io.hyperstatus.server.metrics..", "io.hyperstatus.agent.metrics..")
                .know("io.prometheus..");
        noClassOf("io.hyperstatus.server.api..").knows("io.hyperstatus.server.metrics..");
    }

    @Test
    void onlyTheNotificationsModuleSpeaksAmqpAndItKnowsNeitherHttpNorTheDatabase() {
        onlyClassesOf("io.hyperstatus.notifications..").know("com.rabbitmq..");
        noClassOf("io.hyperstatus.notifications..").knows("io.hyperstatus.server..", "io.hyperstatus.storage..",
                "io.javalin..", "org.jdbi..", "java.sql..");
    }

    @Test
    void thePolicyEngineThrowsNoHttpException() {
        noClassOf("io.hyperstatus.server.api.policy..").knows("io.hyperstatus.server.api.error..", "io.javalin..");
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

    /** The classes of a package, which must not depend on some others. */
    private record NoClassOf(String packageName) {
        void knows(String... packages) {
            noClasses().that().resideInAPackage(packageName)
                    .should().dependOnClassesThat().resideInAnyPackage(packages)
                    .check(production);
        }
    }

    private static NoClassOf noClassOf(String packageName) {
        return new NoClassOf(packageName);
    }

    /** The packages whose classes alone may depend on a package. */
    private record OnlyClassesOf(List<String> packageNames) {
        void know(String packageName) {
            noClasses().that().resideOutsideOfPackages(packageNames.toArray(String[]::new))
                    .should().dependOnClassesThat().resideInAPackage(packageName)
                    .check(production);
        }
    }

    private static OnlyClassesOf onlyClassesOf(String... packageNames) {
        return new OnlyClassesOf(List.of(packageNames));
    }
}
