package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The internal interface agents report through: /agent/v1/services, /compute-nodes and /heartbeats. */
class AgentInterfaceSpec {
    private static final Map<String, String> ADMIN_JSON =
            Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json");
    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.empty();
    private TestServer server;

    private Reply post(String path, String body) {
        return server.send("POST", "/agent/v1" + path, body, ADMIN_JSON);
    }

    @Test
    void registeringTwiceKeepsOneServiceWithTheSameIdentity() {
        String body = "{\"services\": [{\"host\": \"compute-1\", \"binary\": \"nova-compute\"}]}";
        Reply first = post("/services", body);
        Reply second = post("/services", body);
        assertThat(first.json().get("services").get(0).get("created").asBoolean()).isTrue();
        assertThat(second.json().get("services").get(0).get("created").asBoolean()).isFalse();
        assertThat(second.json().get("services").get(0).get("uuid")).isEqualTo(first.json().get("services").get(0).get("uuid"));
        assertThat(server.get("/v2.1/os-services").json().get("services")).hasSize(1);
    }

    @Test
    void heartbeatOfAnUnregisteredServiceIsReportedBackAsUnknown() {
        post("/services", "{\"services\": [{\"host\": \"compute-1\", \"binary\": \"nova-compute\"}]}");
        assertJson(post("/heartbeats", "{\"heartbeats\": [{\"host\": \"compute-1\", \"binary\": \"nova-compute\"},"
                + " {\"host\": \"gone\", \"binary\": \"nova-compute\"}]}"), 200,
                "{\"unknown\": [{\"host\": \"gone\", \"binary\": \"nova-compute\"}]}");
    }

    @Test
    void aLargeHeartbeatBatchOfSeveralBinariesReportsExactlyTheUnregisteredOnesInRequestOrder() {
        StringBuilder services = new StringBuilder("{\"services\": [{\"host\": \"ctl\", \"binary\": \"nova-scheduler\"}");
        StringBuilder beats = new StringBuilder("{\"heartbeats\": [{\"host\": \"ctl\", \"binary\": \"nova-scheduler\"}");
        for (int i = 0; i < 1203; i++) {
            services.append(", {\"host\": \"c").append(i).append("\", \"binary\": \"nova-compute\"}");
            beats.append(", {\"host\": \"c").append(i).append("\", \"binary\": \"nova-compute\"}");
            if (i == 600) {
                beats.append(", {\"host\": \"gone-b\", \"binary\": \"nova-compute\"}");
            }
        }
        beats.insert(beats.indexOf("[") + 1, "{\"host\": \"gone-a\", \"binary\": \"nova-compute\"}, ");
        beats.append(", {\"host\": \"c5\", \"binary\": \"nova-scheduler\"}]}");
        post("/services", services.append("]}").toString());
        server.ageHeartbeat("c1100", "nova-compute", 120);

        assertJson(post("/heartbeats", beats.toString()), 200, """
                {"unknown": [{"host": "gone-a", "binary": "nova-compute"}, {"host": "gone-b", "binary": "nova-compute"},
                             {"host": "c5", "binary": "nova-scheduler"}]}""");
        assertThat(server.get("/v2.1/os-services?host=c1100").json().get("services").get(0).get("state").asText())
                .isEqualTo("up");
    }

    @Test
    void heartbeatsMoveUpdatedAtAndKeepTheServiceUp() {
        server.seed(Host.named("compute-1"));
        server.ageHeartbeat("compute-1", "nova-compute", 120);
        assertThat(server.get("/v2.1/os-services").json().get("services").get(0).get("state").asText()).isEqualTo("down");
        server.heartbeat("compute-1", "nova-compute");
        assertThat(server.get("/v2.1/os-services").json().get("services").get(0).get("state").asText()).isEqualTo("up");
    }

    @Test
    void reportingAgainUpdatesTheNodeInPlaceAndReplacesItsInstances() {
        String uuid = server.seed(Host.named("compute-1").instance("11111111-1111-4111-8111-111111111111", "instance-00000001"))
                .get("compute-1");
        server.seed(Host.named("compute-1").uuid(uuid).with("vcpus", 64)
                .instance("22222222-2222-4222-8222-222222222222", "instance-00000002"));
        Reply detail = server.get("/v2.1/os-hypervisors/detail?with_servers=true", "2.75");
        assertThat(detail.json().get("hypervisors")).hasSize(1);
        assertThat(detail.json().get("hypervisors").get(0).get("vcpus").asInt()).isEqualTo(64);
        assertThat(detail.json().get("hypervisors").get(0).get("servers").toString()).isEqualTo(
                "[{\"name\":\"instance-00000002\",\"uuid\":\"22222222-2222-4222-8222-222222222222\"}]");
    }

    @Test
    void nodeWithoutAUuidGetsOneAndKeepsItByHostAndName() {
        String first = server.seed(Host.named("compute-1")).get("compute-1");
        String second = server.seed(Host.named("compute-1").with("vcpus", 8)).get("compute-1");
        assertThat(second).isEqualTo(first).matches("[0-9a-f-]{36}");
    }

    @Test
    void cpuInfoGivenAsAnObjectIsStoredAsItsJsonText() {
        server.seed(Host.named("compute-1").with("cpu_info", Map.of("arch", "aarch64")));
        assertThat(server.get("/v2.1/os-hypervisors/detail", "2.1").json().get("hypervisors").get(0).get("cpu_info")
                .asText()).isEqualTo("{\"arch\":\"aarch64\"}");
    }

    @Test
    void malformedReportsAreRefusedWithoutWritingAnything() {
        assertFault(post("/compute-nodes", "{\"compute_nodes\": [{\"host\": \"compute-1\"}]}"), 400, "badRequest",
                "Invalid input for field/attribute 0. Value: {'host': 'compute-1'}. 'hypervisor_hostname' is a required property");
        assertFault(post("/services", "{\"services\": [{\"host\": \"\", \"binary\": \"nova-compute\"}]}"), 400,
                "badRequest", "Invalid input for field/attribute host. Value: . '' is too short");
        assertFault(post("/heartbeats", "not json"), 400, "badRequest", "Malformed request body");
        assertThat(server.get("/v2.1/os-services").json().get("services")).isEmpty();
    }

    @Test
    void concurrentReportsFromSeveralAgentsAllSucceed() throws Exception {
        int agents = 4;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(agents);
        try {
            List<java.util.concurrent.Future<List<Integer>>> results = new java.util.ArrayList<>();
            for (int a = 0; a < agents; a++) {
                int agent = a;
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new java.util.ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        String host = "agent-" + agent + "-host";
                        statuses.add(post("/services", "{\"services\": [{\"host\": \"" + host
                                + "\", \"binary\": \"nova-compute\"}]}").status());
                        statuses.add(post("/compute-nodes", "{\"compute_nodes\": [{\"host\": \"" + host
                                + "\", \"hypervisor_hostname\": \"" + host + "\", \"hypervisor_type\": \"fake\","
                                + " \"hypervisor_version\": 1, \"vcpus\": " + (round + 1) + ", \"memory_mb\": 1024,"
                                + " \"local_gb\": 10, \"cpu_info\": \"\"}]}").status());
                        statuses.add(post("/heartbeats", "{\"heartbeats\": [{\"host\": \"" + host
                                + "\", \"binary\": \"nova-compute\"}]}").status());
                    }
                    return statuses;
                }));
            }
            for (var result : results) {
                assertThat(result.get()).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.get("/v2.1/os-hypervisors").json().get("hypervisors")).hasSize(agents);
    }

    private static String node(String host, String hostname, String uuid, String instances) {
        return "{\"host\": \"" + host + "\", \"hypervisor_hostname\": \"" + hostname + "\", \"uuid\": \"" + uuid
                + "\", \"hypervisor_type\": \"fake\", \"hypervisor_version\": 1, \"vcpus\": 1, \"memory_mb\": 1,"
                + " \"local_gb\": 1, \"cpu_info\": \"\", \"instances\": [" + instances + "]}";
    }

    @Test
    void anInstanceReportedTwiceIsABadRequestAndNothingIsWritten() {
        String instance = "{\"uuid\": \"11111111-1111-4111-8111-111111111111\", \"name\": \"instance-00000001\"}";
        assertFault(post("/compute-nodes", "{\"compute_nodes\": [" + node("compute-1", "compute-1",
                        "31bfbb40-558b-58b7-9d75-86cda558a1ce", instance + ", " + instance) + "]}"),
                400, "badRequest", "Instance 11111111-1111-4111-8111-111111111111 is reported more than once.");
        assertThat(server.get("/v2.1/os-hypervisors").json().get("hypervisors")).isEmpty();
    }

    @Test
    void aNodeClaimingAnotherNodesHostAndHostnameIsAConflictAndTheStoredNodesStay() {
        String first = "31bfbb40-558b-58b7-9d75-86cda558a1ce";
        server.seed(Host.named("compute-1").uuid(first), Host.named("compute-2").uuid("7c3cfce4-eca0-5adc-ac5b-995d327d9d40"));
        String before = server.get("/v2.1/os-hypervisors", "2.53").body();
        assertFault(post("/compute-nodes", "{\"compute_nodes\": [" + node("compute-2", "compute-2.example.org", first, "")
                + "]}"), 409, "conflictingRequest", "The report conflicts with stored compute nodes: a node's UUID, and"
                + " its host with its hypervisor hostname, each belong to one node only.");
        assertThat(server.get("/v2.1/os-hypervisors", "2.53").body()).isEqualTo(before);
    }

    @Test
    void onlyAdminsOrServicesMayReport() {
        Reply member = server.send("POST", "/agent/v1/heartbeats", "{\"heartbeats\": []}",
                Map.of("X-Auth-Token", TestServer.MEMBER, "Content-Type", "application/json"));
        assertFault(member, 403, "forbidden", "Policy doesn't allow hyperstatus:agent:report to be performed.");
        Reply anonymous = server.send("POST", "/agent/v1/heartbeats", "{\"heartbeats\": []}",
                Map.of("Content-Type", "application/json"));
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
