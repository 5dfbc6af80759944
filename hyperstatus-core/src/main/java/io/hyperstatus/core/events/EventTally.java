package io.hyperstatus.core.events;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many events of each kind the event log has received since this server began to follow it, whichever server
 * wrote them: fed by the {@link EventFollower}, which sees every committed event once, in order.
 */
public final class EventTally implements EventFollower.Listener {
    private final Map<EventKind, LongAdder> counts = new EnumMap<>(EventKind.class);

    public EventTally() {
        for (EventKind kind : EventKind.values()) {
            counts.put(kind, new LongAdder());
        }
    }

    @Override
    public void deliver(long previous, List<LoggedEvent> events, long position) {
        for (LoggedEvent event : events) {
            counts.get(event.kind()).increment();
        }
    }

    @Override
    public void failed(RuntimeException failure) {
        // The follower retries from where it was: nothing is counted twice or lost.
    }

    /** The count of each kind, every kind present (0 for those not seen). */
    public Map<EventKind, Long> counts() {
        Map<EventKind, Long> snapshot = new EnumMap<>(EventKind.class);
        counts.forEach((kind, count) -> snapshot.put(kind, count.sum()));
        return snapshot;
    }
}
