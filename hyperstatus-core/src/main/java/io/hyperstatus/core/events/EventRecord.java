package io.hyperstatus.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as it is written to the log. {@code time} is when it happened, or null for "now by the database clock"
 * (an API change happens when it commits; a liveness transition carries the deadline that passed). A service's
 * event has its {@code subject}, and a {@code before} (not for created) and {@code after} (not for deleted);
 * {@code lastHeartbeat} is set for went_down; a zone's disruption has no subject but a {@code disruption}.
 */
public record EventRecord(EventKind kind, Instant time, EventSubject subject, String zone, EventSnapshot before,
                          EventSnapshot after, Actor actor, Instant lastHeartbeat, ZoneDisruption disruption) {
    public EventRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(actor, "actor");
        if (kind == EventKind.ZONE_DISRUPTED) {
            Objects.requireNonNull(disruption, "disruption");
            if (subject != null || before != null || after != null) {
                throw new IllegalArgumentException("a zone's disruption is about no one service");
            }
        } else {
            Objects.requireNonNull(subject, "subject");
            if (disruption != null) {
                throw new IllegalArgumentException("only a zone's disruption counts services");
            }
            if ((kind == EventKind.CREATED) != (before == null) || (kind == EventKind.DELETED) != (after == null)) {
                throw new IllegalArgumentException(kind.wireName() + " with the wrong sides: " + before + " / " + after);
            }
        }
    }

    /** A change of one service. */
    public static EventRecord ofService(EventKind kind, Instant time, EventSubject subject, String zone,
                                        EventSnapshot before, EventSnapshot after, Actor actor,
                                        Instant lastHeartbeat) {
        return new EventRecord(kind, time, subject, zone, before, after, actor, lastHeartbeat, null);
    }

    /** A disruption of a zone, seen by the liveness detector at {@code time}. */
    public static EventRecord ofZone(Instant time, String zone, ZoneDisruption disruption) {
        return new EventRecord(EventKind.ZONE_DISRUPTED, time, null, zone, null, null, Actor.liveness(), null,
                disruption);
    }
}
