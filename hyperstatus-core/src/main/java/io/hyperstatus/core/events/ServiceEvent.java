package io.hyperstatus.core.events;

import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceWithState;
import java.util.Objects;

/**
 * One change of a service, as the application layer saw it happen: what changed, the service with its state before
 * and after the save that changed it (no {@code before} for a creation, no {@code after} for a deletion), and who
 * asked. One save that changes two things (disables and forces down, say) gives one event per thing, sharing its
 * snapshots. {@link io.hyperstatus.core.events.EventLog} turns it into a stored event.
 */
public record ServiceEvent(EventKind kind, ServiceWithState before, ServiceWithState after, Actor actor) {
    public ServiceEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        if (kind == EventKind.ZONE_DISRUPTED) {
            throw new IllegalArgumentException("a zone's disruption is not a change of one service");
        }
        if (kind != EventKind.CREATED) {
            Objects.requireNonNull(before, "before");
        } else if (before != null) {
            throw new IllegalArgumentException("a created service has no before");
        }
        if (kind != EventKind.DELETED) {
            Objects.requireNonNull(after, "after");
        } else if (after != null) {
            throw new IllegalArgumentException("a deleted service has no after");
        }
    }

    /** The service the event is about, as it was after the change (before it, for a deletion). */
    public Service service() {
        return after != null ? after.service() : before.service();
    }

    /** The id of the service the event is about. */
    public long serviceId() {
        return service().id();
    }
}
