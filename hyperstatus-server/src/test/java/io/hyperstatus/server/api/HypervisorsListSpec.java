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

/** GET /os-hypervisors and /os-hypervisors/detail at every microversion boundary. */
class HypervisorsListSpec {
    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;
    private ThreeHosts hosts;



    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.27", "2.28", "2.32"})
    void listBefore233ShowsIntegerIdsStateAndStatusWithoutLinks(String version) {
        assertJson(server.get("/v2.1/os-hypervisors", version), 200, ThreeHostsBodies.LIST_V21);
    }

    @Test
    void listWithoutVersionHeaderIsServedAs21() {
        Reply reply = server.get("/v2.1/os-hypervisors");
        assertJson(reply, 200, ThreeHostsBodies.LIST_V21);
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
    }

    @ParameterizedTest
    @CsvSource({"2.1, false", "2.27, false", "2.28, true", "2.52, true"})
    void detailShowsCpuInfoAsTheDriversStringBefore228AndFromThenAsAnObjectEmptyTextAsEmptyObject(String version,
                                                                                                 boolean asObject) {
        assertJson(server.get("/v2.1/os-hypervisors/detail", version), 200,
                asObject ? ThreeHostsBodies.withCpuInfoObjects(ThreeHostsBodies.DETAIL_V21) : ThreeHostsBodies.DETAIL_V21);
    }

    @Test
    void listAt253UsesUuidsForHypervisorsAndServices() {
        assertJson(server.get("/v2.1/os-hypervisors", "2.53"), 200, ThreeHostsBodies.listByUuid(1, 2, 3));
        Reply detail = server.get("/v2.1/os-hypervisors/detail", "2.53");
        assertThat(detail.json().get("hypervisors").get(1).get("service").toString())
                .isEqualTo("{\"host\":\"compute-0002\",\"id\":\"%s\",\"disabled_reason\":\"maintenance\"}"
                        .formatted(hosts.service2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.88", "2.104", "latest"})
    void detailFrom288DropsCountersAndShowsUptimeNullWhenDownOrUnknown(String version) {
        Reply reply = server.get("/v2.1/os-hypervisors/detail", version);
        assertJson(reply, 200, """
                {"hypervisors": [
                  {"id": "%s", "hypervisor_hostname": "compute-0001.example.org", "state": "up", "status": "enabled",
                   "host_ip": "192.0.2.11", "hypervisor_type": "QEMU", "hypervisor_version": 8002000,
                   "service": {"host": "compute-0001", "id": "%s", "disabled_reason": null}, "uptime": "%s"},
                  {"id": "%s", "hypervisor_hostname": "compute-0002.example.org", "state": "down", "status": "disabled",
                   "host_ip": "192.0.2.12", "hypervisor_type": "QEMU", "hypervisor_version": 8002000,
                   "service": {"host": "compute-0002", "id": "%s", "disabled_reason": "maintenance"}, "uptime": null},
                  {"id": "%s", "hypervisor_hostname": "bm-node-0003", "state": "up", "status": "enabled",
                   "host_ip": "192.0.2.13", "hypervisor_type": "ironic", "hypervisor_version": 1,
                   "service": {"host": "compute-0003", "id": "%s", "disabled_reason": null}, "uptime": null}]}"""
                .formatted(NODE1, hosts.service1, UPTIME1, NODE2, hosts.service2, NODE3, hosts.service3));
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2." + (version.equals("2.88") ? "88" : "104"));
    }

    @Test
    void detailAt287StillHasCountersAndNoUptime() {
        Reply reply = server.get("/v2.1/os-hypervisors/detail", "2.87");
        assertThat(reply.json().get("hypervisors").get(0).has("vcpus")).isTrue();
        assertThat(reply.json().get("hypervisors").get(0).has("uptime")).isFalse();
        assertThat(reply.json().get("hypervisors").get(0).get("cpu_info").isObject()).isTrue();
    }

    // ---- paging -------------------------------------------------------------------------------------------

    @Test
    void pagingBefore233IgnoresLimitAndMarker() {
        assertJson(server.get("/v2.1/os-hypervisors?limit=1&marker=abc", "2.32"), 200, ThreeHostsBodies.LIST_V21);
    }

    @Test
    void fullPageAt233CarriesANextLinkWithTheIntegerMarker() {
        assertJson(server.get("/v2.1/os-hypervisors?limit=1", "2.33"), 200, pageAt233(
                "{\"id\": 1, \"hypervisor_hostname\": \"compute-0001.example.org\", \"state\": \"up\", \"status\": \"enabled\"}"));
    }

    @Test
    void markerAt233ContinuesAfterThatNodeAndUnknownParametersAreDroppedFromTheLink() {
        assertJson(server.get("/v2.1/os-hypervisors?limit=1&marker=1&foo=bar", "2.33"), 200, pageAt233(
                "{\"id\": 2, \"hypervisor_hostname\": \"compute-0002.example.org\", \"state\": \"down\", \"status\": \"disabled\"}"));
    }

    @Test
    void repeatedLimitAt233TakesTheLastValue() {
        Reply reply = server.get("/v2.1/os-hypervisors?limit=1&limit=2", "2.33");
        assertThat(reply.json().get("hypervisors")).hasSize(2);
    }

    @Test
    void aShortLastPageHasNoLink() {
        assertJson(server.get("/v2.1/os-hypervisors?limit=5&marker=" + NODE1, "2.53"), 200,
                ThreeHostsBodies.listByUuid(2, 3));
    }

    @Test
    void linkKeepsWithServersAndPutsAnExistingMarkerInNameOrder() {
        Reply first = server.get("/v2.1/os-hypervisors?with_servers=true&limit=1", "2.53");
        assertThat(first.json().get("hypervisors_links").get(0).get("href").asText()).isEqualTo(
                server.baseUrl() + "/v2.1/os-hypervisors?limit=1&with_servers=true&marker=" + NODE1);
        Reply second = server.get("/v2.1/os-hypervisors?with_servers=true&marker=" + NODE1 + "&limit=1", "2.53");
        assertThat(second.json().get("hypervisors_links").get(0).get("href").asText()).isEqualTo(
                server.baseUrl() + "/v2.1/os-hypervisors?limit=1&marker=" + NODE2 + "&with_servers=true");
    }

    @Test
    void linkOfAProjectScopedUrlKeepsTheProject() {
        Reply reply = server.send("GET", "/v2.1/6f70656e737461636b/os-hypervisors/detail?limit=2",
                null, TestServer.headers("admin:6f70656e737461636b", "2.88"));
        assertThat(reply.json().get("hypervisors_links").get(0).get("href").asText()).isEqualTo(
                server.baseUrl() + "/v2.1/6f70656e737461636b/os-hypervisors/detail?limit=2&marker=" + NODE2);
    }

    @Test
    void walkingAllPagesByFollowingLinksVisitsEveryNodeOnce() {
        StringBuilder seen = new StringBuilder();
        String next = "/v2.1/os-hypervisors?limit=1";
        int pages = 0;
        while (next != null && pages++ < 10) {
            Reply page = server.get(next, "2.53");
            page.json().get("hypervisors").forEach(h -> seen.append(h.get("hypervisor_hostname").asText()).append(' '));
            next = page.json().has("hypervisors_links")
                    ? page.json().get("hypervisors_links").get(0).get("href").asText().substring(server.baseUrl().length())
                    : null;
        }
        assertThat(seen.toString()).isEqualTo("compute-0001.example.org compute-0002.example.org bm-node-0003 ");
    }

    @Test
    void limitZeroGivesAnEmptyPageAndLimitAboveMaxIsCapped() {
        assertJson(server.get("/v2.1/os-hypervisors?limit=0", "2.53"), 200, "{\"hypervisors\": []}");
        assertThat(server.get("/v2.1/os-hypervisors?limit=100000", "2.53").json().get("hypervisors")).hasSize(3);
    }

    @Test
    void maxLimitIsTheDefaultPageSize() {
        try (TestServer small = TestServer.start("[api]\nmax_limit = 2\n")) {
            ThreeHosts.seed(small);
            Reply reply = small.get("/v2.1/os-hypervisors", "2.53");
            assertThat(reply.json().get("hypervisors")).hasSize(2);
            assertThat(reply.json().get("hypervisors_links").get(0).get("href").asText())
                    .isEqualTo(small.baseUrl() + "/v2.1/os-hypervisors?marker=" + NODE2);
            assertThat(small.get("/v2.1/os-hypervisors?limit=5", "2.53").json().get("hypervisors")).hasSize(2);
        }
    }

    @Test
    void computeLinkPrefixReplacesTheRequestHostInLinks() {
        try (TestServer prefixed = TestServer.start("[api]\ncompute_link_prefix = https://compute.example.org:8774/\n")) {
            ThreeHosts.seed(prefixed);
            assertThat(prefixed.get("/v2.1/os-hypervisors?limit=1", "2.53").json().get("hypervisors_links").get(0)
                    .get("href").asText())
                    .isEqualTo("https://compute.example.org:8774/v2.1/os-hypervisors?limit=1&marker=" + NODE1);
        }
    }

    @Test
    void unknownMarkerIsABadRequest() {
        assertFault(server.get("/v2.1/os-hypervisors?marker=nonexistent", "2.53"), 400, "badRequest",
                "marker [nonexistent] not found");
        assertFault(server.get("/v2.1/os-hypervisors?marker=99", "2.33"), 400, "badRequest", "marker [99] not found");
    }

    @Test
    void integerMarkerStillWorksAt253() {
        assertThat(server.get("/v2.1/os-hypervisors?marker=1", "2.53").json().get("hypervisors")).hasSize(2);
    }

    // ---- hostname pattern and servers ---------------------------------------------------------------------

    @Test
    void hostnamePatternIsASubstringMatchWithoutLinks() {
        assertJson(server.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=compute", "2.53"), 200,
                ThreeHostsBodies.listByUuid(1, 2));
    }

    @Test
    void underscoreInAPatternMatchesAnyCharacter() {
        assertThat(server.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=bm_node", "2.53").json()
                .get("hypervisors")).hasSize(1);
    }

    @Test
    void patternWithoutMatchIsNotFound() {
        assertFault(server.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=nomatch", "2.53"), 404,
                "itemNotFound", "No hypervisor matching 'nomatch' could be found.");
    }

    @Test
    void patternWithPagingIsRefused() {
        String message = "The server could not comply with the request since it is either malformed or otherwise incorrect.";
        assertFault(server.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=x&limit=1", "2.53"), 400, "badRequest", message);
        assertFault(server.get("/v2.1/os-hypervisors/detail?hypervisor_hostname_pattern=x&marker=" + NODE1, "2.53"),
                400, "badRequest", message);
    }

    @Test
    void withServersListsInstanceNamesAndOmitsEmptyListsBefore275() {
        assertJson(server.get("/v2.1/os-hypervisors?with_servers=true", "2.74"), 200, """
                {"hypervisors": [
                  {"id": "%s", "hypervisor_hostname": "compute-0001.example.org", "state": "up", "status": "enabled",
                   "servers": [{"name": "instance-00000001", "uuid": "2bd0c710-beb0-5cfd-9396-d394db959a45"},
                               {"name": "instance-00000002", "uuid": "6e6e5b2f-7f3b-5d3a-8a7c-3d2b1a0f9e8d"}]},
                  {"id": "%s", "hypervisor_hostname": "compute-0002.example.org", "state": "down", "status": "disabled"},
                  {"id": "%s", "hypervisor_hostname": "bm-node-0003", "state": "up", "status": "enabled"}]}"""
                .formatted(NODE1, NODE2, NODE3));
    }

    @Test
    void withServersShowsEmptyListsFrom275() {
        Reply reply = server.get("/v2.1/os-hypervisors/detail?with_servers=yes", "2.75");
        assertThat(reply.json().get("hypervisors").get(1).get("servers").toString()).isEqualTo("[]");
        assertThat(reply.json().get("hypervisors").get(0).get("servers")).hasSize(2);
    }

    @Test
    void withServersFalseOrAbsentShowsNoServersKey() {
        assertThat(server.get("/v2.1/os-hypervisors?with_servers=false", "2.75").json().get("hypervisors").get(0)
                .has("servers")).isFalse();
        assertThat(server.get("/v2.1/os-hypervisors", "2.75").json().get("hypervisors").get(0).has("servers")).isFalse();
    }

    // ---- query validation ------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
            ?limit=abc                                | Invalid input for query parameters limit. Value: abc. 'abc' does not match '^[0-9]*$'
            ?limit=-1                                 | Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'
            ?limit=1&limit=2                          | Invalid input for query parameters limit. Value: ['1', '2']. ['1', '2'] is too long
            ?limit=                                   | Invalid input for query parameters limit. Value: . '' is too short
            /detail?zzz=1&foo=bar                     | Additional properties are not allowed ('foo', 'zzz' were unexpected)
            ?limit=abc&foo=bar                        | Invalid input for query parameters limit. Value: abc. 'abc' does not match '^[0-9]*$'
            ?hypervisor_hostname_pattern=a%20b        | Invalid input for query parameters hypervisor_hostname_pattern. Value: a b. 'a b' does not match '^[a-zA-Z0-9-._]*$'
            """)
    void queryParametersAreValidatedFrom253(String query, String message) {
        assertFault(server.get("/v2.1/os-hypervisors" + query, "2.53"), 400, "badRequest", message);
    }

    @Test
    void withServersFrom253IsOneOfTheBooleanWords() {
        assertFault(server.get("/v2.1/os-hypervisors?with_servers=maybe", "2.53"), 400, "badRequest",
                "Invalid input for query parameters with_servers. Value: maybe. 'maybe' is not one of " + ServiceBodies.ENUM);
    }

    @Test
    void tooLongPatternIsRejected() {
        String pattern = "p".repeat(256);
        assertFault(server.get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=" + pattern, "2.53"), 400, "badRequest",
                "Invalid input for query parameters hypervisor_hostname_pattern. Value: " + pattern + ". '" + pattern
                        + "' is too long");
    }

    @Test
    void unknownQueryParametersAreStrippedBefore253() {
        assertJson(server.get("/v2.1/os-hypervisors?foo=bar", "2.1"), 200, ThreeHostsBodies.LIST_V21);
        assertJson(server.get("/v2.1/os-hypervisors?foo=bar&limit=5", "2.52"), 200, ThreeHostsBodies.LIST_V21);
        assertThat(server.get("/v2.1/os-hypervisors/detail?limit=abc", "2.32").status()).isEqualTo(200);
    }

    @Test
    void hostWhoseHeartbeatStoppedIsDown() {
        server.ageHeartbeat("compute-0001", "nova-compute", 61);
        assertThat(server.get("/v2.1/os-hypervisors").json().get("hypervisors").get(0).get("state").asText())
                .isEqualTo("down");
        server.heartbeat("compute-0001", "nova-compute");
        assertThat(server.get("/v2.1/os-hypervisors").json().get("hypervisors").get(0).get("state").asText())
                .isEqualTo("up");
    }

    @Test
    void nodesOfADeletedServiceVanish() {
        server.delete("/v2.1/os-services/" + hosts.service3, "2.53");
        assertThat(server.get("/v2.1/os-hypervisors").json().get("hypervisors")).hasSize(2);
    }

    /** A page of {@code limit=1} at 2.33: the one hypervisor, and the link to the page after it by its integer id. */
    private String pageAt233(String hypervisor) {
        int id = Reply.parse(hypervisor).get("id").asInt();
        return """
                {"hypervisors": [%s],
                 "hypervisors_links": [{"rel": "next", "href": "%s/v2.1/os-hypervisors?limit=1&marker=%d"}]}"""
                .formatted(hypervisor, server.baseUrl(), id);
    }
}
