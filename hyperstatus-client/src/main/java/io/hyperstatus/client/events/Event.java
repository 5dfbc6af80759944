package io.hyperstatus.client.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the servers' event log. {@code service} is null for zone_disrupted, {@code before} for created,
 * {@code after} for deleted; {@code lastHeartbeat} is set for went_down only, {@code zoneDisruption} for
 * zone_disrupted only.
 */
public record Event(long id, String kind, Instant time, Instant recordedAt, EventService service, String zone,
                    EventState before, EventState after, EventActor actor, Instant lastHeartbeat,
                    ZoneDisruption zoneDisruption) {
    public Event {
        if (id <= 0) {
            throw new IllegalArgumentException("event id " + id);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
    }

    /**
     * Why, in a few words: the disabled reason of the service after the change (before it, for a deletion), the
     * last heartbeat of a went_down, the count of a zone_disrupted; null when there is none.
     */
    public String reason() {
        if (zoneDisruption != null) {
            return zoneDisruption.down() + " of " + zoneDisruption.services() + " services down"
                    + (zone == null ? "" : " in zone " + zone);
        }
        if (lastHeartbeat != null) {
            return "last heartbeat " + lastHeartbeat;
        }
        EventState shown = after != null ? after : before;
        return shown == null ? null : shown.disabledReason();
    }

    /** {@code up/enabled -> up/disabled}, with "-" for the side that did not exist; null for a zone event. */
    public String change() {
        if (before == null && after == null) {
            return null;
        }
        return (before == null ? "-" : before.summary()) + " -> " + (after == null ? "-" : after.summary());
    }
}
