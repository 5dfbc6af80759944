package io.hyperstatus.core.events;

import io.hyperstatus.core.ServiceNotFoundException;
import io.hyperstatus.core.port.DatabaseClock;
import io.hyperstatus.core.port.EventStore;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.services.ServiceRef;
import io.hyperstatus.domain.ServiceWithState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading the event log: pages of events, one service's history (by uuid, also once the service is deleted, or by
 * host and binary), and its availability over a window. The API reads the log through here only.
 */
public final class EventHistory {
    /** Events read per query while a window's availability is computed. */
    private static final int WINDOW_BATCH = 1000;

    private final EventStore store;
    private final ServiceQueries services;
    private final DatabaseClock clock;

    public EventHistory(EventStore store, ServiceQueries services, DatabaseClock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.services = Objects.requireNonNull(services, "services");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A page of events, in the query's order. */
    public List<LoggedEvent> page(EventQuery query) {
        return store.find(query);
    }

    /** The id of the newest event (0 when there is none): every event up to it is committed. */
    public long lastId() {
        return store.lastId();
    }

    /** The database clock's now, which windows default to ending at. */
    public Instant now() {
        return clock.now();
    }

    /**
     * The service a uuid names: the live one, or else the one its newest event was about (a deleted service keeps its
     * history); empty when neither exists.
     */
    public Optional<EventSubject> service(String uuid) {
        Optional<ServiceWithState> live = services.find(ServiceRef.byUuid(uuid));
        if (live.isPresent()) {
            return Optional.of(EventSubject.of(live.get().service()));
        }
        return store.find(EventQuery.newest(1).ofService(uuid)).stream().findFirst()
                .map(e -> e.record().subject());
    }

    /**
     * The query narrowed to the service a host and binary name: the live service's events by its uuid, or, with
     * none live, every event recorded under that host and binary. Throws when neither the live service nor any event
     * of that host and binary exists.
     */
    public EventQuery ofHostService(EventQuery query, String host, String binary) {
        Optional<ServiceWithState> live = services.find(ServiceRef.byKey(host, binary));
        if (live.isPresent()) {
            return query.ofService(live.get().service().uuid());
        }
        EventQuery byName = query.ofHost(Optional.of(host), Optional.of(binary));
        if (store.find(EventQuery.newest(1).ofHost(Optional.of(host), Optional.of(binary))).isEmpty()) {
            throw new ServiceNotFoundException(host + "/" + binary);
        }
        return byName;
    }

    /**
     * The service's availability over [start, end): its state when the window opened is its last event before
     * {@code start} (or, with none, the state before its first event in the window, or with no event at all its
     * state now), then each of its events in the window. Throws when the uuid names no service.
     */
    public Availability availability(String uuid, Instant start, Instant end) {
        EventSubject subject = service(uuid).orElseThrow(() -> new ServiceNotFoundException(uuid));
        List<LoggedEvent> inWindow = new ArrayList<>();
        EventQuery window = EventQuery.newest(WINDOW_BATCH).ofService(uuid)
                .between(Optional.of(start), Optional.of(end)).after(0);
        while (true) {
            List<LoggedEvent> batch = store.find(window);
            inWindow.addAll(batch);
            if (batch.size() < WINDOW_BATCH) {
                break;
            }
            window = window.after(batch.get(batch.size() - 1).id());
        }
        Optional<LoggedEvent> before = store.lastBefore(uuid, start);
        EventSnapshot atStart;
        if (before.isPresent()) {
            // Null after a deletion: the service did not exist when the window opened.
            atStart = before.get().record().after();
        } else if (!inWindow.isEmpty()) {
            atStart = inWindow.stream().min(Comparator.comparing(LoggedEvent::time)
                    .thenComparingLong(LoggedEvent::id)).orElseThrow().record().before();
        } else {
            // Older than the log, and unchanged since: as it is now.
            atStart = services.find(ServiceRef.byUuid(uuid)).map(EventSnapshot::of).orElse(null);
        }
        return Availability.compute(subject, start, end, atStart, inWindow);
    }

}
