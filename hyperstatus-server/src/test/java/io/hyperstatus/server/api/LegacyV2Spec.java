package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static io.hyperstatus.server.testing.ThreeHosts.UPTIME1;
import static io.hyperstatus.server.testing.VersionHeaders.assertNoVersionHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHostsBodies;
import io.hyperstatus.server.testing.ThreeHosts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The legacy {@code /v2} API: the v2.1 controllers answering as 2.1 whatever the request's version headers, without
 * version headers of their own; the {@code os-hypervisor-status} extension adds state, status and
 * service.disabled_reason, and can be unloaded.
 */
class LegacyV2Spec {
    private static final String PROJECT = "6f70656e737461636b20697320636f6f6c";
    private static final String TOKEN = "admin:" + PROJECT;
    private static final String V2 = "/v2/" + PROJECT;

    private static final String LIST_WITHOUT_STATUS = """
            {"hypervisors": [
              {"id": 1, "hypervisor_hostname": "compute-0001.example.org"},
              {"id": 2, "hypervisor_hostname": "compute-0002.example.org"},
              {"id": 3, "hypervisor_hostname": "bm-node-0003"}]}""";

    private static final String SHOW1_WITHOUT_STATUS = """
            {"hypervisor": {"id": 1, "hypervisor_hostname": "compute-0001.example.org",
             "host_ip": "192.0.2.11", "hypervisor_type": "QEMU", "hypervisor_version": 8002000,
             "service": {"host": "compute-0001", "id": 1},
             "vcpus": 32, "memory_mb": 131072, "local_gb": 1000, "vcpus_used": 4, "memory_mb_used": 8704,
             "local_gb_used": 80, "free_ram_mb": 122368, "free_disk_gb": 920, "current_workload": 0,
             "running_vms": 2, "disk_available_least": 900,
             "cpu_info": "{\\"arch\\": \\"x86_64\\", \\"vendor\\": \\"AMD\\"}"}}""";

    private static final String STATISTICS = """
            {"hypervisor_statistics": {"count": 2, "vcpus": 80, "memory_mb": 196608, "local_gb": 1500,
             "vcpus_used": 4, "memory_mb_used": 9216, "local_gb_used": 80, "free_ram_mb": 187392,
             "free_disk_gb": 1420, "current_workload": 0, "running_vms": 2, "disk_available_least": 900}}""";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;

    private static Reply get(TestServer on, String path, String... headerPairs) {
        List<String> headers = new ArrayList<>(List.of("X-Auth-Token", TOKEN));
        headers.addAll(List.of(headerPairs));
        return on.sendRaw("GET", path, null, headers);
    }

    private Reply get(String path, String... headerPairs) {
        return get(server, path, headerPairs);
    }

    private Reply put(String path, String body, String... headerPairs) {
        List<String> headers = new ArrayList<>(List.of("X-Auth-Token", TOKEN, "Content-Type", "application/json"));
        headers.addAll(List.of(headerPairs));
        return server.sendRaw("PUT", path, body, headers);
    }

    // ---- answered as 2.1 -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {V2 + "/os-hypervisors", "/v2/os-hypervisors"})
    void listIsThe21ListWithoutVersionHeaders(String path) {
        Reply reply = get(path);
        assertJson(reply, 200, ThreeHostsBodies.LIST_V21);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertNoVersionHeaders(reply);
    }

    @ParameterizedTest
    @CsvSource({"OpenStack-API-Version, compute 2.53", "OpenStack-API-Version, compute 2.999",
            "OpenStack-API-Version, compute 2.x", "X-OpenStack-Nova-API-Version, 2.53",
            "OpenStack-API-Version, compute latest"})
    void requestVersionHeadersAreIgnored(String header, String value) {
        Reply reply = get(V2 + "/os-hypervisors", header, value);
        assertJson(reply, 200, ThreeHostsBodies.LIST_V21);
        assertNoVersionHeaders(reply);
    }

    @Test
    void detailIsThe21DetailWithCpuInfoAsText() {
        assertJson(get(V2 + "/os-hypervisors/detail"), 200, ThreeHostsBodies.DETAIL_V21);
    }

    @Test
    void detailIgnoresPagingAndUnknownParametersEvenWithA253Header() {
        Reply reply = get(V2 + "/os-hypervisors/detail?limit=1&foo=bar", "OpenStack-API-Version", "compute 2.53");
        assertJson(reply, 200, ThreeHostsBodies.DETAIL_V21);
        assertNoVersionHeaders(reply);
    }

    @Test
    void showIsThe21ShowByIntegerId() {
        Reply reply = get(V2 + "/os-hypervisors/1", "OpenStack-API-Version", "compute 2.88");
        assertJson(reply, 200, ThreeHostsBodies.SHOW1_V21);
        assertNoVersionHeaders(reply);
    }

    @Test
    void showOfABadIdIsNotFoundWithoutVersionHeaders() {
        Reply reply = get(V2 + "/os-hypervisors/abc", "OpenStack-API-Version", "compute 2.53");
        assertFault(reply, 404, "itemNotFound", "Hypervisor with ID 'abc' could not be found.");
        assertNoVersionHeaders(reply);
    }

    @Test
    void statisticsStayAvailableWhateverTheVersionHeader() {
        assertJson(get(V2 + "/os-hypervisors/statistics"), 200, STATISTICS);
        assertJson(get(V2 + "/os-hypervisors/statistics", "OpenStack-API-Version", "compute 2.88"), 200, STATISTICS);
    }

    @Test
    void uptimeStaysAvailableWhateverTheVersionHeader() {
        String expected = """
                {"hypervisor": {"id": 1, "hypervisor_hostname": "compute-0001.example.org", "state": "up",
                 "status": "enabled", "uptime": "%s"}}""".formatted(UPTIME1);
        assertJson(get(V2 + "/os-hypervisors/1/uptime"), 200, expected);
        assertJson(get(V2 + "/os-hypervisors/1/uptime", "OpenStack-API-Version", "compute 2.88"), 200, expected);
        assertFault(get(V2 + "/os-hypervisors/2/uptime"), 400, "badRequest",
                "Compute service of compute-0002 is unavailable at this time.");
    }

    @Test
    void searchStaysAvailableWithA253Header() {
        Reply reply = get(V2 + "/os-hypervisors/compute/search", "OpenStack-API-Version", "compute 2.53");
        assertJson(reply, 200, ThreeHostsBodies.list(1, 2));
        assertNoVersionHeaders(reply);
    }

    // ---- os-services ---------------------------------------------------------------------------------------------

    @Test
    void unknownBodyPropertiesAreStrippedNotRefused() {
        Reply disabled = put(V2 + "/os-services/disable", "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"foo\": 1}");
        assertJson(disabled, 200, "{\"service\": {\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"status\": \"disabled\"}}");
        assertNoVersionHeaders(disabled);
        assertThat(get(V2 + "/os-hypervisors").json().get("hypervisors").get(0).get("status").asText()).isEqualTo("disabled");
        assertJson(put(V2 + "/os-services/enable", "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"foo\": 1}"),
                200, "{\"service\": {\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"status\": \"enabled\"}}");
    }

    @Test
    void forceDownIsAnUnknownActionEvenWithA211Header() {
        String body = "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": true}";
        Reply reply = put(V2 + "/os-services/force-down", body);
        assertFault(reply, 404, "itemNotFound", "Unknown action");
        assertNoVersionHeaders(reply);
        assertFault(put(V2 + "/os-services/force-down", body, "OpenStack-API-Version", "compute 2.11"), 404,
                "itemNotFound", "Unknown action");
    }

    @Test
    void theBodyIsStillValidated() {
        assertFault(put(V2 + "/os-services/enable", "{}"), 400, "badRequest", "'host' is a required property");
        assertFault(put(V2 + "/os-services/enable", "{\"host\": \"a b\", \"binary\": \"nova-compute\"}"), 400, "badRequest",
                "Invalid input for field/attribute host. Value: a b. 'a b' does not match '^[a-zA-Z0-9-._]*$'");
    }

    // ---- the os-hypervisor-status extension ------------------------------------------------------------------------

    @Test
    void withTheStatusExtensionUnloadedV2HypervisorsHaveNoStateStatusOrDisabledReason() {
        try (TestServer unloaded = TestServer.start("[api]\nlegacy_v2_extensions =\n")) {
            ThreeHosts.seed(unloaded);
            assertJson(get(unloaded, V2 + "/os-hypervisors"), 200, LIST_WITHOUT_STATUS);
            String detail = ThreeHostsBodies.DETAIL_V21
                    .replaceAll(", \"state\": \"(up|down)\", \"status\": \"(enabled|disabled)\"", "")
                    .replaceAll(", \"disabled_reason\": (null|\"maintenance\")", "");
            assertThat(detail).doesNotContain("state").doesNotContain("disabled_reason");
            assertJson(get(unloaded, V2 + "/os-hypervisors/detail"), 200, detail);
            assertJson(get(unloaded, V2 + "/os-hypervisors/1"), 200, SHOW1_WITHOUT_STATUS);
            assertJson(get(unloaded, V2 + "/os-hypervisors/1/uptime"), 200, """
                    {"hypervisor": {"id": 1, "hypervisor_hostname": "compute-0001.example.org", "uptime": "%s"}}"""
                    .formatted(UPTIME1));
            assertJson(get(unloaded, V2 + "/os-hypervisors/bm-node/search"), 200,
                    "{\"hypervisors\": [{\"id\": 3, \"hypervisor_hostname\": \"bm-node-0003\"}]}");
        }
    }

    @Test
    void withTheStatusExtensionUnloadedV21IsUnchanged() {
        try (TestServer unloaded = TestServer.start("[api]\nlegacy_v2_extensions =\n")) {
            ThreeHosts.seed(unloaded);
            assertJson(get(unloaded, "/v2.1/" + PROJECT + "/os-hypervisors"), 200, ThreeHostsBodies.LIST_V21);
            assertJson(get(unloaded, "/v2.1/" + PROJECT + "/os-hypervisors/1"), 200, ThreeHostsBodies.SHOW1_V21);
        }
    }

    @Test
    void withTheStatusExtensionUnloadedOnlyTheV2ExtensionListDropsIt() {
        try (TestServer unloaded = TestServer.start("[api]\nlegacy_v2_extensions =\n")) {
            Reply v2 = get(unloaded, V2 + "/extensions");
            assertThat(v2.json().get("extensions")).hasSize(99);
            assertThat(v2.json().findValuesAsText("alias")).doesNotContain("os-hypervisor-status").contains("OS-EXT-VIF-NET");
            assertFault(get(unloaded, V2 + "/extensions/os-hypervisor-status"), 404, "itemNotFound",
                    "The resource could not be found.");
            Reply v21 = get(unloaded, "/v2.1/" + PROJECT + "/extensions");
            assertThat(v21.json().get("extensions")).hasSize(99);
            assertThat(v21.json().findValuesAsText("alias")).contains("os-hypervisor-status");
        }
    }

    @Test
    void withTheStatusExtensionLoadedTheV2ExtensionListHasIt() {
        assertThat(get(V2 + "/extensions").json().findValuesAsText("alias")).contains("os-hypervisor-status");
    }
}
