package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Per-host agent identity (see docs/agent-identity.md): a credential bound to host-a registers, heartbeats and
 * reports for host-a only, a refused call writes nothing, a node never moves to another host, an agent's credential
 * is refused everywhere in the compute API, and the simulator's credential, bound to every host, speaks for many.
 */
class AgentIdentitySpec {
    private static final String UUID_A = "0d0a5a6e-0000-4000-8000-00000000000a";
    private static final String UUID_B = "0d0a5a6e-0000-4000-8000-00000000000b";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.empty();
    private TestServer server;

    private Reply post(String secret, String path, String body) {
        return server.send("POST", "/agent/v1" + path, body,
                Map.of(TestServer.SECRET_HEADER, secret, "Content-Type", "application/json"));
    }

    private static String services(String... hosts) {
        StringBuilder body = new StringBuilder("{\"services\": [");
        for (int i = 0; i < hosts.length; i++) {
            body.append(i > 0 ? ", " : "").append("{\"host\": \"").append(hosts[i])
                    .append("\", \"binary\": \"nova-compute\"}");
        }
        return body.append("]}").toString();
    }

    private static String heartbeats(String... hosts) {
        return services(hosts).replace("\"services\"", "\"heartbeats\"");
    }

    private static String node(String host, String uuid, int vcpus) {
        return "{\"host\": \"" + host + "\", \"hypervisor_hostname\": \"" + host + ".example.org\", \"uuid\": \"" + uuid
                + "\", \"hypervisor_type\": \"QEMU\", \"hypervisor_version\": 8002000, \"vcpus\": " + vcpus
                + ", \"memory_mb\": 4096, \"local_gb\": 100}";
    }

    private static String nodes(String... nodes) {
        return "{\"compute_nodes\": [" + String.join(", ", nodes) + "]}";
    }

    /** Seeds host-a and host-b; {@link #everything()} then. */
    private String seedHostsAAndB() {
        server.seed(Host.named("host-a").uuid(UUID_A), Host.named("host-b").uuid(UUID_B));
        return everything();
    }

    /** agent-a's credential is bound to host-a alone. */
    private static void assertForbiddenForHostB(Reply reply) {
        assertFault(reply, 403, "forbidden", "Agent agent-a may not report for host host-b.");
    }

    /** Everything the compute API shows of the hosts and services, to compare before and after a refusal. */
    private String everything() {
        return server.get("/v2.1/os-hypervisors/detail", "2.88").body() + server.get("/v2.1/os-services", "2.88").body();
    }

    @Test
    void aCredentialBoundToHostARegistersHeartbeatsAndReportsForHostA() {
        assertThat(post(TestServer.HOST_A_SECRET, "/services", services("host-a")).status()).isEqualTo(200);
        assertThat(post(TestServer.HOST_A_SECRET, "/compute-nodes", nodes(node("host-a", UUID_A, 4))).status())
                .isEqualTo(200);
        Reply heartbeat = post(TestServer.HOST_A_SECRET, "/heartbeats", heartbeats("host-a"));
        assertThat(heartbeat.status()).isEqualTo(200);
        assertThat(heartbeat.json().get("unknown")).isEmpty();

        Reply shown = server.get("/v2.1/os-hypervisors/" + UUID_A, "2.88");
        assertThat(shown.json().at("/hypervisor/state").asText()).isEqualTo("up");
        assertThat(shown.json().at("/hypervisor/service/host").asText()).isEqualTo("host-a");
    }

    @Test
    void registeringHostBWithHostAsCredentialIsForbiddenAndNothingOfTheBatchIsRegistered() {
        Reply reply = post(TestServer.HOST_A_SECRET, "/services", services("host-a", "host-b"));

        assertForbiddenForHostB(reply);
        assertThat(server.get("/v2.1/os-services", "2.88").json().get("services")).isEmpty();
    }

    @Test
    void heartbeatingHostBWithHostAsCredentialIsForbiddenAndADeadHostBStaysDown() {
        seedHostsAAndB();
        server.ageHeartbeat("host-b", "nova-compute", 3600);
        String before = everything();
        assertThat(server.get("/v2.1/os-hypervisors/" + UUID_B, "2.88").json().at("/hypervisor/state").asText())
                .isEqualTo("down");

        Reply reply = post(TestServer.HOST_A_SECRET, "/heartbeats", heartbeats("host-a", "host-b"));

        assertForbiddenForHostB(reply);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void reportingHostBsNodeWithHostAsCredentialIsForbiddenAndHostBsResourcesAreUntouched() {
        String before = seedHostsAAndB();

        Reply reply = post(TestServer.HOST_A_SECRET, "/compute-nodes",
                nodes(node("host-a", UUID_A, 1), node("host-b", UUID_B, 1)));

        assertForbiddenForHostB(reply);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void reportingHostBsNodeUuidUnderHostAIsAConflictAndHostBKeepsItsNode() {
        String before = seedHostsAAndB();
        String conflict = "Compute node " + UUID_B + " belongs to host host-b; it cannot be reported for host host-a.";

        // Neither host-a's own credential nor one bound to every host can take host-b's node.
        assertFault(post(TestServer.HOST_A_SECRET, "/compute-nodes", nodes(node("host-a", UUID_B, 1))),
                409, "conflictingRequest", conflict);
        assertFault(post(TestServer.AGENT_SECRET, "/compute-nodes", nodes(node("host-a", UUID_A, 2),
                node("host-a", UUID_B, 1))), 409, "conflictingRequest", conflict);

        assertThat(everything()).isEqualTo(before);
        Reply shown = server.get("/v2.1/os-hypervisors/" + UUID_B, "2.53");
        assertThat(shown.json().at("/hypervisor/service/host").asText()).isEqualTo("host-b");
        assertThat(shown.json().at("/hypervisor/vcpus").asInt()).isEqualTo(32);
    }

    @Test
    void aDeletedNodeDoesNotMoveToAnotherHostEither() {
        server.seed(Host.named("host-b").uuid(UUID_B));
        long id = server.serviceId("host-b", "nova-compute");
        assertThat(server.send("DELETE", "/v2.1/os-services/" + server.serviceUuid("host-b", "nova-compute"),
                null, TestServer.headers(TestServer.ADMIN, "2.88")).status()).isEqualTo(204);

        assertFault(post(TestServer.AGENT_SECRET, "/compute-nodes", nodes(node("host-a", UUID_B, 1))), 409,
                "conflictingRequest", "Compute node " + UUID_B + " belongs to host host-b; it cannot be reported for"
                        + " host host-a.");
        assertThat(id).isPositive();
    }

    @Test
    void theCredentialBoundToEveryHostSpeaksForManyHostsInOneCall() {
        String many = "{\"services\": [{\"host\": \"sim-1\", \"binary\": \"nova-compute\"},"
                + " {\"host\": \"sim-2\", \"binary\": \"nova-compute\"},"
                + " {\"host\": \"controller\", \"binary\": \"nova-scheduler\"}]}";

        assertThat(post(TestServer.AGENT_SECRET, "/services", many).status()).isEqualTo(200);
        assertThat(post(TestServer.AGENT_SECRET, "/compute-nodes",
                nodes(node("sim-1", UUID_A, 1), node("sim-2", UUID_B, 1))).status()).isEqualTo(200);
        Reply heartbeat = post(TestServer.AGENT_SECRET, "/heartbeats", many.replace("\"services\"", "\"heartbeats\""));
        assertThat(heartbeat.status()).isEqualTo(200);
        assertThat(heartbeat.json().get("unknown")).isEmpty();
        assertThat(server.get("/v2.1/os-services", "2.88").json().get("services")).hasSize(3);
    }

    @Test
    void anUnknownSecretIsUnauthorizedWhateverTokenComesWithIt() {
        Reply reply = server.send("POST", "/agent/v1/heartbeats", heartbeats("host-a"), Map.of(
                TestServer.SECRET_HEADER, TestServer.HOST_A_SECRET + "x", "X-Auth-Token", TestServer.ADMIN,
                "Content-Type", "application/json"));

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void anAdminTokenIsBoundToNoHost() {
        Reply reply = server.send("POST", "/agent/v1/heartbeats", heartbeats("host-a"),
                Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json"));

        assertFault(reply, 403, "forbidden", "Policy doesn't allow hyperstatus:agent:report to be performed.");
    }

    @ParameterizedTest
    @CsvSource({
            "/v2.1/os-hypervisors, 2.88, os_compute_api:os-hypervisors:list",
            "/v2.1/os-hypervisors/detail, 2.88, os_compute_api:os-hypervisors:list-detail",
            "/v2.1/os-hypervisors/statistics, 2.87, os_compute_api:os-hypervisors:statistics",
            "/v2.1/os-hypervisors/" + UUID_A + ", 2.88, os_compute_api:os-hypervisors:show",
            "/v2.1/os-hypervisors/" + UUID_A + "/uptime, 2.87, os_compute_api:os-hypervisors:uptime",
            "/v2.1/os-services, 2.88, os_compute_api:os-services:list",
            "/v2.1/os-aggregates, 2.88, os_compute_api:os-aggregates:index",
            "/v2.1/os-availability-zone, 2.88, os_compute_api:os-availability-zone:list",
            "/v2.1/os-availability-zone/detail, 2.88, os_compute_api:os-availability-zone:detail",
            "/v2.1/os-hosts, 2.42, os_compute_api:os-hosts:list",
            "/v2.1/extensions, 2.88, os_compute_api:extensions",
            "/v2/os-hypervisors, 2.1, os_compute_api:os-hypervisors:list",
            "/v2/extensions, 2.1, os_compute_api:extensions",
    })
    void anAgentsCredentialIsRefusedInTheComputeApiEvenWhereEveryoneIsAllowed(String path, String version, String rule) {
        server.seed(Host.named("host-a").uuid(UUID_A));

        Reply reply = server.send("GET", path, null, Map.of(TestServer.SECRET_HEADER, TestServer.AGENT_SECRET,
                "OpenStack-API-Version", "compute " + version));

        assertFault(reply, 403, "forbidden", "Policy doesn't allow " + rule + " to be performed.");
    }

    @Test
    void anAgentsCredentialCannotChangeAService() {
        server.seed(Host.named("host-a").uuid(UUID_A));
        String before = everything();

        Reply reply = server.send("PUT", "/v2.1/os-services/" + server.serviceUuid("host-a", "nova-compute"),
                "{\"status\": \"disabled\"}", Map.of(TestServer.SECRET_HEADER, TestServer.HOST_A_SECRET,
                        "OpenStack-API-Version", "compute 2.88", "Content-Type", "application/json"));

        assertFault(reply, 403, "forbidden", "Policy doesn't allow os_compute_api:os-services:update to be performed.");
        assertThat(everything()).isEqualTo(before);
    }
}
