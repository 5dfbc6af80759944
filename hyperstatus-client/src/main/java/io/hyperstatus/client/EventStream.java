package io.hyperstatus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.client.events.EventJson;
import io.hyperstatus.client.events.StreamedEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The servers' event stream ({@code GET /hyperstatus/v1/events/stream}), one event per {@link #next()}. It
 * remembers the id of the last event it handed out and, when the connection drops (the server restarted, the
 * network failed, nothing came for three keep-alive periods), connects again with {@code Last-Event-ID}, waiting
 * a little longer after each failed try up to a bound. Only whole messages count, and an id at or below the last
 * one is dropped, so across a reconnect no event is repeated, and the server's resume rule makes none skipped.
 * One thread reads; {@link #close()} may come from any other.
 */
public final class EventStream implements AutoCloseable {
    /** What the stream tells about its connection; both default to nothing. */
    public interface Listener {
        /** Connected, to resume after {@code afterId} (null: from the events committed from now on). */
        default void connected(Long afterId) {
        }

        /** The connection dropped, or a try failed; the next try comes in {@code retryIn}. */
        default void dropped(String reason, Duration retryIn) {
        }
    }

    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(15);
    /** Three keep-alive comments (one each 15 s) missed: the connection is dead even if TCP has not noticed. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(45);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpTransport transport;
    private final String path;
    private final Listener listener;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration idleLimit;
    private final SseParser parser = new SseParser();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ScheduledExecutorService watchdog;
    private final ScheduledFuture<?> idleChecks;

    private volatile boolean closed;
    private volatile InputStream body;
    private volatile BufferedReader reader;
    private volatile long lastReadNanos;
    private volatile Thread readingThread;
    private volatile Long lastId;
    private int failures;

    EventStream(HttpTransport transport, String path, Long afterId, Listener listener, Duration firstRetry,
                Duration maxRetry, Duration idleLimit) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.path = Objects.requireNonNull(path, "path");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.idleLimit = idleLimit;
        if (afterId != null && afterId < 0) {
            throw new IllegalArgumentException("resume after event " + afterId);
        }
        this.lastId = afterId;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hyperstatus-event-stream-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(idleLimit.toMillis() / 3, 1);
        // Kept so the periodic look is not fire-and-forget; close() ends it with the executor.
        this.idleChecks = watchdog.scheduleWithFixedDelay(this::dropIfIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * The next event, waiting as long as it takes (through reconnects); null once the stream is closed. A refusal
     * that trying again cannot cure (400, 401, 403, 404) is an {@link ApiCallException}.
     */
    public StreamedEvent next() {
        readingThread = Thread.currentThread();
        while (!closed) {
            BufferedReader in = reader;
            if (in == null) {
                try {
                    in = connect();
                } catch (ServerUnreachableException e) {
                    retryAfter(e.getMessage());
                    continue;
                } catch (ApiCallException e) {
                    if (e.status() < 500 && e.status() != 429) {
                        throw e;
                    }
                    retryAfter(e.getMessage() + " (HTTP " + e.status() + ")");
                    continue;
                }
                if (in == null) {
                    break;
                }
            }
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                disconnect();
                // The watchdog may have interrupted this thread to end the read; the wait below must not see it.
                Thread.interrupted();
                retryAfter("connection lost: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                continue;
            }
            if (line == null) {
                disconnect();
                retryAfter("the server ended the stream");
                continue;
            }
            lastReadNanos = System.nanoTime();
            // The server answers (a keep-alive counts): the next drop starts the back-off over.
            failures = 0;
            SseParser.Message message = parser.line(line);
            if (message == null) {
                continue;
            }
            long id = id(message);
            Long last = lastId;
            if (last != null && id <= last) {
                continue;
            }
            StreamedEvent event = new StreamedEvent(EventJson.event(json(message.data())), message.data());
            lastId = id;
            return event;
        }
        return null;
    }

    /** The id of the last event {@link #next()} returned (or the one given to resume after); null if none yet. */
    public Long lastId() {
        return lastId;
    }

    private BufferedReader connect() {
        Long last = lastId;
        Map<String, String> headers = last == null ? Map.of() : Map.of("Last-Event-ID", Long.toString(last));
        InputStream opened = transport.open(path, "text/event-stream", headers);
        if (closed) {
            closeQuietly(opened);
            return null;
        }
        parser.reset();
        body = opened;
        lastReadNanos = System.nanoTime();
        BufferedReader in = new BufferedReader(new InputStreamReader(opened, StandardCharsets.UTF_8));
        reader = in;
        listener.connected(last);
        return in;
    }

    private void disconnect() {
        reader = null;
        InputStream open = body;
        body = null;
        if (open != null) {
            closeQuietly(open);
        }
    }

    /** Waits before the next try: the server's {@code retry} or the first delay, doubled per failure, bounded. */
    private void retryAfter(String reason) {
        if (closed) {
            return;
        }
        failures++;
        long first = parser.retryMillis() != null ? parser.retryMillis() : firstRetry.toMillis();
        long delay = Math.min(maxRetry.toMillis(), first << Math.min(failures - 1, 20));
        Duration wait = Duration.ofMillis(delay);
        listener.dropped(reason, wait);
        try {
            closing.await(delay, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Woken early: by close(), which the loop then sees, or by the watchdog, which only hastens a try.
            if (closed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void dropIfIdle() {
        if (reader != null && System.nanoTime() - lastReadNanos > idleLimit.toNanos()) {
            InputStream open = body;
            if (open != null) {
                closeQuietly(open);
            }
            // A read blocked in the HTTP client ends when its thread is interrupted, whether or not closing did it.
            Thread reading = readingThread;
            if (reading != null) {
                reading.interrupt();
            }
        }
    }

    private static long id(SseParser.Message message) {
        try {
            return Long.parseLong(message.id());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a stream message without a numeric id: " + message.id(), e);
        }
    }

    private static JsonNode json(String data) {
        try {
            return MAPPER.readTree(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("a stream message that is not JSON: " + data, e);
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // The connection is being given up; how it ends does not matter.
        }
    }

    /** Stops the stream: a {@link #next()} waiting in another thread returns null. */
    @Override
    public void close() {
        closed = true;
        closing.countDown();
        idleChecks.cancel(false);
        watchdog.shutdownNow();
        InputStream open = body;
        if (open != null) {
            closeQuietly(open);
        }
        Thread reading = readingThread;
        if (reading != null && reading != Thread.currentThread()) {
            reading.interrupt();
        }
    }
}
