package io.hyperstatus.protocol.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Reported;
import io.hyperstatus.domain.ServiceKey;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The agent interface's bodies, byte for byte as the agent sends them and the server answers them. */
class AgentCodecTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AgentCodec codec = new AgentCodec();

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Asserts the body written for {@code message}, and that reading that body gives the message back. */
    private <T> void assertWireForm(T message, AgentCodec.Writer write, Function<JsonNode, T> read, String body) {
        String json = codec.toJson(write);
        assertThat(json).isEqualTo(body);
        assertThat(read.apply(parse(json))).isEqualTo(message);
    }

    private static final List<ServiceKey> TWO_SERVICES = List.of(new ServiceKey("compute-01", "nova-compute"),
            new ServiceKey("controller", "nova-scheduler"));
    private static final String TWO_SERVICES_JSON =
            "[{\"host\":\"compute-01\",\"binary\":\"nova-compute\"},{\"host\":\"controller\",\"binary\":\"nova-scheduler\"}]";

    private static final NodeReport NODE = new NodeReport("compute-01", "compute-01.example.org",
            "31bfbb40-558b-58b7-9d75-86cda558a1ce", new NodeResources("QEMU", 8002000, "192.0.2.11", 32, 4, 131072,
                    8704, 1000, 80, 122368L, 920L, 0, 1, 900L, "{\"arch\": \"x86_64\", \"vendor\": \"AMD\"}",
                    " 06:45:30 up 120 days, 17:53,  4 users,  load average: 1.91, 2.56, 0.60"),
            List.of(new Instance("2bd0c710-beb0-5cfd-9396-d394db959a45", "instance-00000001")));

    /** What the agent sent before there was a codec (an ObjectNode's text), for the node above. */
    private static final String NODE_JSON = "{\"host\":\"compute-01\",\"hypervisor_hostname\":\"compute-01.example.org\","
            + "\"uuid\":\"31bfbb40-558b-58b7-9d75-86cda558a1ce\",\"hypervisor_type\":\"QEMU\","
            + "\"hypervisor_version\":8002000,\"host_ip\":\"192.0.2.11\",\"vcpus\":32,\"vcpus_used\":4,"
            + "\"memory_mb\":131072,\"memory_mb_used\":8704,\"local_gb\":1000,\"local_gb_used\":80,"
            + "\"free_ram_mb\":122368,\"free_disk_gb\":920,\"current_workload\":0,\"running_vms\":1,"
            + "\"disk_available_least\":900,\"cpu_info\":\"{\\\"arch\\\": \\\"x86_64\\\", \\\"vendor\\\": \\\"AMD\\\"}\","
            + "\"uptime\":\" 06:45:30 up 120 days, 17:53,  4 users,  load average: 1.91, 2.56, 0.60\","
            + "\"instances\":[{\"uuid\":\"2bd0c710-beb0-5cfd-9396-d394db959a45\",\"name\":\"instance-00000001\"}]}";

    @Test
    void servicesRequestIsTheListOfKeys() {
        RegisterServicesRequest request = new RegisterServicesRequest(TWO_SERVICES);
        assertWireForm(request, out -> codec.write(out, request), codec::readRegisterServicesRequest,
                "{\"services\":" + TWO_SERVICES_JSON + "}");
    }

    @Test
    void servicesAnswerGivesIdsUuidsAndWhetherCreated() {
        RegisterServicesResponse response = new RegisterServicesResponse(List.of(
                new RegisteredService("compute-01", "nova-compute", 1, "9c0b4e44-4f0e-4c5e-9d0e-53bd3a8a5ef2", true),
                new RegisteredService(new ServiceKey("controller", "nova-scheduler"), 2,
                        "1d3c7a51-3f6e-4b7e-8a51-0c9d5e2f6a10", false)));
        assertWireForm(response, out -> codec.write(out, response), codec::readRegisterServicesResponse,
                "{\"services\":["
                + "{\"host\":\"compute-01\",\"binary\":\"nova-compute\",\"id\":1,"
                + "\"uuid\":\"9c0b4e44-4f0e-4c5e-9d0e-53bd3a8a5ef2\",\"created\":true},"
                + "{\"host\":\"controller\",\"binary\":\"nova-scheduler\",\"id\":2,"
                + "\"uuid\":\"1d3c7a51-3f6e-4b7e-8a51-0c9d5e2f6a10\",\"created\":false}]}");
        assertThat(response.services().get(1).key()).isEqualTo(TWO_SERVICES.get(1));
    }

    @Test
    void heartbeatsRequestAndAnswerAreListsOfKeys() {
        HeartbeatsRequest request = new HeartbeatsRequest(TWO_SERVICES);
        assertWireForm(request, out -> codec.write(out, request), codec::readHeartbeatsRequest,
                "{\"heartbeats\":" + TWO_SERVICES_JSON + "}");

        HeartbeatsResponse response = new HeartbeatsResponse(List.of(new ServiceKey("gone-01", "nova-compute")));
        assertWireForm(response, out -> codec.write(out, response), codec::readHeartbeatsResponse,
                "{\"unknown\":[{\"host\":\"gone-01\",\"binary\":\"nova-compute\"}]}");
    }

    @Test
    void aCompleteNodeReportIsSentWithEveryFigureInTheDocumentedOrder() {
        ComputeNodesRequest request = new ComputeNodesRequest(List.of(ComputeNodeReport.of(NODE)));
        String json = codec.toJson(out -> codec.write(out, request));
        assertThat(json).isEqualTo("{\"compute_nodes\":[" + NODE_JSON + "]}");
        ComputeNodesRequest read = codec.readComputeNodesRequest(parse(json));
        assertThat(read).isEqualTo(request);
        assertThat(read.computeNodes().get(0).toNodeReport()).isEqualTo(NODE);
    }

    @Test
    void aNodeWithoutUuidLeavesTheUuidOutButSendsOtherUnknownFiguresAsNull() {
        NodeReport node = new NodeReport("fake-1", "fake-1", null, new NodeResources("fake", 1000, null, 1, 0, 8192, 512,
                1028, 0, null, 1028L, 0, 0, null, "{}", null), List.of());
        String json = codec.toJson(out -> codec.write(out, new ComputeNodesRequest(List.of(ComputeNodeReport.of(node)))));
        assertThat(json).isEqualTo("{\"compute_nodes\":[{\"host\":\"fake-1\",\"hypervisor_hostname\":\"fake-1\","
                + "\"hypervisor_type\":\"fake\",\"hypervisor_version\":1000,\"host_ip\":null,\"vcpus\":1,"
                + "\"vcpus_used\":0,\"memory_mb\":8192,\"memory_mb_used\":512,\"local_gb\":1028,\"local_gb_used\":0,"
                + "\"free_ram_mb\":null,\"free_disk_gb\":1028,\"current_workload\":0,\"running_vms\":0,"
                + "\"disk_available_least\":null,\"cpu_info\":\"{}\",\"uptime\":null,\"instances\":[]}]}");
        assertThat(codec.readComputeNodesRequest(parse(json)).computeNodes().get(0).toNodeReport()).isEqualTo(node);
    }

    @Test
    void figuresLeftOutOfANodeAreReadAsLeftOutAndFilledInByTheDomain() {
        ComputeNodeReport read = codec.readComputeNodesRequest(parse("""
                {"compute_nodes": [{"host": "compute-1", "hypervisor_hostname": "compute-1", "hypervisor_type": "fake",
                  "hypervisor_version": 1, "vcpus": 2, "memory_mb": 1024, "local_gb": 10,
                  "instances": [{"uuid": "11111111-1111-4111-8111-111111111111", "name": "instance-00000001"}]}]}"""))
                .computeNodes().get(0);
        assertThat(read).isEqualTo(new ComputeNodeReport("compute-1", "compute-1", null, "fake", 1, null, 2, 0, 1024,
                0, 10, 0, Reported.leftOut(), Reported.leftOut(), Reported.leftOut(), Reported.leftOut(), null, "",
                null, List.of(new Instance("11111111-1111-4111-8111-111111111111", "instance-00000001"))));
        assertThat(read.toNodeReport()).isEqualTo(new NodeReport("compute-1", "compute-1", null, new NodeResources(
                "fake", 1, null, 2, 0, 1024, 0, 10, 0, 1024L, 10L, 0, 1, null, "", null), read.instances()));
        String written = codec.toJson(out -> codec.write(out, read));
        assertThat(written).doesNotContain("free_ram_mb", "free_disk_gb", "current_workload", "running_vms");
    }

    @Test
    void figuresSentAsNullStayUnknown() {
        ComputeNodeReport read = codec.readComputeNodesRequest(parse("""
                {"compute_nodes": [{"host": "h", "hypervisor_hostname": "h", "hypervisor_type": "fake",
                  "hypervisor_version": 1, "vcpus": 2, "memory_mb": 1024, "local_gb": 10, "free_ram_mb": null,
                  "free_disk_gb": null, "current_workload": null, "running_vms": null, "cpu_info": ""}]}"""))
                .computeNodes().get(0);
        assertThat(read).isEqualTo(new ComputeNodeReport("h", "h", null, "fake", 1, null, 2, 0, 1024, 0, 10, 0,
                Reported.of(null), Reported.of(null), Reported.of(null), Reported.of(null), null, "", null, List.of()));
        assertThat(read.toNodeReport().resources()).isEqualTo(new NodeResources("fake", 1, null, 2, 0, 1024, 0, 10, 0,
                null, null, null, null, null, "", null));
    }

    @Test
    void cpuInfoSentAsAnObjectIsReadAsItsJsonText() {
        ComputeNodeReport read = codec.readComputeNodesRequest(parse("""
                {"compute_nodes": [{"host": "h", "hypervisor_hostname": "h", "hypervisor_type": "fake",
                  "hypervisor_version": 1, "vcpus": 2, "memory_mb": 1024, "local_gb": 10,
                  "cpu_info": {"arch": "aarch64", "topology": {"cores": 4}}}]}""")).computeNodes().get(0);
        assertThat(read.cpuInfo()).isEqualTo("{\"arch\":\"aarch64\",\"topology\":{\"cores\":4}}");
    }

    @Test
    void computeNodesAnswerGivesEachNodesUuid() {
        ComputeNodesResponse response = new ComputeNodesResponse(List.of(
                new ReportedNode("compute-01", "compute-01.example.org", "31bfbb40-558b-58b7-9d75-86cda558a1ce")));
        assertWireForm(response, out -> codec.write(out, response), codec::readComputeNodesResponse,
                "{\"compute_nodes\":[{\"host\":\"compute-01\","
                + "\"hypervisor_hostname\":\"compute-01.example.org\",\"uuid\":\"31bfbb40-558b-58b7-9d75-86cda558a1ce\"}]}");
    }

    @Test
    void nonAsciiTextIsLeftAsItIsForTheCallersGeneratorToEscapeOrNot() {
        HeartbeatsRequest request = new HeartbeatsRequest(List.of(new ServiceKey("hôte-1", "nova-compute")));
        assertThat(codec.toJson(out -> codec.write(out, request)))
                .isEqualTo("{\"heartbeats\":[{\"host\":\"hôte-1\",\"binary\":\"nova-compute\"}]}");
    }
}
