package io.hyperstatus.core.testing;

import io.hyperstatus.core.events.Heartbeats;
import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.core.port.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The events appended, in order, each with the time it was recorded (by the clock given); prunes by that time. */
public final class TestingEventStore implements EventStore {
    private final Supplier<Instant> clock;
    private final List<LoggedEvent> events = new ArrayList<>();
    private final List<Instant> pruneCutoffs = new ArrayList<>();

    public TestingEventStore(Supplier<Instant> clock) {
        this.clock = clock;
    }

    @Override
    public long append(EventRecord event) {
        Instant now = clock.get();
        long id = events.isEmpty() ? 1 : events.get(events.size() - 1).id() + 1;
        events.add(new LoggedEvent(id, event.time() == null ? now : event.time(), now, event,
                event.subject() == null ? null : Heartbeats.NONE));
        return id;
    }

    public List<EventRecord> records() {
        return events.stream().map(LoggedEvent::record).toList();
    }

    @Override
    public List<LoggedEvent> find(EventQuery query) {
        List<LoggedEvent> matching = events.stream().filter(query::matches)
                .filter(e -> query.after().map(after -> e.id() > after).orElse(true))
                .filter(e -> query.before().map(before -> e.id() < before).orElse(true)).toList();
        if (!query.oldestFirst()) {
            matching = new ArrayList<>(matching);
            java.util.Collections.reverse(matching);
        }
        return matching.stream().limit(query.limit()).toList();
    }

    @Override
    public Optional<LoggedEvent> lastBefore(String serviceUuid, Instant time) {
        throw new UnsupportedOperationException("not needed by the detector");
    }

    @Override
    public long lastId() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).id();
    }

    @Override
    public int prune(Instant cutoff, int batchSize) {
        pruneCutoffs.add(cutoff);
        List<LoggedEvent> old = events.stream().filter(e -> e.recordedAt().isBefore(cutoff)).limit(batchSize).toList();
        events.removeAll(old);
        return old.size();
    }

    public List<Instant> pruneCutoffs() {
        return pruneCutoffs;
    }
}
