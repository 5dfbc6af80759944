package io.hyperstatus.server.events;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.EventStreamClient;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /hyperstatus/v1/events/stream}: one message per committed event with its id as the cursor, and a
 * client that resumes with {@code Last-Event-ID} (or {@code since}) misses and repeats nothing, whether it comes
 * back to the same server, to the server restarted, or to another server on the database.
 */
class EventStreamSpec {
    private static final String STREAM = "/hyperstatus/v1/events/stream";
    private static final String COMPUTE = "nova-compute";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private TestServer server;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void eachCommittedEventIsOneMessageWithItsIdAndTheListingsJson() {
        startWithCompute1();
        EventStreamClient client = open(server, STREAM, Map.of());
        assertThat(client.response().statusCode()).isEqualTo(200);
        assertThat(client.response().headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/event-stream");
        disable("compute-1", "rack 12 power");
        enable("compute-1");
        List<EventStreamClient.Message> messages = client.awaitCount(2, WAIT);
        assertThat(client.ids()).containsExactly(2L, 3L);
        JsonNode listed = server.get("/hyperstatus/v1/events?since=1").json().get("events");
        assertThat(messages.get(0).event()).isEqualTo(listed.get(0));
        assertThat(messages.get(1).event()).isEqualTo(listed.get(1));
    }

    @Test
    void resumingWithLastEventIdMissesAndRepeatsNothing() {
        startWithCompute1();
        EventStreamClient first = open(server, STREAM + "?since=0", Map.of());
        disable("compute-1", "one");
        first.awaitCount(2, WAIT);
        first.close();
        // Changes while no one listens, then more once the client is back.
        disable("compute-1", "two");
        enable("compute-1");
        long last = first.ids().get(first.ids().size() - 1);
        EventStreamClient resumed = open(server, STREAM + "?since=0", Map.of("Last-Event-ID", Long.toString(last)));
        disable("compute-1", "three");
        resumed.awaitCount(3, WAIT);
        assertThat(first.ids()).containsExactly(1L, 2L);
        assertThat(resumed.ids()).containsExactly(3L, 4L, 5L);
        assertNothingMore(resumed, 3);
    }

    @Test
    void aStreamEndsCleanlyWhenTheServerStopsAndResumesAfterItsRestart() {
        startWithCompute1();
        String database = server.databaseUrl();
        int port = server.port();
        EventStreamClient before = open(server, STREAM + "?since=0", Map.of());
        before.awaitCount(1, WAIT);
        server.close();
        assertThat(before.awaitEnd(Duration.ofSeconds(5))).as("the stream ends with the server").isTrue();
        server = TestServer.start(database, port, "");
        opened.add(server);
        // The restarted server knows its services again by what the agent registers.
        server.seedService("compute-2", COMPUTE);
        disable("compute-2", "after the restart");
        EventStreamClient after = open(server, STREAM, Map.of("Last-Event-ID", "1"));
        after.awaitCount(2, WAIT);
        assertThat(after.ids()).containsExactly(2L, 3L);
        assertThat(after.messages().get(1).event().get("kind").asText()).isEqualTo("disabled");
        assertNothingMore(after, 2);
    }

    @Test
    void aSiblingServerStreamsTheEventsCommittedByAnotherAndResumesWhereTheOtherLeftOff() {
        startWithCompute1();
        TestServer sibling = server.sibling();
        opened.add(sibling);
        EventStreamClient onSibling = open(sibling, STREAM + "?since=0", Map.of());
        disable("compute-1", "seen by the sibling");
        onSibling.awaitCount(2, WAIT);
        onSibling.close();
        enable("compute-1");
        EventStreamClient back = open(server, STREAM, Map.of("Last-Event-ID", "2"));
        disable("compute-1", "again");
        back.awaitCount(2, WAIT);
        assertThat(onSibling.ids()).containsExactly(1L, 2L);
        assertThat(back.ids()).containsExactly(3L, 4L);
    }

    @Test
    void filtersByHostBinaryAndKindApplyToTheReplayAndToTheLiveFeed() {
        startWithCompute1();
        server.seedService("compute-2", COMPUTE);
        disable("compute-1", "before");
        EventStreamClient byHost = open(server, STREAM + "?since=0&host=compute-1", Map.of());
        EventStreamClient byKind = open(server, STREAM + "?since=0&kind=disabled&kind=enabled", Map.of());
        EventStreamClient byBinary = open(server, STREAM + "?since=0&binary=nova-scheduler", Map.of());
        disable("compute-2", "after");
        enable("compute-1");
        server.seedService("scheduler-1", "nova-scheduler");
        byHost.awaitCount(3, WAIT);
        byKind.awaitCount(3, WAIT);
        byBinary.awaitCount(1, WAIT);
        assertThat(byHost.ids()).containsExactly(1L, 3L, 5L);
        assertThat(byKind.ids()).containsExactly(3L, 4L, 5L);
        assertThat(byBinary.ids()).containsExactly(6L);
    }

    @Test
    void anIdleStreamCarriesKeepAliveComments() {
        server = TestServer.startWithKeepAlive(Duration.ofMillis(300));
        opened.add(server);
        EventStreamClient client = open(server, STREAM, Map.of());
        assertThat(client.awaitComment(WAIT)).isEqualTo(": keep-alive");
        assertThat(client.ids()).isEmpty();
    }

    @Test
    void aThousandSubscribersEachReceiveEveryEventOnce() {
        startWithCompute1();
        List<EventStreamClient> clients = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            clients.add(open(server, STREAM, Map.of()));
        }
        clients.forEach(c -> assertThat(c.response().statusCode()).isEqualTo(200));
        disable("compute-1", "one");
        enable("compute-1");
        disable("compute-1", "two");
        for (EventStreamClient client : clients) {
            client.awaitCount(3, WAIT);
        }
        for (EventStreamClient client : clients) {
            assertThat(client.ids()).containsExactly(2L, 3L, 4L);
        }
    }

    @Test
    void aServerWithItsMaximumOfSubscribersRefusesAnotherWithNovas503() {
        start("[api]\nmax_event_subscribers = 2\n");
        open(server, STREAM, Map.of()).response();
        open(server, STREAM, Map.of()).response();
        assertFault(server.get(STREAM), 503, "serviceUnavailable", "This server has its maximum of 2 event stream"
                + " subscribers; try again later or another server.");
    }

    @Test
    void everyBadValueOfTheStreamIsAFaultInNovasFormat() {
        startWithCompute1();
        assertFault(send(STREAM, Map.of("Last-Event-ID", "abc")), 400, "badRequest",
                "Invalid Last-Event-ID abc: an event id is expected.");
        assertFault(send(STREAM, Map.of("Last-Event-ID", "7")), 400, "badRequest",
                "Event 7 does not exist (the newest is 1).");
        assertFault(server.get(STREAM + "?since=-3"), 400, "badRequest",
                "Invalid input for query parameters since. Value: -3. '-3' does not match '^[0-9]{1,18}$'");
        assertFault(server.get(STREAM + "?since=2"), 400, "badRequest", "Event 2 does not exist (the newest is 1).");
        assertFault(server.get(STREAM + "?kind=exploded"), 400, "badRequest", "Invalid input for query parameters"
                + " kind. Value: exploded. 'exploded' is not one of ['created', 'deleted', 'enabled', 'disabled',"
                + " 'reason_changed', 'forced_down', 'forced_up', 'unchanged', 'went_down', 'came_up', 'zone_disrupted']");
        assertFault(server.get(STREAM + "?limit=5"), 400, "badRequest",
                "Additional properties are not allowed ('limit' was unexpected)");
        assertFault(server.send("GET", STREAM, null, Map.of("X-Auth-Token", TestServer.MEMBER)), 403, "forbidden",
                "Policy doesn't allow hyperstatus:events:stream to be performed.");
        assertThat(server.send("GET", STREAM, null, Map.of()).status()).isEqualTo(401);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void start(String config) {
        server = TestServer.start(config);
        opened.add(server);
    }

    /** A server of the default configuration where compute-1 registered: event 1. */
    private void startWithCompute1() {
        start("");
        server.seedService("compute-1", COMPUTE);
    }

    private EventStreamClient open(TestServer target, String path, Map<String, String> headers) {
        EventStreamClient client = EventStreamClient.open(target, path, headers);
        opened.add(client);
        return client;
    }

    private Reply send(String path, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("X-Auth-Token", TestServer.ADMIN);
        return server.send("GET", path, null, all);
    }

    /** One more event goes to the client right after those it has: nothing came in between, nothing twice. */
    private void assertNothingMore(EventStreamClient client, int had) {
        List<Long> before = client.ids();
        long next = server.get("/hyperstatus/v1/events?limit=1").json().get("events").get(0).get("id").asLong() + 1;
        server.seedService("marker-" + next, COMPUTE);
        client.awaitCount(had + 1, WAIT);
        assertThat(client.ids()).containsExactlyElementsOf(
                LongStream.concat(before.stream().mapToLong(Long::longValue), LongStream.of(next)).boxed().toList());
    }

    private void disable(String host, String reason) {
        update(host, "{\"status\": \"disabled\", \"disabled_reason\": \"" + reason + "\"}");
    }

    private void enable(String host) {
        update(host, "{\"status\": \"enabled\"}");
    }

    private void update(String host, String body) {
        Reply reply = server.put("/v2.1/os-services/" + server.serviceUuid(host, COMPUTE), "2.53", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }
}
