package io.hyperstatus.server.api;

import static io.hyperstatus.server.api.AggregatesSpec.post;
import static io.hyperstatus.server.api.ServiceBodies.masked;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.ThreeHosts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The zone of os-services: aggregates' availability_zone for compute hosts, else the configured zones. */
class ServicesZoneSpec {
    private TestServer server;
    private ThreeHosts hosts;

    private void start(String config) {
        server = TestServer.start(config);
        hosts = ThreeHosts.seed(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void createAggregate(String aggregate) {
        post(server, "/v2.1/os-aggregates", "2.1", "{\"aggregate\": " + aggregate + "}");
    }

    private Reply hostAction(int aggregateId, String action, String host) {
        return post(server, "/v2.1/os-aggregates/" + aggregateId + "/action", "2.1",
                "{\"" + action + "\": {\"host\": \"" + host + "\"}}");
    }

    private Map<String, String> zones() {
        Map<String, String> zones = new LinkedHashMap<>();
        for (JsonNode service : server.get("/v2.1/os-services", "2.1").json().get("services")) {
            zones.put(service.get("host").asText() + "/" + service.get("binary").asText(), service.get("zone").asText());
        }
        return zones;
    }

    @Test
    void theConfiguredZonesApplyOutsideAggregates() {
        start("[DEFAULT]\ndefault_availability_zone = zone-x\ninternal_service_availability_zone = intern\n");
        assertThat(zones()).containsExactly(Map.entry("compute-0001/nova-compute", "zone-x"),
                Map.entry("compute-0002/nova-compute", "zone-x"), Map.entry("compute-0003/nova-compute", "zone-x"),
                Map.entry("controller/nova-scheduler", "intern"));
        assertJson(server.get("/v2.1/os-availability-zone", "2.1"), 200, """
                {"availabilityZoneInfo": [{"zoneName": "zone-x", "zoneState": {"available": true}, "hosts": null}]}""");
    }

    @Test
    void aComputeHostTakesTheZoneOfItsAggregatesAndLosesItWhenRemoved() {
        start("");
        createAggregate("{\"name\": \"r1\", \"availability_zone\": \"az1\"}");
        createAggregate("{\"name\": \"r2\", \"availability_zone\": \"az1\"}");
        createAggregate("{\"name\": \"r3\"}");
        for (int id = 1; id <= 3; id++) {
            assertThat(hostAction(id, "add_host", "compute-0002").status()).isEqualTo(200);
        }
        // Only compute services take an aggregate's zone.
        server.seedService("compute-0002", "nova-conductor");
        assertThat(zones()).containsExactly(Map.entry("compute-0001/nova-compute", "nova"),
                Map.entry("compute-0002/nova-compute", "az1"), Map.entry("compute-0003/nova-compute", "nova"),
                Map.entry("controller/nova-scheduler", "internal"), Map.entry("compute-0002/nova-conductor", "internal"));
        Reply updated = server.put("/v2.1/os-services/" + hosts.service2, "2.53", "{\"status\": \"enabled\"}");
        assertJson(masked(updated), 200, """
                {"service": {"id": "%s", "binary": "nova-compute", "host": "compute-0002", "zone": "az1",
                  "status": "enabled", "state": "down", "updated_at": "<timestamp>", "disabled_reason": null,
                  "forced_down": true}}""".formatted(hosts.service2));
        hostAction(1, "remove_host", "compute-0002");
        assertThat(zones().get("compute-0002/nova-compute")).isEqualTo("az1");
        hostAction(2, "remove_host", "compute-0002");
        assertThat(zones().get("compute-0002/nova-compute")).isEqualTo("nova");
    }

    @Test
    void severalZonesAreCommaJoinedInSortedOrder() {
        start("");
        createAggregate("{\"name\": \"r1\", \"availability_zone\": \"zz\"}");
        createAggregate("{\"name\": \"r2\"}");
        hostAction(1, "add_host", "compute-0003");
        hostAction(2, "add_host", "compute-0003");
        // The API refuses a second zone for a host; a database written otherwise (as Nova's can be) still answers.
        server.database().jdbi().useHandle(h -> h.execute("INSERT INTO aggregate_metadata"
                + " (aggregate_id, meta_key, meta_value, created_at, deleted) VALUES (2, 'availability_zone', 'aa', 0, 0)"));
        assertThat(zones().get("compute-0003/nova-compute")).isEqualTo("aa,zz");
        assertJson(server.get("/v2.1/os-hosts?zone=aa,zz", "2.1"), 200, """
                {"hosts": [{"host_name": "compute-0003", "service": "compute", "zone": "aa,zz"}]}""");
    }
}
