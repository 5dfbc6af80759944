package io.hyperstatus.core.events;

import io.hyperstatus.domain.Service;
import java.util.Objects;

/**
 * One change of a service, as it happened: what changed ({@link Kind}), the service before and after the save
 * that changed it (no {@code before} for a creation, no {@code after} for a deletion), and who asked. One save
 * that changes two things (disables and forces down, say) gives one event per thing, sharing its snapshots.
 */
public record ServiceEvent(Kind kind, Service before, Service after, Actor actor) {
    public enum Kind { CREATED, DELETED, ENABLED, DISABLED, REASON_CHANGED, FORCED_DOWN, FORCED_UP }

    public ServiceEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        if (kind != Kind.CREATED) {
            Objects.requireNonNull(before, "before");
        } else if (before != null) {
            throw new IllegalArgumentException("a created service has no before");
        }
        if (kind != Kind.DELETED) {
            Objects.requireNonNull(after, "after");
        } else if (after != null) {
            throw new IllegalArgumentException("a deleted service has no after");
        }
    }

    /** The id of the service the event is about. */
    public long serviceId() {
        return after != null ? after.id() : before.id();
    }
}
