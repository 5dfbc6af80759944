package io.hyperstatus.launcher;

import static io.hyperstatus.launcher.CliProcess.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Closeables;
import io.hyperstatus.server.testing.TestCertificates;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.ThreeHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over HTTPS with certificates the tests make, used by real {@code hyperstatus} processes: the CLI with
 * {@code --os-cacert} / {@code OS_CACERT}, and an agent presenting its client certificate to a server with
 * {@code [ssl] ca_file}.
 */
class HttpsEndToEndSpec {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path certificates;
    private static TestCertificates ca;
    private static TestCertificates.Issued api;

    @TempDir
    Path folder;
    private TestServer server;
    private AgentProcessHandle agent;

    @BeforeAll
    static void makeCertificates() {
        ca = TestCertificates.authority(certificates, "e2e");
        api = ca.server("api");
    }

    @AfterEach
    void stopAll() {
        Closeables.closeAll(agent, server);
    }

    private static String ssl(boolean clientCertificates) {
        return "[ssl]\ncert_file = " + api.certificate() + "\nkey_file = " + api.key() + "\n"
                + (clientCertificates ? "ca_file = " + ca.caFile() + "\n" : "");
    }

    private void startSeeded() {
        server = TestServer.start(ssl(false));
        ThreeHosts.seed(server);
    }

    @Test
    void theCliListsHypervisorsOverHttpsWhenGivenTheCa() throws Exception {
        startSeeded();
        JsonNode rows = json(CliProcess.against(server.baseUrl(), TestServer.ADMIN,
                "hypervisor", "list", "-f", "json", "--os-cacert", ca.caFile().toString()));
        assertThat(rows).hasSize(3);
    }

    @Test
    void theCliReadsTheCaFromOsCacert() throws Exception {
        startSeeded();
        JsonNode rows = json(CliProcess.run(Map.of("OS_CACERT", ca.caFile().toString(),
                "OS_ENDPOINT", server.baseUrl(), "OS_TOKEN", TestServer.ADMIN), List.of("service", "list", "-f", "json")));
        assertThat(rows).hasSize(4); // three nova-compute services and the controller's scheduler
    }

    @Test
    void theCliRefusesAServerItsCasDidNotSignInOneLine() throws Exception {
        startSeeded();
        CliProcess.Result result = CliProcess.against(server.baseUrl(), TestServer.ADMIN, "hypervisor", "list");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("hyperstatus: cannot reach " + server.baseUrl() + ": TLS: the server's"
                + " certificate is not signed by a CA this client trusts (it trusts the JDK's CA certificates)\n");
    }

    @Test
    void aMissingCaFileIsAUsageErrorNamingTheFlag() throws Exception {
        startSeeded();
        Path missing = folder.resolve("missing-ca.pem");
        CliProcess.Result result = CliProcess.against(server.baseUrl(), TestServer.ADMIN, "hypervisor", "list",
                "--os-cacert", missing.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("hyperstatus: Invalid value for option --os-cacert: '" + missing
                + "' does not exist (see 'hyperstatus hypervisor list --help')\n");
    }

    @Test
    void anAgentWithAClientCertificateReportsOverHttps() throws Exception {
        server = TestServer.start(ssl(true));
        TestCertificates.Issued own = ca.client("agent", "compute-tls");
        agent = AgentProcessHandle.start(agentConfig("compute-tls", "cafile = " + ca.caFile() + "\ncertfile = "
                + own.certificate() + "\nkeyfile = " + own.key() + "\n"));
        waitUntilUp("compute-tls");
    }

    @Test
    void anAgentWithoutAClientCertificateIsRefusedAndItsHostNeverAppears() throws Exception {
        server = TestServer.start(ssl(true));
        agent = AgentProcessHandle.start(agentConfig("compute-anon", "cafile = " + ca.caFile() + "\n"));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!agent.log().contains("client certificate") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(agent.log()).contains("The agent interface needs a client certificate signed by the API's CA.");
        assertThat(server.get("/v2.1/os-services").json().get("services")).isEmpty();
    }

    private Path agentConfig(String host, String tlsLines) throws Exception {
        Path state = Files.createDirectories(folder.resolve("state-" + host));
        Path file = folder.resolve("agent-" + host + ".conf");
        Files.writeString(file, "[DEFAULT]\nhost = " + host + "\nstate_path = " + state
                + "\nreport_interval = 0.5\nservice_down_time = 2\ncompute_driver = fake.FakeDriver\n"
                + "[agent]\napi_servers = " + server.baseUrl() + "\nsecret_file = " + AgentProcessHandle.secretFile(folder)
                + "\n" + tlsLines + "\n[metrics]\nagent_port = 0\n");
        return file;
    }

    private void waitUntilUp(String host) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode services = null;
        while (System.nanoTime() < deadline) {
            services = server.get("/v2.1/os-services").json().get("services");
            for (JsonNode service : services) {
                if (service.get("host").asText().equals(host) && service.get("state").asText().equals("up")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(host + " not up within " + PATIENCE + "; services: " + services + "\n--- agent log"
                + " ---\n" + agent.log());
    }
}
