package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static io.hyperstatus.server.testing.ThreeHosts.NODE1;
import static io.hyperstatus.server.testing.ThreeHosts.NODE2;
import static io.hyperstatus.server.testing.ThreeHosts.NODE3;
import static io.hyperstatus.server.testing.ThreeHosts.UPTIME1;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHostsBodies;
import io.hyperstatus.server.testing.ThreeHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET /os-hypervisors/{id} (show), {id}/uptime, statistics, {pattern}/search and {pattern}/servers at every
 * microversion boundary, with their error answers.
 */
class HypervisorShowSpec {
    private static final String NOT_FOUND = "The resource could not be found.";
    private static final String RANDOM_UUID = "00000000-0000-4000-8000-000000000000";
    private static final String SERVERS1 = """
            [{"name": "instance-00000001", "uuid": "2bd0c710-beb0-5cfd-9396-d394db959a45"},
             {"name": "instance-00000002", "uuid": "6e6e5b2f-7f3b-5d3a-8a7c-3d2b1a0f9e8d"}]""";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;
    private ThreeHosts hosts;

    private static final String SHOW1_V228 = ThreeHostsBodies.withCpuInfoObjects(ThreeHostsBodies.SHOW1_V21);

    /** Node 1 from 2.53 to 2.87; {@code %s} are the node and service UUIDs, then an optional servers member. */
    private static final String SHOW1_V253 = """
            {"hypervisor": {"id": "%s", "hypervisor_hostname": "compute-0001.example.org", "state": "up", "status": "enabled",
             "host_ip": "192.0.2.11", "hypervisor_type": "QEMU", "hypervisor_version": 8002000,
             "service": {"host": "compute-0001", "id": "%s", "disabled_reason": null},
             "vcpus": 32, "memory_mb": 131072, "local_gb": 1000, "vcpus_used": 4, "memory_mb_used": 8704,
             "local_gb_used": 80, "free_ram_mb": 122368, "free_disk_gb": 920, "current_workload": 0,
             "running_vms": 2, "disk_available_least": 900,
             "cpu_info": {"arch": "x86_64", "vendor": "AMD"}%s}}""";

    private static final String SHOW3_V253 = """
            {"hypervisor": {"id": "%s", "hypervisor_hostname": "bm-node-0003", "state": "up", "status": "enabled",
             "host_ip": "192.0.2.13", "hypervisor_type": "ironic", "hypervisor_version": 1,
             "service": {"host": "compute-0003", "id": "%s", "disabled_reason": null},
             "vcpus": 48, "memory_mb": 65536, "local_gb": 500, "vcpus_used": 0, "memory_mb_used": 512,
             "local_gb_used": 0, "free_ram_mb": 65024, "free_disk_gb": 500, "current_workload": 0,
             "running_vms": 0, "disk_available_least": null, "cpu_info": {}%s}}""";

    private static final String STATISTICS = """
            {"hypervisor_statistics": {"count": 2, "vcpus": 80, "memory_mb": 196608, "local_gb": 1500,
             "vcpus_used": 4, "memory_mb_used": 9216, "local_gb_used": 80, "free_ram_mb": 187392,
             "free_disk_gb": 1420, "current_workload": 0, "running_vms": 2, "disk_available_least": 900}}""";

    private String show1V253(String servers) {
        return SHOW1_V253.formatted(NODE1, hosts.service1, servers);
    }

    // ---- show ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.27"})
    void showBefore228HasIntegerIdsAndCpuInfoAsTheDriversString(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/1", version), 200, ThreeHostsBodies.SHOW1_V21);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.28", "2.52"})
    void showFrom228HasCpuInfoAsAnObject(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/1", version), 200, SHOW1_V228);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.53", "2.74", "2.75", "2.87"})
    void showFrom253IsAddressedByUuidAndShowsUuids(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE1, version), 200, show1V253(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.88", "2.104", "latest"})
    void showFrom288DropsTheCountersAndCarriesUptime(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE1, version), 200, """
                {"hypervisor": {"id": "%s", "hypervisor_hostname": "compute-0001.example.org", "state": "up",
                 "status": "enabled", "host_ip": "192.0.2.11", "hypervisor_type": "QEMU", "hypervisor_version": 8002000,
                 "service": {"host": "compute-0001", "id": "%s", "disabled_reason": null}, "uptime": "%s"}}"""
                .formatted(NODE1, hosts.service1, UPTIME1));
    }

    @Test
    void showFrom288GivesUptimeNullForADownHostAndForADriverWithoutUptime() {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE2, "2.88"), 200, """
                {"hypervisor": {"id": "%s", "hypervisor_hostname": "compute-0002.example.org", "state": "down",
                 "status": "disabled", "host_ip": "192.0.2.12", "hypervisor_type": "QEMU", "hypervisor_version": 8002000,
                 "service": {"host": "compute-0002", "id": "%s", "disabled_reason": "maintenance"}, "uptime": null}}"""
                .formatted(NODE2, hosts.service2));
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE3, "2.88"), 200, """
                {"hypervisor": {"id": "%s", "hypervisor_hostname": "bm-node-0003", "state": "up",
                 "status": "enabled", "host_ip": "192.0.2.13", "hypervisor_type": "ironic", "hypervisor_version": 1,
                 "service": {"host": "compute-0003", "id": "%s", "disabled_reason": null}, "uptime": null}}"""
                .formatted(NODE3, hosts.service3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.53", "2.75"})
    void showWithServersListsTheInstancesOfTheNode(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE1 + "?with_servers=true", version), 200,
                show1V253(", \"servers\": " + SERVERS1));
    }

    @Test
    void showWithServersOmitsAnEmptyListBefore275() {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE3 + "?with_servers=true", "2.74"), 200,
                SHOW3_V253.formatted(NODE3, hosts.service3, ""));
    }

    @Test
    void showWithServersShowsAnEmptyListFrom275() {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE3 + "?with_servers=true", "2.75"), 200,
                SHOW3_V253.formatted(NODE3, hosts.service3, ", \"servers\": []"));
    }

    @Test
    void showWithServersFalseHasNoServersMember() {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE1 + "?with_servers=false", "2.75"), 200, show1V253(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.52"})
    void unknownQueryParametersOfShowAreStrippedBefore253(String version) {
        Reply reply = server.get("/v2.1/os-hypervisors/1?foo=bar&with_servers=true", version);
        assertJson(reply, 200, version.equals("2.1") ? ThreeHostsBodies.SHOW1_V21 : SHOW1_V228);
    }

    @Test
    void unknownQueryParametersOfShowAreRefusedFrom253() {
        assertFault(server.get("/v2.1/os-hypervisors/" + NODE1 + "?foo=bar", "2.53"), 400, "badRequest",
                "Additional properties are not allowed ('foo' was unexpected)");
        assertFault(server.get("/v2.1/os-hypervisors/" + NODE1 + "?with_servers=true&zzz=1&foo=bar", "2.88"), 400,
                "badRequest", "Additional properties are not allowed ('foo', 'zzz' were unexpected)");
    }

    @Test
    void withServersOfShowMustBeABoolean() {
        assertFault(server.get("/v2.1/os-hypervisors/" + NODE1 + "?with_servers=maybe", "2.53"), 400, "badRequest",
                "Invalid input for query parameters with_servers. Value: maybe. 'maybe' is not one of [True, 'True', "
                        + "'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', False, 'False', 'FALSE', 'false', "
                        + "'0', 'OFF', 'Off', 'off', 'NO', 'No', 'no']");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "999", "-1", "0", RANDOM_UUID, NODE1})
    void showBefore253OfAnythingButAKnownIntegerIdIsNotFound(String id) {
        Reply reply = server.get("/v2.1/os-hypervisors/" + id, "2.52");
        assertFault(reply, 404, "itemNotFound", "Hypervisor with ID '" + id + "' could not be found.");
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2.52");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "999", "1", "31bfbb40-558b-58b7-9d75-86cda558a1c"})
    void showFrom253OfSomethingNotLikeAUuidIsABadRequest(String id) {
        Reply reply = server.get("/v2.1/os-hypervisors/" + id, "2.53");
        assertFault(reply, 400, "badRequest", "Invalid uuid " + id);
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2.53");
    }

    @Test
    void integerIdWithServersFrom253IsABadRequest() {
        assertFault(server.get("/v2.1/os-hypervisors/1?with_servers=true", "2.53"), 400, "badRequest", "Invalid uuid 1");
    }

    @Test
    void showFrom253OfAnUnknownUuidIsNotFound() {
        assertFault(server.get("/v2.1/os-hypervisors/" + RANDOM_UUID, "2.53"), 404, "itemNotFound",
                "Hypervisor with ID '" + RANDOM_UUID + "' could not be found.");
    }

    @Test
    void aUuidWithoutDashesPassesTheCheckButIsNotFound() {
        String undashed = NODE1.replace("-", "");
        assertFault(server.get("/v2.1/os-hypervisors/" + undashed, "2.53"), 404, "itemNotFound",
                "Hypervisor with ID '" + undashed + "' could not be found.");
    }

    @Test
    void showOfANodeWhoseServiceWasDeletedIsNotFound() {
        server.delete("/v2.1/os-services/" + hosts.service3, "2.53");
        assertFault(server.get("/v2.1/os-hypervisors/" + NODE3, "2.53"), 404, "itemNotFound",
                "Hypervisor with ID '" + NODE3 + "' could not be found.");
    }

    // ---- uptime --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.52"})
    void uptimeBefore253IsTheSummaryWithTheUptimeText(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/1/uptime", version), 200, """
                {"hypervisor": {"id": 1, "hypervisor_hostname": "compute-0001.example.org", "state": "up",
                 "status": "enabled", "uptime": "%s"}}""".formatted(UPTIME1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.53", "2.87"})
    void uptimeFrom253IsAddressedByUuid(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE1 + "/uptime", version), 200, """
                {"hypervisor": {"id": "%s", "hypervisor_hostname": "compute-0001.example.org", "state": "up",
                 "status": "enabled", "uptime": "%s"}}""".formatted(NODE1, UPTIME1));
    }

    @Test
    void uptimeIgnoresUnknownQueryParameters() {
        assertThat(server.get("/v2.1/os-hypervisors/1/uptime?foo=bar", "2.1").status()).isEqualTo(200);
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE1 + "/uptime?foo=bar", "2.53"), 200, """
                {"hypervisor": {"id": "%s", "hypervisor_hostname": "compute-0001.example.org", "state": "up",
                 "status": "enabled", "uptime": "%s"}}""".formatted(NODE1, UPTIME1));
    }

    @Test
    void uptimeOfADownHostIsABadRequest() {
        assertFault(server.get("/v2.1/os-hypervisors/2/uptime", "2.1"), 400, "badRequest",
                "Compute service of compute-0002 is unavailable at this time.");
        assertFault(server.get("/v2.1/os-hypervisors/" + NODE2 + "/uptime", "2.53"), 400, "badRequest",
                "Compute service of compute-0002 is unavailable at this time.");
    }

    @Test
    void uptimeOfAHostWhoseHeartbeatStoppedIsABadRequest() {
        server.ageHeartbeat("compute-0001", "nova-compute", 61);
        assertFault(server.get("/v2.1/os-hypervisors/1/uptime", "2.1"), 400, "badRequest",
                "Compute service of compute-0001 is unavailable at this time.");
    }

    @Test
    void uptimeOfANodeWhoseDriverHasNoUptimeIsNotImplemented() {
        assertFault(server.get("/v2.1/os-hypervisors/3/uptime", "2.1"), 501, "notImplemented",
                "The requested functionality is not supported.");
        assertFault(server.get("/v2.1/os-hypervisors/" + NODE3 + "/uptime", "2.87"), 501, "notImplemented",
                "The requested functionality is not supported.");
    }

    @Test
    void uptimeOfABadIdFollowsTheRulesOfShow() {
        assertFault(server.get("/v2.1/os-hypervisors/abc/uptime", "2.1"), 404, "itemNotFound",
                "Hypervisor with ID 'abc' could not be found.");
        assertFault(server.get("/v2.1/os-hypervisors/999/uptime", "2.1"), 404, "itemNotFound",
                "Hypervisor with ID '999' could not be found.");
        assertFault(server.get("/v2.1/os-hypervisors/abc/uptime", "2.53"), 400, "badRequest", "Invalid uuid abc");
        assertFault(server.get("/v2.1/os-hypervisors/" + RANDOM_UUID + "/uptime", "2.53"), 404, "itemNotFound",
                "Hypervisor with ID '" + RANDOM_UUID + "' could not be found.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.88", "2.104", "latest"})
    void uptimeIsGoneFrom288WhateverTheId(String version) {
        Reply reply = server.get("/v2.1/os-hypervisors/" + NODE1 + "/uptime", version);
        assertFault(reply, 404, "itemNotFound", NOT_FOUND);
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute " + (version.equals("2.88") ? "2.88" : "2.104"));
        assertFault(server.get("/v2.1/os-hypervisors/abc/uptime", version), 404, "itemNotFound", NOT_FOUND);
    }

    // ---- statistics ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.53", "2.87"})
    void statisticsSumTheNodesOfEnabledServices(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/statistics", version), 200, STATISTICS);
    }

    @Test
    void statisticsCountAnEnabledNodeEvenWhenItsHostIsDown() {
        Reply enabled = server.put("/v2.1/os-services/" + hosts.service2, "2.53", "{\"status\": \"enabled\"}");
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertJson(server.get("/v2.1/os-hypervisors/statistics"), 200, """
                {"hypervisor_statistics": {"count": 3, "vcpus": 112, "memory_mb": 327680, "local_gb": 2500,
                 "vcpus_used": 6, "memory_mb_used": 13824, "local_gb_used": 100, "free_ram_mb": 313856,
                 "free_disk_gb": 2400, "current_workload": 0, "running_vms": 2, "disk_available_least": 1880}}""");
    }

    @Test
    void statisticsLeaveOutANodeOnceItsServiceIsDisabled() {
        Reply disabled = server.put("/v2.1/os-services/" + hosts.service3, "2.53", "{\"status\": \"disabled\"}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertJson(server.get("/v2.1/os-hypervisors/statistics"), 200, """
                {"hypervisor_statistics": {"count": 1, "vcpus": 32, "memory_mb": 131072, "local_gb": 1000,
                 "vcpus_used": 4, "memory_mb_used": 8704, "local_gb_used": 80, "free_ram_mb": 122368,
                 "free_disk_gb": 920, "current_workload": 0, "running_vms": 2, "disk_available_least": 900}}""");
    }

    @Test
    void statisticsIgnoreUnknownQueryParameters() {
        assertJson(server.get("/v2.1/os-hypervisors/statistics?foo=bar", "2.1"), 200, STATISTICS);
    }

    // ---- search and servers ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.52"})
    void searchIsASubstringMatchOnTheHostnameWithIntegerIds(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/compute/search", version), 200, """
                {"hypervisors": [
                  {"id": 1, "hypervisor_hostname": "compute-0001.example.org", "state": "up", "status": "enabled"},
                  {"id": 2, "hypervisor_hostname": "compute-0002.example.org", "state": "down", "status": "disabled"}]}""");
    }

    @Test
    void aPercentSignInTheSearchPatternMatchesEverything() {
        assertJson(server.get("/v2.1/os-hypervisors/%25/search", "2.1"), 200, """
                {"hypervisors": [
                  {"id": 1, "hypervisor_hostname": "compute-0001.example.org", "state": "up", "status": "enabled"},
                  {"id": 2, "hypervisor_hostname": "compute-0002.example.org", "state": "down", "status": "disabled"},
                  {"id": 3, "hypervisor_hostname": "bm-node-0003", "state": "up", "status": "enabled"}]}""");
    }

    @Test
    void searchIgnoresUnknownQueryParameters() {
        assertThat(server.get("/v2.1/os-hypervisors/compute/search?foo=bar", "2.1").json().get("hypervisors")).hasSize(2);
    }

    @Test
    void searchWithoutMatchIsNotFound() {
        assertFault(server.get("/v2.1/os-hypervisors/nomatch/search", "2.1"), 404, "itemNotFound",
                "No hypervisor matching 'nomatch' could be found.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.52"})
    void serversListsTheInstancesOfEachMatchingNodeAndOmitsEmptyLists(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/compute/servers", version), 200, """
                {"hypervisors": [
                  {"id": 1, "hypervisor_hostname": "compute-0001.example.org", "state": "up", "status": "enabled",
                   "servers": %s},
                  {"id": 2, "hypervisor_hostname": "compute-0002.example.org", "state": "down", "status": "disabled"}]}"""
                .formatted(SERVERS1));
        assertJson(server.get("/v2.1/os-hypervisors/bm-node/servers", version), 200, """
                {"hypervisors": [{"id": 3, "hypervisor_hostname": "bm-node-0003", "state": "up", "status": "enabled"}]}""");
    }

    @Test
    void serversWithoutMatchIsNotFound() {
        assertFault(server.get("/v2.1/os-hypervisors/nomatch/servers", "2.1"), 404, "itemNotFound",
                "No hypervisor matching 'nomatch' could be found.");
    }

    // ---- routes removed at a microversion --------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "statistics, 2.88", "statistics, 2.104", "statistics, latest",
            "compute/search, 2.53", "compute/search, 2.88", "compute/search, latest",
            "compute/servers, 2.53", "compute/servers, 2.75", "compute/servers, latest"})
    void aRouteIsNotFoundFromTheMicroversionThatRemovedIt(String route, String version) {
        assertFault(server.get("/v2.1/os-hypervisors/" + route, version), 404, "itemNotFound", NOT_FOUND);
    }
}
