package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.client.AgentApiClient;
import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.server.testing.KeystoneFixture;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.TestingNanoClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import java.time.Instant;
import java.nio.file.attribute.FileTime;
import java.nio.file.Path;
import java.nio.file.Files;

/**
 * {@code auth_strategy = keystone} against the real Keystone of scripts/keystone.sh (started when it does not
 * answer; the test fails if it cannot be). Runs once, on the embedded database: it is about authentication, not
 * storage, so it is deliberately not a *Spec.
 */
class KeystoneAuthenticationTest {
    private static final String UNAUTHORIZED = """
            {"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""";
    private static final String CHALLENGE = "Keystone uri=\"" + KeystoneFixture.AUTH_URL + "\"";
    private static final String UNAVAILABLE = "The authentication service is unavailable. Please try again later.";
    private static final String LIST = "/v2.1/os-hypervisors";
    /**
     * Seconds the server waits for the live test Keystone. A single-process Keystone on a busy machine can take a few
     * seconds for one token; the cases that measure timeouts use unreachable or stuck servers instead.
     */
    private static final double LIVE_KEYSTONE_TIMEOUT = 10;

    /**
     * A one-second cache, so that a revoked token must stop working within the test; the user compute-agent is bound
     * to host compute-ks.
     */
    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.configured(
            KeystoneFixture.config(KeystoneFixture.AUTH_URL, 1, LIVE_KEYSTONE_TIMEOUT)
                    + "[agent_identity]\nhosts_file = " + agentHostsFile() + "\n");
    private TestServer server;

    private static Path agentHostsFile() {
        try {
            Path file = Files.createTempFile("hyperstatus-agent-hosts", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, "compute-agent compute-ks\n");
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String agentToken() {
        String token = KeystoneFixture.token("compute-agent", KeystoneFixture.AGENT_PASSWORD, "service");
        assertThat(token).as("a token of user compute-agent").isNotNull();
        return token;
    }

    @BeforeAll
    static void keystone() {
        KeystoneFixture.ensureRunning();
    }

    private static Reply get(TestServer server, String token) {
        return server.send("GET", LIST, null, TestServer.headers(token, "2.88"));
    }

    private static void assertUnauthorized(Reply reply) {
        assertJson(reply, 401, UNAUTHORIZED);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
    }

    @Test
    void anAdminTokenListsHypervisors() {
        Reply reply = get(server, KeystoneFixture.adminToken());
        assertJson(reply, 200, "{\"hypervisors\": []}");
    }

    @Test
    void aMemberTokenIsAuthenticatedButNotAllowed() {
        assertFault(get(server, KeystoneFixture.demoToken()), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.");
    }

    @Test
    void aReaderOnlyTokenIsNotAllowedEither() {
        String reader = KeystoneFixture.token("reader", KeystoneFixture.READER_PASSWORD, "demo");
        assertThat(reader).isNotNull();
        assertThat(get(server, reader).status()).isEqualTo(403);
    }

    @Test
    void aPolicyFileLetsAKeystoneReaderListHypervisorsAndABrokenEditKeepsThatRule(@TempDir Path folder)
            throws IOException {
        Path policy = folder.resolve("policy.yaml");
        Files.writeString(policy, "\"os_compute_api:os-hypervisors:list\": \"role:reader\"\n");
        String reader = KeystoneFixture.token("reader", KeystoneFixture.READER_PASSWORD, "demo");
        TestingNanoClock clock = new TestingNanoClock();
        try (TestServer withPolicy = TestServer.start(KeystoneFixture.config(KeystoneFixture.AUTH_URL, 1, LIVE_KEYSTONE_TIMEOUT)
                + "[oslo_policy]\npolicy_file = " + policy + "\n", clock)) {
            assertJson(get(withPolicy, reader), 200, "{\"hypervisors\": []}");
            assertFault(withPolicy.send("GET", "/v2.1/os-hypervisors/detail", null, TestServer.headers(reader, null)),
                    403, "forbidden", "Policy doesn't allow os_compute_api:os-hypervisors:list-detail to be performed.");

            // A broken edit is reported and ignored: the reader keeps the rule loaded before it.
            Files.writeString(policy, "\"os_compute_api:os-hypervisors:list\": \"role:reader and (\"\n");
            Files.setLastModifiedTime(policy, FileTime.from(Instant.now().plusSeconds(5)));
            clock.advance(Duration.ofSeconds(1)); // the server's next look at the file comes due
            assertJson(get(withPolicy, reader), 200, "{\"hypervisors\": []}");
            assertThat(withPolicy.send("GET", "/v2.1/os-hypervisors/detail", null, TestServer.headers(reader, null))
                    .status()).isEqualTo(403);
        }
    }

    @Test
    void aGarbageTokenGets401WithTheChallenge() {
        assertUnauthorized(get(server, "gAAAAABnot-a-token-at-all"));
        assertUnauthorized(get(server, "admin:admin"));
    }

    @Test
    void noTokenGets401WithTheChallenge() {
        assertUnauthorized(get(server, null));
    }

    @Test
    void aRevokedTokenStopsWorkingOnceTheCacheTimePasses() throws InterruptedException {
        String token = KeystoneFixture.adminToken();
        assertThat(get(server, token).status()).isEqualTo(200);

        KeystoneFixture.revoke(token);
        Thread.sleep(1_200);

        assertUnauthorized(get(server, token));
    }

    @Test
    void keystoneOnAClosedPortGets503() {
        try (TestServer orphan = TestServer.start(KeystoneFixture.config("http://127.0.0.1:1", 1, 2))) {
            Reply reply = get(orphan, KeystoneFixture.adminToken());
            assertFault(reply, 503, "serviceUnavailable", UNAVAILABLE);
        }
    }

    @Test
    void keystoneThatNeverAnswersGets503WithinTheTimeouts() throws IOException {
        // Accepts connections (the kernel does, into the backlog) and never answers a byte.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TestServer stuck = TestServer.start(KeystoneFixture.config(
                     "http://127.0.0.1:" + silent.getLocalPort(), 1, 1))) {
            long started = System.nanoTime();
            Reply reply = get(stuck, KeystoneFixture.adminToken());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertFault(reply, 503, "serviceUnavailable", UNAVAILABLE);
            // One request timeout for the service token, which is all it takes: no token, no validation.
            assertThat(took).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void theServerServesAgainOnceKeystoneIsBack() throws InterruptedException {
        String token = KeystoneFixture.adminToken();
        assertThat(get(server, token).status()).isEqualTo(200);
        try {
            KeystoneFixture.script("stop");
            Thread.sleep(1_200); // past the cache time: the token must be validated again
            assertFault(get(server, token), 503, "serviceUnavailable", UNAVAILABLE);
        } finally {
            KeystoneFixture.script("start");
        }
        assertJson(get(server, token), 200, "{\"hypervisors\": []}");
    }

    @Test
    void theAgentRegistersThroughKeystone() {
        HyperstatusConfig config = HyperstatusConfig.parse("[DEFAULT]\nhost = compute-ks\n"
                + KeystoneFixture.config(KeystoneFixture.AUTH_URL, 1, LIVE_KEYSTONE_TIMEOUT)
                + "[agent]\napi_servers = " + server.baseUrl() + "\nusername = compute-agent\npassword = "
                + KeystoneFixture.AGENT_PASSWORD + "\n");
        AgentApiClient agent = AgentApiClient.create(config.agent().apiServers(), config.agent(), Duration.ofSeconds(10));

        var registered = agent.register(List.of(new ServiceKey("compute-ks", "nova-compute")));
        assertThat(agent.heartbeat(List.of(new ServiceKey("compute-ks", "nova-compute")))).isEmpty();

        assertThat(registered).hasSize(1);
        Reply services = server.send("GET", "/v2.1/os-services", null,
                TestServer.headers(KeystoneFixture.adminToken(), "2.53"));
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.json().get("services")).anySatisfy(service -> {
            assertThat(service.get("host").asText()).isEqualTo("compute-ks");
            assertThat(service.get("state").asText()).isEqualTo("up");
            assertThat(service.get("id").asText()).isEqualTo(registered.get(0).uuid());
        });
    }

    @Test
    void anAgentUserBoundToOneHostIsForbiddenToSpeakForAnother() {
        Reply reply = server.send("POST", "/agent/v1/heartbeats",
                "{\"heartbeats\": [{\"host\": \"compute-other\", \"binary\": \"nova-compute\"}]}",
                java.util.Map.of("X-Auth-Token", agentToken(), "Content-Type", "application/json"));

        assertFault(reply, 403, "forbidden", "Agent compute-agent may not report for host compute-other.");
    }

    @Test
    void theServiceUserIsBoundToNoHost() {
        String service = KeystoneFixture.token("hyperstatus", KeystoneFixture.SERVICE_PASSWORD, "service");
        Reply reply = server.send("POST", "/agent/v1/heartbeats",
                "{\"heartbeats\": [{\"host\": \"compute-ks\", \"binary\": \"nova-compute\"}]}",
                java.util.Map.of("X-Auth-Token", service, "Content-Type", "application/json"));

        assertFault(reply, 403, "forbidden", "Policy doesn't allow hyperstatus:agent:report to be performed.");
    }

    @Test
    void aComputeAgentTokenIsRefusedInTheComputeApi() {
        String token = agentToken();
        assertFault(get(server, token), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hypervisors:list to be performed.");
        assertFault(server.send("GET", "/v2.1/extensions", null, TestServer.headers(token, "2.88")), 403, "forbidden",
                "Policy doesn't allow os_compute_api:extensions to be performed.");
        assertFault(server.send("GET", "/v2.1/os-availability-zone", null, TestServer.headers(token, "2.88")), 403,
                "forbidden", "Policy doesn't allow os_compute_api:os-availability-zone:list to be performed.");
    }
}
