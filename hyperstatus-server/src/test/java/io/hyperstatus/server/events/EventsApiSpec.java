package io.hyperstatus.server.events;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.Table;
import io.hyperstatus.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /hyperstatus/v1/events} and a service's events: newest first without a cursor, oldest first after
 * one, a next link when a page is full, every filter, the history of a deleted service, and a fault in Nova's
 * format for every bad value.
 */
class EventsApiSpec {
    private static final String EVENTS = "/hyperstatus/v1/events";
    private static final String COMPUTE = "nova-compute";
    /** The event kinds, as a fault lists them. */
    private static final String KINDS = "['created', 'deleted', 'enabled', 'disabled', 'reason_changed', 'forced_down',"
            + " 'forced_up', 'unchanged', 'went_down', 'came_up', 'zone_disrupted']";

    private TestServer server;
    private String uuid;
    /** Request ids of the three changes made before each test, in order. */
    private final List<String> requestIds = new ArrayList<>();

    /** compute-1 registered (event 1), disabled with a reason (2), enabled (3); scheduler-1 registered (4). */
    @BeforeEach
    void startWithAHistory() {
        server = TestServer.start();
        server.seedService("compute-1", COMPUTE);
        uuid = server.serviceUuid("compute-1", COMPUTE);
        requestIds.add(update("{\"status\": \"disabled\", \"disabled_reason\": \"rack 12 power\"}"));
        requestIds.add(update("{\"status\": \"enabled\"}"));
        server.seedService("scheduler-1", "nova-scheduler");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutACursorTheNewestComeFirstAndAPageThatIsNotFullHasNoLink() {
        assertPage(EVENTS, null, List.of(this::scheduler, this::enabled, this::disabled, this::created));
    }

    @Test
    void aFullPageLinksToTheOlderEventsBeforeItsLast() {
        assertPage(EVENTS + "?limit=2&kind=created&kind=disabled&kind=enabled",
                EVENTS + "?before=3&kind=created&kind=disabled&kind=enabled&limit=2",
                List.of(this::scheduler, this::enabled));
        assertPage(EVENTS + "?before=3&kind=created&kind=disabled&kind=enabled&limit=2",
                EVENTS + "?before=1&kind=created&kind=disabled&kind=enabled&limit=2",
                List.of(this::disabled, this::created));
        assertJson(server.get(EVENTS + "?before=1&limit=2"), 200, "{\"events\": []}");
    }

    @Test
    void afterACursorTheOldestComeFirstAndTheNextLinkContinuesFromTheLast() {
        assertPage(EVENTS + "?since=1&limit=2", EVENTS + "?since=3&limit=2", List.of(this::disabled, this::enabled));
        assertThat(ids(server.get(EVENTS + "?since=3&limit=2"))).containsExactly(4L);
        assertJson(server.get(EVENTS + "?since=4"), 200, "{\"events\": []}");
    }

    @Test
    void filtersNarrowTheEventsByHostBinaryKindActorAndTime() {
        assertThat(ids(server.get(EVENTS + "?host=compute-1"))).containsExactly(3L, 2L, 1L);
        assertThat(ids(server.get(EVENTS + "?binary=nova-scheduler"))).containsExactly(4L);
        assertThat(ids(server.get(EVENTS + "?host=compute-1&binary=nova-scheduler"))).isEmpty();
        assertThat(ids(server.get(EVENTS + "?host=COMPUTE-1"))).isEmpty();
        assertThat(ids(server.get(EVENTS + "?kind=disabled&kind=created"))).containsExactly(4L, 2L, 1L);
        assertThat(ids(server.get(EVENTS + "?actor=agent"))).containsExactly(4L, 1L);
        assertThat(ids(server.get(EVENTS + "?actor=user"))).containsExactly(3L, 2L);
        assertThat(ids(server.get(EVENTS + "?actor=admin"))).containsExactly(3L, 2L);
        assertThat(ids(server.get(EVENTS + "?actor=simulator"))).containsExactly(4L, 1L);
        assertThat(ids(server.get(EVENTS + "?actor=liveness"))).isEmpty();
        String disabledAt = server.get(EVENTS + "?kind=disabled").json().get("events").get(0).get("time").asText();
        assertThat(ids(server.get(EVENTS + "?changes-since=" + disabledAt))).containsExactly(4L, 3L, 2L);
        assertThat(ids(server.get(EVENTS + "?changes-before=" + disabledAt))).containsExactly(2L, 1L);
        assertThat(ids(server.get(EVENTS + "?changes-since=2000-01-01&changes-before=2000-01-02"))).isEmpty();
    }

    @Test
    void aServicesEventsAreItsOwnByUuidOrByHostAndBinary() {
        assertPage("/hyperstatus/v1/services/" + uuid + "/events", null,
                List.of(this::enabled, this::disabled, this::created));
        Reply byName = server.get("/hyperstatus/v1/services/compute-1/nova-compute/events?since=0&limit=2");
        assertThat(ids(byName)).containsExactly(1L, 2L);
        assertThat(byName.json().get("events_links").get(0).get("href").asText()).isEqualTo(server.baseUrl()
                + "/hyperstatus/v1/services/compute-1/nova-compute/events?since=2&limit=2");
        assertThat(ids(server.get("/hyperstatus/v1/services/" + uuid + "/events?kind=enabled"))).containsExactly(3L);
    }

    @Test
    void aDeletedServiceKeepsItsHistoryByUuidAndByNameUntilTheHostRegistersAgain() {
        assertThat(server.delete("/v2.1/os-services/" + uuid, "2.53").status()).isEqualTo(204);
        assertThat(ids(server.get("/hyperstatus/v1/services/" + uuid + "/events"))).containsExactly(5L, 3L, 2L, 1L);
        assertThat(ids(server.get("/hyperstatus/v1/services/compute-1/nova-compute/events")))
                .containsExactly(5L, 3L, 2L, 1L);
        server.seedService("compute-1", COMPUTE);
        String newUuid = server.serviceUuid("compute-1", COMPUTE);
        assertThat(newUuid).isNotEqualTo(uuid);
        // By name, the live service's own history; the old one's stays under its uuid.
        assertThat(ids(server.get("/hyperstatus/v1/services/compute-1/nova-compute/events"))).containsExactly(6L);
        assertThat(ids(server.get("/hyperstatus/v1/services/" + uuid + "/events"))).containsExactly(5L, 3L, 2L, 1L);
    }

    @Test
    void everyBadValueOfTheListingIsABadRequestInNovasFormat() {
        assertFault(server.get(EVENTS + "?kind=exploded"), 400, "badRequest",
                "Invalid input for query parameters kind. Value: exploded. 'exploded' is not one of " + KINDS);
        for (List<String> row : Table.rows("""
                ?since=abc                 | Invalid input for query parameters since. Value: abc. 'abc' does not match '^[0-9]{1,18}$'
                ?before=-1                 | Invalid input for query parameters before. Value: -1. '-1' does not match '^[0-9]{1,18}$'
                ?since=99999999999999999999 | Invalid input for query parameters since. Value: 99999999999999999999. '99999999999999999999' does not match '^[0-9]{1,18}$'
                ?since=5                   | Event 5 does not exist (the newest is 4).
                ?since=1&before=3          | Give since or before, not both.
                ?since=1&since=2           | Invalid input for query parameters since. Value: ['1', '2']. ['1', '2'] is too long
                ?limit=0                   | Invalid input for query parameters limit. Value: 0. limit must be from 1 to 1000
                ?limit=1001                | Invalid input for query parameters limit. Value: 1001. limit must be from 1 to 1000
                ?limit=ten                 | Invalid input for query parameters limit. Value: ten. 'ten' does not match '^[0-9]{1,7}$'
                ?changes-since=yesterday   | Invalid input for query parameters changes-since. Value: yesterday. 'yesterday' is not a 'date-time'
                ?changes-before=2026-13-01T00:00:00Z | Invalid input for query parameters changes-before. Value: 2026-13-01T00:00:00Z. '2026-13-01T00:00:00Z' is not a 'date-time'
                ?changes-since=2026-02-01&changes-before=2026-01-01 | The value of changes-since must be less than or equal to changes-before.
                ?host=                     | Invalid input for query parameters host. Value: . '' is too short
                ?colour=red                | Additional properties are not allowed ('colour' was unexpected)
                """)) {
            assertFault(server.get(EVENTS + row.get(0)), 400, "badRequest", row.get(1));
        }
    }

    @Test
    void aServicesEventsRefuseABadUuidAnUnknownServiceAndFiltersOfTheWholeLog() {
        assertFault(server.get("/hyperstatus/v1/services/not-a-uuid/events"), 400, "badRequest",
                "Invalid uuid not-a-uuid");
        String unknown = "6f1f6a35-0a64-4a9b-9a53-7f5e1c0ea001";
        assertFault(server.get("/hyperstatus/v1/services/" + unknown + "/events"), 404, "itemNotFound",
                "Service " + unknown + " could not be found.");
        assertFault(server.get("/hyperstatus/v1/services/compute-9/nova-compute/events"), 404, "itemNotFound",
                "Service compute-9/nova-compute could not be found.");
        assertFault(server.get("/hyperstatus/v1/services/" + uuid + "/events?host=compute-1"), 400, "badRequest",
                "Additional properties are not allowed ('host' was unexpected)");
        assertFault(server.get("/hyperstatus/v1/services/compute-1/nova-compute/events?kind=sideways"), 400,
                "badRequest", "Invalid input for query parameters kind. Value: sideways. 'sideways' is not one of " + KINDS);
    }

    @Test
    void onlyAnAdminMayReadTheLogAndOnlyWithAToken() {
        for (String path : List.of(EVENTS, "/hyperstatus/v1/services/" + uuid + "/events",
                "/hyperstatus/v1/services/compute-1/nova-compute/events")) {
            assertFault(server.send("GET", path, null, Map.of("X-Auth-Token", TestServer.MEMBER)), 403, "forbidden",
                    "Policy doesn't allow hyperstatus:events:list to be performed.");
            assertThat(server.send("GET", path, null, Map.of()).status()).isEqualTo(401);
        }
    }

    // ---- expected events -----------------------------------------------------------------------------------

    private ObjectNode created(JsonNode actual) {
        return event(actual, 1, "created", service(uuid, "compute-1", COMPUTE), null,
                snapshot("enabled", null), agent(actual));
    }

    private ObjectNode disabled(JsonNode actual) {
        return event(actual, 2, "disabled", service(uuid, "compute-1", COMPUTE), snapshot("enabled", null),
                snapshot("disabled", "rack 12 power"), admin(requestIds.get(0)));
    }

    private ObjectNode enabled(JsonNode actual) {
        return event(actual, 3, "enabled", service(uuid, "compute-1", COMPUTE), snapshot("disabled", "rack 12 power"),
                snapshot("enabled", null), admin(requestIds.get(1)));
    }

    private ObjectNode scheduler(JsonNode actual) {
        return event(actual, 4, "created", service(server.serviceUuid("scheduler-1", "nova-scheduler"),
                "scheduler-1", "nova-scheduler"), null, snapshot("enabled", null), agent(actual));
    }

    /**
     * The expected event; its times are the actual ones once they are checked: RFC 3339 UTC with microseconds, and
     * an API change happens when it is recorded.
     */
    private static ObjectNode event(JsonNode actual, long id, String kind, ObjectNode service, ObjectNode before,
                                    ObjectNode after, ObjectNode actor) {
        String time = actual.path("time").asText();
        assertThat(time).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(actual.path("recorded_at").asText()).isEqualTo(time);
        ObjectNode event = Reply.parse("{}").deepCopy();
        event.put("id", (int) id).put("kind", kind).put("time", time).put("recorded_at", time);
        event.set("service", service);
        event.put("zone", service.get("binary").asText().equals(COMPUTE) ? "nova" : "internal");
        event.set("before", before);
        event.set("after", after);
        event.set("actor", actor);
        event.putNull("last_heartbeat");
        event.putNull("zone_disruption");
        return event;
    }

    private ObjectNode service(String serviceUuid, String host, String binary) {
        ObjectNode service = (ObjectNode) Reply.parse("{}");
        return service.put("id", (int) server.serviceId(host, binary)).put("uuid", serviceUuid).put("host", host)
                .put("binary", binary);
    }

    private static ObjectNode snapshot(String status, String reason) {
        ObjectNode snapshot = (ObjectNode) Reply.parse("{}");
        return snapshot.put("state", "up").put("status", status).put("disabled_reason", reason)
                .put("forced_down", false);
    }

    private static ObjectNode admin(String requestId) {
        ObjectNode actor = (ObjectNode) Reply.parse("{}");
        return actor.put("kind", "user").put("user_id", "admin").put("project_id", "admin")
                .put("request_id", requestId);
    }

    /** The test agent's actor: its request id is the registration's, which the fixture does not keep. */
    private static ObjectNode agent(JsonNode actual) {
        String requestId = actual.path("actor").path("request_id").asText();
        assertThat(requestId).startsWith("req-");
        ObjectNode actor = (ObjectNode) Reply.parse("{}");
        return actor.put("kind", "agent").put("user_id", "simulator").put("project_id", "")
                .put("request_id", requestId);
    }

    /**
     * The page at {@code path} is the events {@code expected} makes, in order, of the ones served (whose times they
     * check and take), and links to {@code next} (none when null).
     */
    private void assertPage(String path, String next, List<Function<JsonNode, ObjectNode>> expected) {
        Reply reply = server.get(path);
        JsonNode events = reply.json().path("events");
        ObjectNode page = (ObjectNode) Reply.parse("{}");
        ArrayNode array = page.putArray("events");
        for (int i = 0; i < expected.size(); i++) {
            array.add(expected.get(i).apply(events.path(i)));
        }
        if (next != null) {
            page.putArray("events_links").addObject().put("rel", "next").put("href", server.baseUrl() + next);
        }
        assertJson(reply, 200, page);
    }

    private static List<Long> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.json().get("events").forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }

    private String update(String body) {
        Reply reply = server.put("/v2.1/os-services/" + uuid, "2.53", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.header("x-openstack-request-id");
    }
}
