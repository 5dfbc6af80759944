package io.hyperstatus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hyperstatus.client.events.Event;
import io.hyperstatus.client.events.EventFilter;
import io.hyperstatus.client.tls.ClientTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list calls: the query each filter makes, and the pages followed by their next links. */
class EventsApiClientTest {
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private EventsApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            requested.add(uri);
            String answer = answers.getOrDefault(uri, "{\"itemNotFound\": {\"code\": 404, \"message\": \"no " + uri + "\"}}");
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.startsWith("{\"itemNotFound\"") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = EventsApiClient.create("http://127.0.0.1:" + server.getAddress().getPort(), "admin:admin",
                Duration.ofSeconds(5), ClientTls.systemTrust());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String event(long id) {
        return "{\"id\": " + id + ", \"kind\": \"went_down\", \"time\": \"2026-12-01T16:00:0" + id + "Z\","
                + " \"actor\": {\"kind\": \"liveness\", \"user_id\": null, \"project_id\": null, \"request_id\": null}}";
    }

    @Test
    void everyFilterBecomesItsQueryParameter() {
        EventFilter filter = new EventFilter("compute 1", "nova-compute", List.of("went_down", "came_up"), "liveness",
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(EventsApiClient.query(filter, 42L, 10)).isEqualTo("?since=42&host=compute%201&binary=nova-compute"
                + "&kind=went_down&kind=came_up&actor=liveness&changes-since=2026-11-01T00%3A00%3A00Z"
                + "&changes-before=2026-12-01T00%3A00%3A00Z&limit=10");
        assertThat(EventsApiClient.query(EventFilter.ALL, null, null)).isEmpty();
    }

    @Test
    void theNextLinksAreFollowedToTheLastPageWhereverTheyPoint() {
        answers.put("/hyperstatus/v1/events?since=0", "{\"events\": [" + event(1) + ", " + event(2) + "],"
                + " \"events_links\": [{\"rel\": \"next\", \"href\": \"https://api.example.org/hyperstatus/v1/events?since=2\"}]}");
        answers.put("/hyperstatus/v1/events?since=2", "{\"events\": [" + event(3) + "]}");

        List<Event> events = client.events(EventFilter.ALL, 0L, null);

        assertThat(events).extracting(Event::id).containsExactly(1L, 2L, 3L);
        assertThat(requested).containsExactly("/hyperstatus/v1/events?since=0", "/hyperstatus/v1/events?since=2");
    }

    @Test
    void aLimitStopsThePagingOnceItIsReached() {
        answers.put("/hyperstatus/v1/events?limit=2", "{\"events\": [" + event(9) + ", " + event(8) + "],"
                + " \"events_links\": [{\"rel\": \"next\", \"href\": \"http://x/hyperstatus/v1/events?before=8&limit=2\"}]}");

        assertThat(client.events(EventFilter.ALL, null, 2)).extracting(Event::id).containsExactly(9L, 8L);
        assertThat(requested).hasSize(1);
    }

    @Test
    void aServiceIsNamedByUuidOrByHostAndBinaryAndItsAvailabilityByUuid() {
        answers.put("/hyperstatus/v1/services/compute-1/nova-compute/events?since=0", "{\"events\": []}");
        answers.put("/hyperstatus/v1/services/5d3c/events?kind=disabled", "{\"events\": [" + event(4) + "]}");
        answers.put("/hyperstatus/v1/services/5d3c/availability?window=7d", "{\"availability\": {\"start\":"
                + " \"2026-11-24T16:00:00Z\", \"end\": \"2026-12-01T16:00:00Z\", \"up_fraction\": 1.0,"
                + " \"disabled_fraction\": 0.0, \"down_periods\": 0, \"longest_down_seconds\": 0.0, \"periods\": []}}");

        assertThat(client.serviceEvents("compute-1", "nova-compute", EventFilter.ALL, 0L, null)).isEmpty();
        assertThat(client.serviceEvents("5d3c", EventFilter.ALL.withKinds(List.of("disabled")), null, null)).hasSize(1);
        assertThat(client.availability("5d3c", "7d").upFraction()).isEqualTo(1.0);
    }

    @Test
    void theNewestIdIsTheFirstOfTheNewestFirstListOrZero() {
        answers.put("/hyperstatus/v1/events?limit=1", "{\"events\": [" + event(7) + "]}");
        assertThat(client.newestEventId()).isEqualTo(7);

        answers.put("/hyperstatus/v1/events?limit=1", "{\"events\": []}");
        assertThat(client.newestEventId()).isZero();
    }

    @Test
    void aFaultIsTheServersMessage() {
        assertThatThrownBy(() -> client.events(EventFilter.ALL, null, 5)).isInstanceOf(ApiCallException.class)
                .hasMessage("no /hyperstatus/v1/events?limit=5");
    }
}
