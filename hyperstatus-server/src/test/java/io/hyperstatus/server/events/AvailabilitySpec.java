package io.hyperstatus.server.events;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.Table;
import io.hyperstatus.server.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /hyperstatus/v1/services/{uuid}/availability}: computed from the service's events over a window
 * ({@code window=7d}, or {@code start} and {@code end}), and a fault in Nova's format for every bad window.
 */
class AvailabilitySpec {
    private static final String COMPUTE = "nova-compute";

    private TestServer server;
    private String uuid;

    @BeforeEach
    void startWithOneService() {
        server = TestServer.start();
        server.seedService("compute-1", COMPUTE);
        uuid = server.serviceUuid("compute-1", COMPUTE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aForcedDownPeriodAndADisabledOneAreMeasuredFromTheLog() throws InterruptedException {
        update("{\"forced_down\": true}");
        Thread.sleep(50);
        update("{\"forced_down\": false}");
        update("{\"status\": \"disabled\"}");
        Thread.sleep(50);
        update("{\"status\": \"enabled\"}");
        JsonNode events = server.get("/hyperstatus/v1/services/" + uuid + "/events?since=0").json().get("events");
        Instant created = time(events.get(0));
        Instant down = time(events.get(1));
        Instant up = time(events.get(2));
        Instant disabled = time(events.get(3));
        Instant end = time(events.get(4));
        Reply reply = server.get(path("?start=" + created + "&end=" + end));
        double window = micros(created, end);
        double downSeconds = micros(down, up) / 1e6;
        ObjectNode expected = (ObjectNode) Reply.parse("{\"availability\": {\"service\": {\"id\": "
                + server.serviceId("compute-1", COMPUTE) + ", \"uuid\": \"" + uuid + "\", \"host\": \"compute-1\","
                + " \"binary\": \"nova-compute\"}, \"start\": \"" + text(created) + "\", \"end\": \"" + text(end)
                + "\", \"down_periods\": 1, \"periods\": [{\"start\": \"" + text(down) + "\", \"end\": \""
                + text(up) + "\"}]}}");
        ObjectNode availability = (ObjectNode) expected.get("availability");
        availability.put("up_fraction", share(1 - micros(down, up) / window));
        availability.put("disabled_fraction", share(micros(disabled, time(events.get(4))) / window));
        availability.put("longest_down_seconds", downSeconds);
        ((ObjectNode) availability.get("periods").get(0)).put("seconds", downSeconds);
        assertJson(reply, 200, expected);
    }

    @Test
    void aWindowDefaultsToTheLastSevenDaysAndAServiceUpThroughoutIsUpWhole() {
        Reply reply = server.get(path(""));
        JsonNode availability = reply.json().get("availability");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(Duration.between(Instant.parse(availability.get("start").asText()),
                Instant.parse(availability.get("end").asText()))).isEqualTo(Duration.ofDays(7));
        assertThat(availability.get("up_fraction").asDouble()).isEqualTo(1.0);
        assertThat(availability.get("down_periods").asInt()).isZero();
        assertThat(server.get(path("?window=90m")).json().get("availability").get("up_fraction").asDouble())
                .isEqualTo(1.0);
    }

    @Test
    void aDeletedServiceKeepsItsAvailability() {
        update("{\"forced_down\": true}");
        assertThat(server.delete("/v2.1/os-services/" + uuid, "2.53").status()).isEqualTo(204);
        JsonNode availability = server.get(path("?window=1h")).json().get("availability");
        assertThat(availability.get("down_periods").asInt()).isEqualTo(1);
        assertThat(availability.get("periods").get(0).get("end").isNull()).isFalse();
    }

    @Test
    void everyBadWindowIsABadRequestAndAnUnknownServiceNotFound() {
        for (List<String> row : Table.rows("""
                ?window=7x                                                | Invalid input for query parameters window. Value: 7x. '7x' does not match '^[1-9][0-9]{0,5}[smhdw]$'
                ?window=0d                                                | Invalid input for query parameters window. Value: 0d. '0d' does not match '^[1-9][0-9]{0,5}[smhdw]$'
                ?window=367d                                              | Invalid input for query parameters window. Value: 367d. a window is at most 366 days
                ?window=1d&start=2026-01-01T00:00:00Z                     | Give a window or a start, not both.
                ?start=2026-02-01T00:00:00Z&end=2026-01-01T00:00:00Z      | The window must end after it starts (and start before now).
                ?start=2020-01-01T00:00:00Z&end=2022-01-01T00:00:00Z      | A window is at most 366 days.
                ?start=noon                                               | Invalid input for query parameters start. Value: noon. 'noon' is not a 'date-time'
                ?window=1d&window=2d                                      | Invalid input for query parameters window. Value: ['1d', '2d']. ['1d', '2d'] is too long
                ?since=1                                                  | Additional properties are not allowed ('since' was unexpected)
                """)) {
            assertFault(server.get(path(row.get(0))), 400, "badRequest", row.get(1));
        }
        assertFault(server.get("/hyperstatus/v1/services/compute-1/availability"), 400, "badRequest",
                "Invalid uuid compute-1");
        String unknown = "6f1f6a35-0a64-4a9b-9a53-7f5e1c0ea001";
        assertFault(server.get("/hyperstatus/v1/services/" + unknown + "/availability"), 404, "itemNotFound",
                "Service " + unknown + " could not be found.");
        assertFault(server.send("GET", path(""), null, Map.of("X-Auth-Token", TestServer.MEMBER)), 403, "forbidden",
                "Policy doesn't allow hyperstatus:events:availability to be performed.");
    }

    private String path(String query) {
        return "/hyperstatus/v1/services/" + uuid + "/availability" + query;
    }

    private void update(String body) {
        Reply reply = server.put("/v2.1/os-services/" + uuid, "2.53", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static Instant time(JsonNode event) {
        return Instant.parse(event.get("time").asText());
    }

    private static String text(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    private static double micros(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() * 1_000_000.0 + Math.floorDiv(d.getNano(), 1_000);
    }

    private static double share(double fraction) {
        return Math.round(fraction * 1_000_000.0) / 1_000_000.0;
    }
}
