package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /hyperstatus/v1/hypervisors} and {@code /hyperstatus/v1/zones/summary}: every hypervisor with its state,
 * status, zone and aggregates, filtered, sorted and paged on the server; each zone's counts; a fault in Nova's
 * format for every bad parameter; admin only unless the policy says otherwise.
 */
class HypervisorBoardSpec {
    private static final String BOARD = "/hyperstatus/v1/hypervisors";
    private static final String ZONES = "/hyperstatus/v1/zones/summary";
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";
    private static final String COMPUTE = "nova-compute";

    @TempDir
    Path dir;

    private TestServer server;
    private Map<String, String> nodes;

    /**
     * compute-1 in aggregates agg-a (zone az-1) and agg-b, up; compute-2 in agg-a, disabled; compute-3 (zone nova)
     * down, its heartbeat an hour old; compute-4 forced down, an ironic node; compute-5 never heartbeated (up, by
     * its creation); a scheduler, which is no hypervisor.
     */
    @BeforeEach
    void start() {
        server = TestServer.start();
        seed();
    }

    private void seed() {
        nodes = server.seed(Host.named("compute-1").with("running_vms", 2),
                Host.named("compute-2").with("running_vms", 0),
                Host.named("compute-3").with("running_vms", 7),
                Host.named("compute-4").with("hypervisor_type", "ironic").with("running_vms", 1),
                Host.named("compute-5").with("running_vms", 0).withoutHeartbeat());
        server.seedService("scheduler-1", "nova-scheduler");
        long aggA = AggregatesSpec.post(server, "/v2.1/os-aggregates", "2.1",
                "{\"aggregate\": {\"name\": \"agg-a\", \"availability_zone\": \"az-1\"}}").json().at("/aggregate/id")
                .asLong();
        long aggB = AggregatesSpec.post(server, "/v2.1/os-aggregates", "2.1", "{\"aggregate\": {\"name\": \"agg-b\"}}")
                .json().at("/aggregate/id").asLong();
        addHost(aggA, "compute-1");
        addHost(aggA, "compute-2");
        addHost(aggB, "compute-1");
        assertThat(server.put("/v2.1/os-services/" + service("compute-2"), "2.53",
                "{\"status\": \"disabled\", \"disabled_reason\": \"rack 12 power\"}").status()).isEqualTo(200);
        assertThat(server.put("/v2.1/os-services/" + service("compute-4"), "2.53", "{\"forced_down\": true}")
                .status()).isEqualTo(200);
        server.ageHeartbeat("compute-3", COMPUTE, 3600);
    }

    private void addHost(long aggregate, String host) {
        assertThat(AggregatesSpec.post(server, "/v2.1/os-aggregates/" + aggregate + "/action", "2.1",
                "{\"add_host\": {\"host\": \"" + host + "\"}}").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String service(String host) {
        return server.serviceUuid(host, COMPUTE);
    }

    private List<String> hosts(String query) {
        Reply reply = server.get(BOARD + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> hosts = new ArrayList<>();
        reply.json().get("hypervisors").forEach(h -> hosts.add(h.get("host").asText()));
        return hosts;
    }

    /** One hypervisor as the board shows it; its last heartbeat is the actual one, whose form is checked. */
    private String hypervisor(JsonNode actual, String host, String state, String status, String reason,
                              boolean forcedDown, String zone, String aggregates, String type, int runningVms) {
        JsonNode heartbeat = actual.get("last_heartbeat");
        if (!heartbeat.isNull()) {
            assertThat(heartbeat.asText()).matches(TIME);
        }
        return """
                {"id": "%s", "hypervisor_hostname": "%s.example.org", "host": "%s", "state": "%s", "status": "%s",
                 "disabled_reason": %s, "forced_down": %s, "last_heartbeat": %s, "zone": "%s", "aggregates": [%s],
                 "hypervisor_type": "%s", "running_vms": %d, "service": {"id": "%s", "binary": "nova-compute"}}"""
                .formatted(nodes.get(host), host, host, state, status, reason == null ? "null" : "\"" + reason + "\"",
                        forcedDown, heartbeat, zone, aggregates, type, runningVms, service(host));
    }

    @Test
    void theBoardShowsEveryHypervisorByHostnameWithItsStateStatusZoneAggregatesAndTheDatabaseClock() {
        Reply reply = server.get(BOARD);

        JsonNode listed = reply.json().get("hypervisors");
        String now = reply.json().get("now").asText();
        assertThat(now).matches(TIME);
        assertJson(reply, 200, """
                {"hypervisors": [%s, %s, %s, %s, %s], "total": 5, "offset": 0, "limit": 100, "now": "%s"}""".formatted(
                hypervisor(listed.get(0), "compute-1", "up", "enabled", null, false, "az-1", "\"agg-a\", \"agg-b\"",
                        "QEMU", 2),
                hypervisor(listed.get(1), "compute-2", "up", "disabled", "rack 12 power", false, "az-1", "\"agg-a\"",
                        "QEMU", 0),
                hypervisor(listed.get(2), "compute-3", "down", "enabled", null, false, "nova", "", "QEMU", 7),
                hypervisor(listed.get(3), "compute-4", "down", "enabled", null, true, "nova", "", "ironic", 1),
                hypervisor(listed.get(4), "compute-5", "up", "enabled", null, false, "nova", "", "QEMU", 0),
                now));
        assertThat(listed.get(4).get("last_heartbeat").isNull()).as("compute-5 never heartbeated").isTrue();
        Instant clock = Instant.parse(now);
        Instant aged = Instant.parse(listed.get(2).get("last_heartbeat").asText());
        assertThat(aged).isBefore(clock.minusSeconds(3500));
        assertThat(Instant.parse(listed.get(0).get("last_heartbeat").asText())).isAfter(aged).isBeforeOrEqualTo(clock);
    }

    @Test
    void eachFilterNarrowsTheListAndTheTotalCountsEveryMatch() {
        assertThat(hosts("?q=COMPUTE-1.EXAMPLE")).containsExactly("compute-1");
        assertThat(hosts("?q=pute-")).hasSize(5);
        assertThat(hosts("?q=scheduler")).isEmpty();
        assertThat(hosts("?state=down")).containsExactly("compute-3", "compute-4");
        assertThat(hosts("?state=up")).containsExactly("compute-1", "compute-2", "compute-5");
        assertThat(hosts("?status=disabled")).containsExactly("compute-2");
        assertThat(hosts("?zone=az-1")).containsExactly("compute-1", "compute-2");
        assertThat(hosts("?zone=AZ-1")).as("a zone matches exactly").isEmpty();
        assertThat(hosts("?aggregate=agg-b")).containsExactly("compute-1");
        assertThat(hosts("?aggregate=agg")).as("an aggregate matches by its whole name").isEmpty();
        assertThat(hosts("?zone=nova&state=up&status=enabled")).containsExactly("compute-5");
        Reply page = server.get(BOARD + "?zone=nova&limit=1");
        assertThat(page.json().get("total").asInt()).isEqualTo(3);
        assertThat(page.json().get("hypervisors")).hasSize(1);
    }

    @Test
    void eachSortOrdersItsColumnWithTiesByHostnameAndDescIsTheReverse() {
        assertThat(hosts("?sort=state")).containsExactly("compute-3", "compute-4", "compute-1", "compute-2",
                "compute-5");
        assertThat(hosts("?sort=status")).containsExactly("compute-2", "compute-1", "compute-3", "compute-4",
                "compute-5");
        assertThat(hosts("?sort=zone")).containsExactly("compute-1", "compute-2", "compute-3", "compute-4",
                "compute-5");
        assertThat(hosts("?sort=last_heartbeat")).as("never first, then the oldest")
                .startsWith("compute-5", "compute-3");
        assertThat(hosts("?sort=running_vms")).containsExactly("compute-2", "compute-5", "compute-4", "compute-1",
                "compute-3");
        assertThat(hosts("?sort=hypervisor_type")).containsExactly("compute-1", "compute-2", "compute-3",
                "compute-5", "compute-4");
        assertThat(hosts("?sort=hostname&dir=asc")).isEqualTo(hosts(""));
        for (String sort : List.of("hostname", "state", "status", "zone", "last_heartbeat", "running_vms",
                "hypervisor_type")) {
            List<String> reversed = new ArrayList<>(hosts("?sort=" + sort));
            Collections.reverse(reversed);
            assertThat(hosts("?sort=" + sort + "&dir=desc")).as(sort).isEqualTo(reversed);
        }
    }

    @Test
    void offsetAndLimitPageTheSortedMatchesAndTheAnswerSaysWhichPageItIs() {
        Reply first = server.get(BOARD + "?sort=state&limit=2");
        assertThat(first.json().get("total").asInt()).isEqualTo(5);
        assertThat(first.json().get("offset").asInt()).isZero();
        assertThat(first.json().get("limit").asInt()).isEqualTo(2);
        assertThat(hosts("?sort=state&limit=2")).containsExactly("compute-3", "compute-4");
        assertThat(hosts("?sort=state&limit=2&offset=2")).containsExactly("compute-1", "compute-2");
        assertThat(hosts("?sort=state&limit=2&offset=4")).containsExactly("compute-5");
        Reply past = server.get(BOARD + "?offset=10000000&limit=1000");
        assertJson(past, 200, """
                {"hypervisors": [], "total": 5, "offset": 10000000, "limit": 1000, "now": "%s"}"""
                .formatted(past.json().get("now").asText()));
    }

    @Test
    void theZoneSummaryCountsEachZonesHypervisorsAndSaysWhichIsDisrupted() {
        Reply reply = server.get(ZONES);

        String now = reply.json().get("now").asText();
        assertThat(now).matches(TIME);
        // nova: 2 of its 3 hypervisors down, over the default mass_down_threshold of 0.55.
        assertJson(reply, 200, """
                {"zones": [
                  {"zone": "az-1", "hypervisors": 2, "up": {"enabled": 1, "disabled": 1},
                   "down": {"enabled": 0, "disabled": 0}, "disrupted": false},
                  {"zone": "nova", "hypervisors": 3, "up": {"enabled": 1, "disabled": 0},
                   "down": {"enabled": 2, "disabled": 0}, "disrupted": true}],
                 "now": "%s"}""".formatted(now));
        server.heartbeat("compute-3", COMPUTE);
        assertThat(server.get(ZONES).json().at("/zones/1/disrupted").asBoolean()).as("1 of 3 down").isFalse();
    }

    @Test
    void everyBadParameterIsABadRequestInNovasFormat() {
        String longText = "x".repeat(256);
        String[][] refusals = {
            {BOARD + "?state=sideways", "state. Value: sideways. 'sideways' is not one of ['up', 'down']"},
            {BOARD + "?status=on", "status. Value: on. 'on' is not one of ['enabled', 'disabled']"},
            {BOARD + "?sort=uptime", "sort. Value: uptime. 'uptime' is not one of ['hostname', 'state', 'status',"
                    + " 'zone', 'last_heartbeat', 'running_vms', 'hypervisor_type']"},
            {BOARD + "?dir=up", "dir. Value: up. 'up' is not one of ['asc', 'desc']"},
            {BOARD + "?limit=0", "limit. Value: 0. limit must be from 1 to 1000"},
            {BOARD + "?limit=1001", "limit. Value: 1001. limit must be from 1 to 1000"},
            {BOARD + "?limit=ten", "limit. Value: ten. 'ten' does not match '^[0-9]{1,7}$'"},
            {BOARD + "?offset=-1", "offset. Value: -1. '-1' does not match '^[0-9]{1,8}$'"},
            {BOARD + "?offset=10000001", "offset. Value: 10000001. offset must be from 0 to 10000000"},
            {BOARD + "?q=" + longText, "q. Value: " + longText + ". '" + longText + "' is too long"},
            {BOARD + "?zone=", "zone. Value: . '' is too short"},
            {BOARD + "?aggregate=", "aggregate. Value: . '' is too short"},
            {BOARD + "?state=up&state=down", "state. Value: ['up', 'down']. ['up', 'down'] is too long"},
        };
        for (String[] refusal : refusals) {
            assertFault(server.get(refusal[0]), 400, "badRequest", "Invalid input for query parameters " + refusal[1]);
        }
        for (String path : List.of(BOARD + "?colour=red", ZONES + "?colour=red")) {
            assertFault(server.get(path), 400, "badRequest",
                    "Additional properties are not allowed ('colour' was unexpected)");
        }
    }

    @Test
    void onlyAnAdminMayReadTheBoardAndOnlyWithAToken() {
        Map<String, String> rules = Map.of(BOARD, "hyperstatus:hypervisors:list", ZONES, "hyperstatus:zones:summary");
        rules.forEach((path, rule) -> {
            assertFault(server.send("GET", path, null, Map.of("X-Auth-Token", TestServer.MEMBER)), 403, "forbidden",
                    "Policy doesn't allow " + rule + " to be performed.");
            assertThat(server.send("GET", path, null, Map.of()).status()).isEqualTo(401);
        });
    }

    @Test
    void aPolicyFileLetsReadersReadTheBoard() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), """
                "hyperstatus:hypervisors:list": "role:reader"
                "hyperstatus:zones:summary": "role:reader"
                """);
        server.close();
        server = TestServer.start("[oslo_policy]\npolicy_file = " + policy + "\n");
        seed();

        Reply board = server.send("GET", BOARD + "?state=down", null, Map.of("X-Auth-Token", TestServer.MEMBER));
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        assertThat(board.json().get("total").asInt()).isEqualTo(2);
        Reply zones = server.send("GET", ZONES, null, Map.of("X-Auth-Token", TestServer.MEMBER));
        assertThat(zones.status()).as(zones.body()).isEqualTo(200);
        assertThat(zones.json().get("zones")).hasSize(2);
    }
}
