package io.hyperstatus.core.events;

import io.hyperstatus.core.PassThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Follows the event log of the database, whoever commits to it (this server or a sibling): every {@code interval},
 * and at once when {@link #wake woken} after a local commit, reads the events after the last one it read and hands
 * them to its listener, on its one thread. Ids are gap-free and in commit order, so reading after a cursor misses
 * nothing and repeats nothing. The listener is called at every look, with or without new events.
 */
public final class EventFollower implements AutoCloseable {
    /** What the follower feeds; called on the follower's thread only, so it needs no locking of its own for that. */
    public interface Listener {
        /**
         * The events with ids in ({@code previous}, {@code position}], oldest first (none when nothing new was
         * committed); every event up to {@code position} is committed.
         */
        void deliver(long previous, List<LoggedEvent> events, long position);

        /** A look at the log failed (the database is unreachable, say); the next look retries from where it was. */
        void failed(RuntimeException failure);

        /** One listener that hands every call to each of {@code listeners}, in order. */
        static Listener all(List<Listener> listeners) {
            List<Listener> each = List.copyOf(listeners);
            return new Listener() {
                @Override
                public void deliver(long previous, List<LoggedEvent> events, long position) {
                    each.forEach(listener -> listener.deliver(previous, events, position));
                }

                @Override
                public void failed(RuntimeException failure) {
                    each.forEach(listener -> listener.failed(failure));
                }
            };
        }
    }

    private final EventHistory history;
    private final int batchSize;
    private final Listener listener;
    private final PassThread thread;
    private volatile long position = -1;

    public EventFollower(EventHistory history, Duration interval, int batchSize, Listener listener) {
        this.history = Objects.requireNonNull(history, "history");
        if (batchSize < 1) {
            throw new IllegalArgumentException("a positive batch size: " + batchSize);
        }
        this.batchSize = batchSize;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = new PassThread("hyperstatus-event-follower", interval, this::look);
    }

    /** Starts after the newest event committed now: what a subscriber asks for before it is read as a replay. */
    public void start() {
        thread.start();
    }

    /** Looks at the log as soon as possible (many wakes before the look make one look). */
    public void wake() {
        thread.wake();
    }

    /** The last id handed to the listener; -1 before the first look. */
    public long position() {
        return position;
    }

    private void look() {
        try {
            if (position < 0) {
                position = history.lastId();
            }
            long previous = position;
            List<LoggedEvent> events = new ArrayList<>();
            while (true) {
                List<LoggedEvent> batch = history.page(EventQuery.newest(batchSize).after(position));
                events.addAll(batch);
                if (!batch.isEmpty()) {
                    position = batch.get(batch.size() - 1).id();
                }
                if (batch.size() < batchSize) {
                    break;
                }
            }
            listener.deliver(previous, events, position);
        } catch (RuntimeException e) {
            listener.failed(e);
        }
    }

    @Override
    public void close() {
        thread.close();
    }
}
