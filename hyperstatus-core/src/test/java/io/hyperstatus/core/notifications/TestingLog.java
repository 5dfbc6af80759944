package io.hyperstatus.core.notifications;

import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.EventSubject;
import io.hyperstatus.core.events.ZoneDisruption;
import io.hyperstatus.core.testing.TestingEventStore;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.time.Instant;

/** Writes the events of the notification tests to a testing log: a few services, changed by requests or the detector. */
final class TestingLog {
    static final EventSnapshot UP = new EventSnapshot(ServiceState.UP, ServiceStatus.ENABLED, null, false);
    static final EventSnapshot DISABLED = new EventSnapshot(ServiceState.UP, ServiceStatus.DISABLED, "rack 12", false);
    static final EventSnapshot DISABLED_AND_DOWN = new EventSnapshot(ServiceState.DOWN, ServiceStatus.DISABLED,
            "rack 12", true);

    private final TestingEventStore store;

    TestingLog(TestingEventStore store) {
        this.store = store;
    }

    static EventSubject service(int n) {
        return new EventSubject(n, "uuid-" + n, "compute-" + n, "nova-compute");
    }

    long change(EventKind kind, int service, String requestId, EventSnapshot before, EventSnapshot after) {
        return store.append(EventRecord.ofService(kind, null, service(service), "nova", before, after,
                Actor.user("admin", "admin", requestId), null));
    }

    long created(int service) {
        return store.append(EventRecord.ofService(EventKind.CREATED, null, service(service), "nova", null, UP,
                Actor.agent("agent", "service", "req-c" + service), null));
    }

    long wentDown(int service) {
        return store.append(EventRecord.ofService(EventKind.WENT_DOWN, Instant.parse("2026-12-01T10:00:00Z"),
                service(service), "nova", UP, UP.withState(ServiceState.DOWN), Actor.liveness(),
                Instant.parse("2026-12-01T09:59:00Z")));
    }

    long zoneDisrupted() {
        return store.append(EventRecord.ofZone(Instant.parse("2026-12-01T10:00:00Z"), "nova",
                new ZoneDisruption(3, 4)));
    }
}
