package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static io.hyperstatus.server.testing.ThreeHosts.NODE1;
import static io.hyperstatus.server.testing.ThreeHosts.NODE2;
import static io.hyperstatus.server.testing.ThreeHosts.NODE3;
import static io.hyperstatus.server.testing.ThreeHosts.UPTIME1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHostsBodies;
import io.hyperstatus.server.testing.ThreeHosts;
import java.util.Map;
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

    private static final String STATISTICS = """
            {"hypervisor_statistics": {"count": 2, "vcpus": 80, "memory_mb": 196608, "local_gb": 1500,
             "vcpus_used": 4, "memory_mb_used": 9216, "local_gb_used": 80, "free_ram_mb": 187392,
             "free_disk_gb": 1420, "current_workload": 0, "running_vms": 2, "disk_available_least": 900}}""";

    private String show1V253(String servers) {
        return show253(1, NODE1, hosts.service1, servers);
    }

    /**
     * Node {@code n}'s show body from 2.53 to 2.87: its detail at 2.28 with the node's and the service's UUIDs as
     * ids, then {@code servers} (a JSON member with its leading comma, or nothing).
     */
    private static String show253(int n, String node, String service, String servers) {
        ObjectNode hypervisor = ThreeHostsBodies.detailV228(n);
        hypervisor.put("id", node);
        ((ObjectNode) hypervisor.get("service")).put("id", service);
        String json = hypervisor.toString();
        return "{\"hypervisor\": " + json.substring(0, json.length() - 1) + servers + "}}";
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
                show253(3, NODE3, hosts.service3, ""));
    }

    @Test
    void showWithServersShowsAnEmptyListFrom275() {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE3 + "?with_servers=true", "2.75"), 200,
                show253(3, NODE3, hosts.service3, ", \"servers\": []"));
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
        assertJson(server.get("/v2.1/os-hypervisors/1/uptime", version), 200, uptime1("1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.53", "2.87"})
    void uptimeFrom253IsAddressedByUuid(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE1 + "/uptime", version), 200, uptime1("\"" + NODE1 + "\""));
    }

    @Test
    void uptimeIgnoresUnknownQueryParameters() {
        assertThat(server.get("/v2.1/os-hypervisors/1/uptime?foo=bar", "2.1").status()).isEqualTo(200);
        assertJson(server.get("/v2.1/os-hypervisors/" + NODE1 + "/uptime?foo=bar", "2.53"), 200,
                uptime1("\"" + NODE1 + "\""));
    }

    /** Node 1's uptime answer, with {@code id} as its id (JSON: an integer before 2.53, the UUID from 2.53). */
    private static String uptime1(String id) {
        return """
                {"hypervisor": {"id": %s, "hypervisor_hostname": "compute-0001.example.org", "state": "up",
                 "status": "enabled", "uptime": "%s"}}""".formatted(id, UPTIME1);
    }

    @Test
    void uptimeOfAHostWhoseHeartbeatStoppedIsABadRequest() {
        server.ageHeartbeat("compute-0001", "nova-compute", 61);
        assertFault(server.get("/v2.1/os-hypervisors/1/uptime", "2.1"), 400, "badRequest",
                "Compute service of compute-0001 is unavailable at this time.");
    }

    // NODE2 and NODE3 stand for those nodes' UUIDs.
    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
            2     | 2.1  | 400 | badRequest     | Compute service of compute-0002 is unavailable at this time.
            NODE2 | 2.53 | 400 | badRequest     | Compute service of compute-0002 is unavailable at this time.
            3     | 2.1  | 501 | notImplemented | The requested functionality is not supported.
            NODE3 | 2.87 | 501 | notImplemented | The requested functionality is not supported.
            abc   | 2.1  | 404 | itemNotFound   | Hypervisor with ID 'abc' could not be found.
            999   | 2.1  | 404 | itemNotFound   | Hypervisor with ID '999' could not be found.
            abc   | 2.53 | 400 | badRequest     | Invalid uuid abc
            00000000-0000-4000-8000-000000000000 | 2.53 | 404 | itemNotFound | Hypervisor with ID '00000000-0000-4000-8000-000000000000' could not be found.
            """)
    void uptimeOfADownHostIsABadRequestOfANodeWithoutUptimeNotImplementedAndOfABadIdAsForShow(
            String id, String version, int status, String fault, String message) {
        String node = Map.of("NODE2", NODE2, "NODE3", NODE3).getOrDefault(id, id);
        assertFault(server.get("/v2.1/os-hypervisors/" + node + "/uptime", version), status, fault, message);
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

    // compute-0002 is down: once enabled, its node counts all the same.
    @ParameterizedTest
    @CsvSource(delimiterString = " | ", textBlock = """
            compute-0002 | enabled  | {"hypervisor_statistics": {"count": 3, "vcpus": 112, "memory_mb": 327680, "local_gb": 2500, "vcpus_used": 6, "memory_mb_used": 13824, "local_gb_used": 100, "free_ram_mb": 313856, "free_disk_gb": 2400, "current_workload": 0, "running_vms": 2, "disk_available_least": 1880}}
            compute-0003 | disabled | {"hypervisor_statistics": {"count": 1, "vcpus": 32, "memory_mb": 131072, "local_gb": 1000, "vcpus_used": 4, "memory_mb_used": 8704, "local_gb_used": 80, "free_ram_mb": 122368, "free_disk_gb": 920, "current_workload": 0, "running_vms": 2, "disk_available_least": 900}}
            """)
    void statisticsCountTheNodeOfAServiceOnceEnabledEvenWhenDownAndLeaveItOutOnceDisabled(String host, String status,
                                                                                          String statistics) {
        Reply changed = server.put("/v2.1/os-services/" + server.serviceUuid(host, "nova-compute"), "2.53",
                "{\"status\": \"" + status + "\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertJson(server.get("/v2.1/os-hypervisors/statistics"), 200, statistics);
    }

    @Test
    void statisticsIgnoreUnknownQueryParameters() {
        assertJson(server.get("/v2.1/os-hypervisors/statistics?foo=bar", "2.1"), 200, STATISTICS);
    }

    // ---- search and servers ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.52"})
    void searchIsASubstringMatchOnTheHostnameWithIntegerIds(String version) {
        assertJson(server.get("/v2.1/os-hypervisors/compute/search", version), 200, ThreeHostsBodies.list(1, 2));
    }

    @Test
    void aPercentSignInTheSearchPatternMatchesEverything() {
        assertJson(server.get("/v2.1/os-hypervisors/%25/search", "2.1"), 200, ThreeHostsBodies.LIST_V21);
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
        assertJson(server.get("/v2.1/os-hypervisors/bm-node/servers", version), 200, ThreeHostsBodies.list(3));
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
