package io.hyperstatus.core.events;

import io.hyperstatus.core.port.EventStore;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.Service;
import java.util.Objects;

/**
 * The sink that keeps events: each change of a service becomes one stored event, with the service's zone of the
 * moment, written in the transaction of the change (so a refused or rolled-back change leaves no event).
 */
public final class EventLog implements EventSink {
    private final EventStore store;
    private final ServiceZones zones;

    public EventLog(EventStore store, ServiceZones zones) {
        this.store = Objects.requireNonNull(store, "store");
        this.zones = Objects.requireNonNull(zones, "zones");
    }

    @Override
    public void publish(ServiceEvent event) {
        Service service = event.service();
        store.append(EventRecord.ofService(event.kind(), null, EventSubject.of(service), zones.zoneOf(service),
                event.before() == null ? null : EventSnapshot.of(event.before()),
                event.after() == null ? null : EventSnapshot.of(event.after()),
                event.actor(), null));
    }
}
