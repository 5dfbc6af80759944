package io.hyperstatus.core.events;

import java.util.Locale;
import java.util.Optional;

/** What an event records. The wire name (the API's {@code kind}) is the constant's name in lower case. */
public enum EventKind {
    CREATED, DELETED, ENABLED, DISABLED, REASON_CHANGED, FORCED_DOWN, FORCED_UP,
    /**
     * An operator asked for what the service already was (disable a disabled one, say): nothing was written, but
     * the request was an action on the service, which Nova notifies as {@code service.update}, so it is kept.
     */
    UNCHANGED,
    /** The detector saw the service's last heartbeat pass {@code service_down_time}. */
    WENT_DOWN,
    /** The detector saw the first heartbeat after a {@link #WENT_DOWN}. */
    CAME_UP,
    /** More than {@code [liveness] mass_down_threshold} of a zone's services went down within one down time. */
    ZONE_DISRUPTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventKind> ofWireName(String name) {
        for (EventKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
