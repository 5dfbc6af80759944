package io.hyperstatus.server.api.events;

import io.hyperstatus.core.events.EventFollower;
import io.hyperstatus.core.events.EventHistory;
import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.server.api.error.ApiException;
import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of {@code GET /hyperstatus/v1/events/stream} on this server, fed by the log's
 * {@link EventFollower}: each committed event becomes one message, written once and queued to every subscriber
 * whose filters it passes. A new subscriber first catches up from the database (from its cursor to where the
 * follower is, a page at a time as its connection takes them), then joins the live feed: nothing is lost or
 * repeated in between, whichever server committed the events.
 */
public final class EventStreams implements EventFollower.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.events");
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    /** Events a catching-up subscriber reads per query. */
    private static final int REPLAY_PAGE = 200;

    private final EventHistory history;
    private final EventView view = new EventView();
    private final int maxSubscribers;
    private final int maxQueuedBytes;
    private final Duration keepAlive;
    private final LongSupplier nanoTime;
    private final BiConsumer<Context, Throwable> abort;
    private final Set<EventSubscriber> live = ConcurrentHashMap.newKeySet();
    private final Set<EventSubscriber> catchingUp = ConcurrentHashMap.newKeySet();
    private final AtomicInteger subscribers = new AtomicInteger();
    private volatile boolean closed;
    private volatile Runnable wake = () -> { };
    private long lastKeepAlive;
    private boolean failing;

    /**
     * {@code maxQueuedBytes}: how far a subscriber's connection may fall behind before it is dropped;
     * {@code abort}: breaks a connection that cannot be ended cleanly (the HTTP layer's own business).
     */
    public EventStreams(EventHistory history, int maxSubscribers, int maxQueuedBytes, Duration keepAlive,
                        LongSupplier nanoTime, BiConsumer<Context, Throwable> abort) {
        this.history = history;
        this.maxSubscribers = maxSubscribers;
        this.maxQueuedBytes = maxQueuedBytes;
        this.keepAlive = keepAlive;
        this.nanoTime = nanoTime;
        this.abort = abort;
        this.lastKeepAlive = nanoTime.getAsLong();
    }

    /** What makes the follower look at the log at once: a new subscriber is served without waiting for a look. */
    public void wakeWith(Runnable followerWake) {
        this.wake = followerWake;
    }

    /** Subscribers now connected. */
    public int subscribers() {
        return subscribers.get();
    }

    /**
     * Takes the request over as a stream of the events after {@code cursor} that pass {@code filter}. Refused with
     * Nova's 503 when this server has its maximum of subscribers, or is stopping.
     */
    void open(Context ctx, EventQuery filter, long cursor) throws IOException {
        if (closed) {
            throw new ApiException(503, "The server is stopping.");
        }
        if (subscribers.incrementAndGet() > maxSubscribers) {
            subscribers.decrementAndGet();
            throw new ApiException(503, "This server has its maximum of " + maxSubscribers
                    + " event stream subscribers; try again later or another server.");
        }
        CompletableFuture<Void> finished = new CompletableFuture<>();
        EventSubscriber subscriber = new EventSubscriber(filter, cursor, maxQueuedBytes, finished, this::ended,
                failure -> abort.accept(ctx, failure));
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        ctx.future(() -> {
            AsyncContext async = ctx.req().getAsyncContext();
            // A stream lasts as long as its client wants it; keep-alive messages keep the connection busy.
            async.setTimeout(0);
            async.addListener(subscriber);
            try {
                subscriber.attach(ctx.res().getOutputStream());
            } catch (IOException e) {
                subscriber.abortNow();
                return finished;
            }
            catchingUp.add(subscriber);
            if (closed) {
                subscriber.end();
            }
            wake.run();
            return finished;
        });
    }

    private void ended(EventSubscriber subscriber) {
        boolean wasLive = live.remove(subscriber);
        boolean wasCatchingUp = catchingUp.remove(subscriber);
        if (wasLive || wasCatchingUp) {
            subscribers.decrementAndGet();
        }
    }

    @Override
    public void deliver(long previous, List<LoggedEvent> events, long position) {
        if (failing) {
            failing = false;
            LOG.info("Event log readable again; event streams continue from event {}", previous);
        }
        if (!events.isEmpty() && !live.isEmpty()) {
            Map<Long, byte[]> messages = new HashMap<>();
            for (EventSubscriber subscriber : live) {
                for (LoggedEvent event : events) {
                    if (event.id() > subscriber.position() && subscriber.filter().matches(event)) {
                        subscriber.offer(messages.computeIfAbsent(event.id(), id -> message(event)));
                    }
                }
                subscriber.position(Math.max(subscriber.position(), position));
            }
        }
        for (EventSubscriber subscriber : catchingUp) {
            catchUp(subscriber, position);
        }
        long now = nanoTime.getAsLong();
        if (now - lastKeepAlive >= keepAlive.toNanos()) {
            lastKeepAlive = now;
            for (EventSubscriber subscriber : live) {
                subscriber.offer(KEEP_ALIVE);
            }
        }
    }

    /**
     * Replays from the database what the subscriber missed, up to the follower's position, while its connection
     * keeps up (the rest at the next look); caught up, it joins the live feed.
     */
    private void catchUp(EventSubscriber subscriber, long position) {
        while (subscriber.position() < position && !subscriber.isEnded()) {
            if (subscriber.queuedBytes() > maxQueuedBytes / 2) {
                return;
            }
            List<LoggedEvent> page = history.page(subscriber.filter().limit(REPLAY_PAGE).after(subscriber.position()));
            for (LoggedEvent event : page) {
                if (event.id() > position) {
                    break;
                }
                if (!subscriber.offer(message(event))) {
                    return;
                }
                subscriber.position(event.id());
            }
            if (page.size() < REPLAY_PAGE || page.get(page.size() - 1).id() >= position) {
                subscriber.position(position);
            }
        }
        if (!subscriber.isEnded() && subscriber.position() >= position && catchingUp.remove(subscriber)) {
            live.add(subscriber);
        }
    }

    private byte[] message(LoggedEvent event) {
        byte[] json = view.bytes(event);
        byte[] head = ("id: " + event.id() + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(json, 0, message, head.length, json.length);
        message[message.length - 2] = '\n';
        message[message.length - 1] = '\n';
        return message;
    }

    @Override
    public void failed(RuntimeException failure) {
        if (!failing) {
            failing = true;
            LOG.warn("Cannot read the event log; event streams wait and resume where they were: {}",
                    failure.getMessage());
        }
    }

    /**
     * Ends every stream, each once what is queued for it has been written (its client then resumes elsewhere, or
     * here after the restart, with its last id); a connection that does not take it within a second is broken.
     */
    @Override
    public void close() {
        closed = true;
        List<EventSubscriber> all = new ArrayList<>(live);
        all.addAll(catchingUp);
        all.forEach(EventSubscriber::end);
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (subscribers.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        all.forEach(EventSubscriber::abortNow);
    }
}
