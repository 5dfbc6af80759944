package io.hyperstatus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hyperstatus.client.events.StreamedEvent;
import io.hyperstatus.client.tls.ClientTls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stream reader against a real HTTP server whose connections the test scripts one by one: what each sends,
 * and whether it ends, errs or stays open. The ids the reader hands out are the assertion.
 */
class EventStreamTest {
    /** What one connection does. */
    private interface Connection {
        void serve(HttpExchange exchange) throws IOException;
    }

    private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;
    private EventStream stream;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            paths.add(exchange.getRequestURI().toString());
            Connection next = connections.poll();
            if (next == null) {
                // Unscripted: held open, as a stream with nothing new.
                next = open();
            }
            try {
                next.serve(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        stop.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private EventStream stream(Long afterId, EventStream.Listener listener, Duration idleLimit) {
        HttpTransport transport = new HttpTransport(List.of("http://127.0.0.1:" + server.getAddress().getPort()),
                TokenSource.fixed("admin:admin"), Duration.ofSeconds(5), ClientTls.systemTrust());
        stream = new EventStream(transport, "/hyperstatus/v1/events/stream?host=compute-1", afterId, listener,
                Duration.ofMillis(1), Duration.ofMillis(4), idleLimit);
        return stream;
    }

    private EventStream stream(Long afterId) {
        return stream(afterId, new EventStream.Listener() { }, Duration.ofSeconds(30));
    }

    private static String message(long id) {
        return "id: " + id + "\ndata: {\"id\": " + id + ", \"kind\": \"enabled\", \"time\": \"2026-12-01T16:00:00Z\","
                + " \"actor\": {\"kind\": \"user\", \"user_id\": \"admin\"}}\n\n";
    }

    /** Sends this text as a stream, then ends the connection. */
    private static Connection sends(String text) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
    }

    /** Sends this text, then keeps the connection open until the test ends. */
    private Connection sendsAndStaysOpen(String text) {
        return exchange -> {
            sends(text).serve(exchange);
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private Connection open() {
        return sendsAndStaysOpen(": keep-alive\n\n");
    }

    private static Connection answers(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    private static List<Long> ids(EventStream stream, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StreamedEvent next = stream.next();
            ids.add(next.event().id());
            assertThat(stream.lastId()).isEqualTo(next.event().id());
        }
        return ids;
    }

    @Test
    void afterADroppedConnectionItResumesFromTheLastIdAndNeitherRepeatsNorSkips() {
        // The first connection breaks in the middle of event 3; the second one starts (again) at event 2.
        connections.add(sends(": keep-alive\n\n" + message(1) + message(2) + "id: 3\ndata: {\"id\": 3, \"ki"));
        connections.add(sendsAndStaysOpen(message(2) + message(3) + ": keep-alive\n\n" + message(4)));

        assertThat(ids(stream(null), 4)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lastEventIds).containsExactly("null", "2");
        assertThat(paths).allMatch(p -> p.equals("/hyperstatus/v1/events/stream?host=compute-1"));
    }

    @Test
    void aStreamGivenAnIdResumesAfterItFromTheFirstConnection() {
        connections.add(sendsAndStaysOpen(message(11)));

        assertThat(ids(stream(10L), 1)).containsExactly(11L);
        assertThat(lastEventIds).containsExactly("10");
    }

    @Test
    void theJsonIsKeptAsSent() {
        connections.add(sendsAndStaysOpen(message(5)));

        assertThat(stream(null).next().json()).isEqualTo("{\"id\": 5, \"kind\": \"enabled\", \"time\":"
                + " \"2026-12-01T16:00:00Z\", \"actor\": {\"kind\": \"user\", \"user_id\": \"admin\"}}");
    }

    @Test
    void serverErrorsAreRetriedWithADelayThatDoublesUpToItsBound() {
        for (int i = 0; i < 5; i++) {
            connections.add(answers(503, "{\"serviceUnavailable\": {\"code\": 503, \"message\": \"database down\"}}"));
        }
        connections.add(sendsAndStaysOpen(message(1)));
        List<String> reasons = new CopyOnWriteArrayList<>();
        List<Duration> delays = new CopyOnWriteArrayList<>();
        EventStream.Listener listener = new EventStream.Listener() {
            @Override
            public void dropped(String reason, Duration retryIn) {
                reasons.add(reason);
                delays.add(retryIn);
            }
        };

        assertThat(ids(stream(null, listener, Duration.ofSeconds(30)), 1)).containsExactly(1L);
        assertThat(reasons).hasSize(5).allMatch(r -> r.equals("database down (HTTP 503)"));
        assertThat(delays).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4),
                Duration.ofMillis(4), Duration.ofMillis(4));
    }

    @Test
    void aRefusalThatRetryingCannotCureEndsTheStream() {
        connections.add(answers(403, "{\"forbidden\": {\"code\": 403, \"message\":"
                + " \"Policy doesn't allow hyperstatus:events:stream to be performed.\"}}"));

        assertThatThrownBy(() -> stream(null).next()).isInstanceOf(ApiCallException.class)
                .hasMessage("Policy doesn't allow hyperstatus:events:stream to be performed.");
        assertThat(lastEventIds).hasSize(1);
    }

    @Test
    void aConnectionSilentForLongerThanTheIdleLimitIsGivenUpAndResumed() {
        connections.add(sendsAndStaysOpen(message(1)));
        connections.add(sendsAndStaysOpen(message(2)));

        assertThat(ids(stream(null, new EventStream.Listener() { }, Duration.ofMillis(300)), 2))
                .containsExactly(1L, 2L);
        assertThat(lastEventIds).containsExactly("null", "1");
    }

    @Test
    void closingFromAnotherThreadEndsAWaitingRead() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        EventStream waiting = stream(null, new EventStream.Listener() {
            @Override
            public void connected(Long afterId) {
                connected.countDown();
            }
        }, Duration.ofSeconds(30));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            var read = reader.submit(waiting::next);
            assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();

            waiting.close();

            assertThat(read.get(10, TimeUnit.SECONDS)).isNull();
        } finally {
            reader.shutdownNow();
        }
    }
}
