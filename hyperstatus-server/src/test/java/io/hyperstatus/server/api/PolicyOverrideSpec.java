package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.FileEdits.write;
import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.config.ConfigException;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestingNanoClock;
import io.hyperstatus.server.testing.ThreeHosts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's policy file ({@code [oslo_policy] policy_file}) against a real server: it overrides Nova's
 * defaults, is followed while the server runs, and a broken edit leaves the previous rules in force.
 */
class PolicyOverrideSpec {
    private static final String LIST = "os_compute_api:os-hypervisors:list";

    @TempDir
    Path dir;

    /** The server's clock for its looks at the policy file, at most one a second. */
    private final TestingNanoClock clock = new TestingNanoClock();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Path policyFile(String yaml) throws IOException {
        Path file = dir.resolve("policy.yaml");
        write(file, yaml);
        return file;
    }

    private void start(Path policy) {
        server = TestServer.start("[oslo_policy]\npolicy_file = " + policy + "\n", clock);
        ThreeHosts.seed(server);
    }

    private Reply asReader(String path) {
        return server.send("GET", path, null, TestServer.headers(TestServer.MEMBER, null));
    }

    /** Edits the file and lets a second pass, so that the next request makes the server look at the file again. */
    private void editAndLetASecondPass(Path file, String yaml) throws IOException {
        write(file, yaml);
        clock.advance(Duration.ofSeconds(1));
    }

    private int readerListStatus() {
        return asReader("/v2.1/os-hypervisors").status();
    }

    @Test
    void aPolicyFileLetsReadersListHypervisorsButNotShowThem() throws IOException {
        start(policyFile("\"" + LIST + "\": \"role:reader\"\n"));

        Reply list = asReader("/v2.1/os-hypervisors");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("hypervisors")).hasSize(3);
        assertFault(asReader("/v2.1/os-hypervisors/1"), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hypervisors:show to be performed.");
        assertFault(asReader("/v2.1/os-hypervisors/detail"), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hypervisors:list-detail to be performed.");
        assertThat(server.get("/v2.1/os-hypervisors").status()).as("the admin").isEqualTo(200);
    }

    @Test
    void overridingABaseRuleChangesEveryRuleBuiltOnIt() throws IOException {
        start(policyFile("context_is_admin: role:admin or role:reader\n"));

        assertThat(asReader("/v2.1/os-hypervisors/detail").status()).isEqualTo(200);
        assertThat(asReader("/v2.1/os-services").status()).isEqualTo(200);
    }

    @Test
    void editingTheFileAtRuntimeChangesTheAnswer() throws Exception {
        Path file = policyFile(LIST + ": role:reader\n");
        start(file);
        assertThat(asReader("/v2.1/os-hypervisors").status()).isEqualTo(200);

        editAndLetASecondPass(file, LIST + ": rule:context_is_admin\n");
        assertFault(asReader("/v2.1/os-hypervisors"), 403, "forbidden",
                "Policy doesn't allow " + LIST + " to be performed.");

        editAndLetASecondPass(file, LIST + ": rule:project_reader_or_admin\n");
        assertThat(readerListStatus()).isEqualTo(200);
    }

    @Test
    void aBrokenEditKeepsThePreviousRulesAndTheServerAnswering() throws Exception {
        Path file = policyFile(LIST + ": role:reader\n");
        start(file);

        editAndLetASecondPass(file, LIST + ": role:admin and (role:reader\n");
        assertThat(readerListStatus()).isEqualTo(200);
        editAndLetASecondPass(file, LIST + ": [unclosed\n");
        assertThat(readerListStatus()).isEqualTo(200);
        assertThat(server.get("/v2.1/os-hypervisors/detail").status()).isEqualTo(200);

        editAndLetASecondPass(file, LIST + ": role:admin\n");
        assertThat(readerListStatus()).isEqualTo(403);
    }

    @Test
    void aBrokenFileStopsStartUpNamingTheFile() throws IOException {
        Path file = policyFile(LIST + ": role:reader or or role:member\n");

        assertThatThrownBy(() -> TestServer.start("[oslo_policy]\npolicy_file = " + file + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Cannot load policy file " + file + ": rule \"" + LIST + "\": cannot parse"
                        + " \"role:reader or or role:member\": expected a check but found 'or' at position 16");
    }

    @Test
    void aMissingConfiguredFileStopsStartUpNamingTheOption() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> TestServer.start("[oslo_policy]\npolicy_file = " + missing + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [oslo_policy] policy_file: '" + missing + "' does not exist");
    }
}
