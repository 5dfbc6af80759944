package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.Reported;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.protocol.agent.AgentCodec;
import io.hyperstatus.protocol.agent.ComputeNodeReport;
import io.hyperstatus.protocol.agent.ComputeNodesRequest;
import io.hyperstatus.protocol.agent.HeartbeatsRequest;
import io.hyperstatus.protocol.agent.RegisterServicesRequest;
import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import java.util.ArrayList;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The internal interface agents report through: /agent/v1/services, /compute-nodes and /heartbeats. */
class AgentInterfaceSpec {
    private static final Map<String, String> AGENT_JSON =
            Map.of(TestServer.SECRET_HEADER, TestServer.AGENT_SECRET, "Content-Type", "application/json");
    private final AgentCodec codec = new AgentCodec();
    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.empty();
    private TestServer server;

    private Reply post(String path, String body) {
        return server.send("POST", "/agent/v1" + path, body, AGENT_JSON);
    }

    private Reply post(RegisterServicesRequest request) {
        return post("/services", codec.toJson(json -> codec.write(json, request)));
    }

    private Reply post(HeartbeatsRequest request) {
        return post("/heartbeats", codec.toJson(json -> codec.write(json, request)));
    }

    private Reply post(ComputeNodesRequest request) {
        return post("/compute-nodes", codec.toJson(json -> codec.write(json, request)));
    }

    private static ServiceKey compute(String host) {
        return new ServiceKey(host, "nova-compute");
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
        List<ServiceKey> services = new ArrayList<>(List.of(new ServiceKey("ctl", "nova-scheduler")));
        List<ServiceKey> beats = new ArrayList<>(List.of(compute("gone-a"), new ServiceKey("ctl", "nova-scheduler")));
        for (int i = 0; i < 1203; i++) {
            services.add(compute("c" + i));
            beats.add(compute("c" + i));
            if (i == 600) {
                beats.add(compute("gone-b"));
            }
        }
        beats.add(new ServiceKey("c5", "nova-scheduler"));
        post(new RegisterServicesRequest(services));
        server.ageHeartbeat("c1100", "nova-compute", 120);

        assertJson(post(new HeartbeatsRequest(beats)), 200, """
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
        post(new RegisterServicesRequest(List.of(compute("compute-1"))));
        assertThat(post("/compute-nodes", "{\"compute_nodes\": [{\"host\": \"compute-1\", \"hypervisor_hostname\":"
                + " \"compute-1\", \"hypervisor_type\": \"QEMU\", \"hypervisor_version\": 1, \"vcpus\": 1,"
                + " \"memory_mb\": 1, \"local_gb\": 1, \"cpu_info\": {\"arch\": \"aarch64\"}}]}").status()).isEqualTo(200);
        post(new HeartbeatsRequest(List.of(compute("compute-1"))));
        assertThat(server.get("/v2.1/os-hypervisors/detail", "2.1").json().get("hypervisors").get(0).get("cpu_info")
                .asText()).isEqualTo("{\"arch\":\"aarch64\"}");
    }

    @Test
    void figuresLeftOutAreDerivedAndFiguresSentAsNullStayUnknown() {
        post(new RegisterServicesRequest(List.of(compute("derived"), compute("unknown"))));
        Instance instance = new Instance("11111111-1111-4111-8111-111111111111", "instance-00000001");
        ComputeNodeReport derived = new ComputeNodeReport("derived", "derived", null, "fake", 1, null, 4, 1, 1024, 256,
                10, 3, Reported.leftOut(), Reported.leftOut(), Reported.leftOut(), Reported.leftOut(), null, "", null,
                List.of(instance));
        ComputeNodeReport unknown = new ComputeNodeReport("unknown", "unknown", null, "fake", 1, null, 4, 1, 1024, 256,
                10, 3, Reported.of(null), Reported.of(null), Reported.of(null), Reported.of(null), null, "", null,
                List.of());
        assertThat(post(new ComputeNodesRequest(List.of(derived, unknown))).status()).isEqualTo(200);
        post(new HeartbeatsRequest(List.of(compute("derived"), compute("unknown"))));

        var hypervisors = server.get("/v2.1/os-hypervisors/detail", "2.1").json().get("hypervisors");
        assertThat(hypervisors).hasSize(2);
        for (var hypervisor : hypervisors) {
            String figures = "free_ram_mb=" + hypervisor.get("free_ram_mb") + " free_disk_gb="
                    + hypervisor.get("free_disk_gb") + " current_workload=" + hypervisor.get("current_workload")
                    + " running_vms=" + hypervisor.get("running_vms");
            assertThat(figures).isEqualTo(hypervisor.get("hypervisor_hostname").asText().equals("derived")
                    ? "free_ram_mb=768 free_disk_gb=7 current_workload=0 running_vms=1"
                    : "free_ram_mb=null free_disk_gb=null current_workload=null running_vms=null");
        }
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
                        statuses.add(post(new RegisterServicesRequest(List.of(compute(host)))).status());
                        statuses.add(post(new ComputeNodesRequest(List.of(
                                node(host, host, null, round + 1, 1024, 10, List.of())))).status());
                        statuses.add(post(new HeartbeatsRequest(List.of(compute(host)))).status());
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

    /** A fake node with only the required figures; the server fills in the rest. */
    private static ComputeNodeReport node(String host, String hostname, String uuid, int vcpus, long memoryMb,
            long localGb, List<Instance> instances) {
        return new ComputeNodeReport(host, hostname, uuid, "fake", 1, null, vcpus, 0, memoryMb, 0, localGb, 0,
                Reported.leftOut(), Reported.leftOut(), Reported.leftOut(), Reported.leftOut(), null, "", null,
                instances);
    }

    @Test
    void anInstanceReportedTwiceIsABadRequestAndNothingIsWritten() {
        Instance instance = new Instance("11111111-1111-4111-8111-111111111111", "instance-00000001");
        assertFault(post(new ComputeNodesRequest(List.of(node("compute-1", "compute-1",
                        "31bfbb40-558b-58b7-9d75-86cda558a1ce", 1, 1, 1, List.of(instance, instance))))),
                400, "badRequest", "Instance 11111111-1111-4111-8111-111111111111 is reported more than once.");
        assertThat(server.get("/v2.1/os-hypervisors").json().get("hypervisors")).isEmpty();
    }

    @Test
    void aNodeClaimingAnotherNodesHostAndHostnameIsAConflictAndTheStoredNodesStay() {
        String first = "31bfbb40-558b-58b7-9d75-86cda558a1ce";
        server.seed(Host.named("compute-1").uuid(first), Host.named("compute-2").uuid("7c3cfce4-eca0-5adc-ac5b-995d327d9d40"));
        String before = server.get("/v2.1/os-hypervisors", "2.53").body();
        // A new UUID under compute-2's host and hypervisor hostname (the UUID of compute-1's node under compute-2 is
        // refused as a move, see AgentIdentitySpec).
        assertFault(post(new ComputeNodesRequest(List.of(node("compute-2", "compute-2.example.org",
                "5a1c3d0e-2f4b-4c7d-9e8f-0a1b2c3d4e5f", 1, 1, 1, List.of())))), 409, "conflictingRequest", "The report conflicts with stored compute nodes: a node's UUID, and"
                + " its host with its hypervisor hostname, each belong to one node only.");
        assertThat(server.get("/v2.1/os-hypervisors", "2.53").body()).isEqualTo(before);
    }

    @Test
    void onlyAgentCredentialsMayReportNotMembersNorAdmins() {
        Reply member = server.send("POST", "/agent/v1/heartbeats", "{\"heartbeats\": []}",
                Map.of("X-Auth-Token", TestServer.MEMBER, "Content-Type", "application/json"));
        assertFault(member, 403, "forbidden", "Policy doesn't allow hyperstatus:agent:report to be performed.");
        Reply admin = server.send("POST", "/agent/v1/heartbeats", "{\"heartbeats\": []}",
                Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json"));
        assertFault(admin, 403, "forbidden", "Policy doesn't allow hyperstatus:agent:report to be performed.");
        Reply anonymous = server.send("POST", "/agent/v1/heartbeats", "{\"heartbeats\": []}",
                Map.of("Content-Type", "application/json"));
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
