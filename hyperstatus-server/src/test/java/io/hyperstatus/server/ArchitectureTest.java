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
                        "io.hyperstatus.storage..", "io.javalin..", "org.jdbi..", "org.eclipse.jetty..", "java.sql..")
                .check(production);
    }

    @Test
    void thePolicyEngineThrowsNoHttpException() {
        noClasses().that().resideInAPackage("io.hyperstatus.server.api.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hyperstatus.server.api.error..", "io.javalin..")
                .check(production);
    }

    /**
     * Five named classes, with their nested classes: StreamingResponder for a response's own connection,
     * JettySetup for the server's configuration, BodyReceiver for receiving bodies, HttpLayerErrors for the
     * answers Jetty writes by itself, TlsConnector for HTTPS.
     */
    @Test
    void jettyAppearsOnlyInFiveNamedClasses() {
        // The TLS connector builds a Jetty connector, which the server set-up installs as its one connector.
        noClasses().that().resideInAPackage("io.hyperstatus..")
                .and().haveNameNotMatching(
                        "io\\.hyperstatus\\.server\\.(api\\.(StreamingResponder|JettySetup|BodyReceiver|HttpLayerErrors)"
                                + "|tls\\.TlsConnector)(\\$.*)?")
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
