package io.hyperstatus.core.services;

import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.ServiceEvent;
import io.hyperstatus.domain.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The events one save of a service gives, read from the service as it was and as it was stored. */
final class ServiceEvents {
    private ServiceEvents() {
    }

    /**
     * At most one event about the status (enabled, disabled, or only the disabled reason changed) and at most one
     * about the forced-down flag; none when the save changed neither.
     */
    static List<ServiceEvent> between(Service before, Service after, Actor actor) {
        List<ServiceEvent> events = new ArrayList<>(2);
        if (before.disabled() != after.disabled()) {
            events.add(new ServiceEvent(after.disabled() ? ServiceEvent.Kind.DISABLED : ServiceEvent.Kind.ENABLED,
                    before, after, actor));
        } else if (!Objects.equals(before.disabledReason(), after.disabledReason())) {
            events.add(new ServiceEvent(ServiceEvent.Kind.REASON_CHANGED, before, after, actor));
        }
        if (before.forcedDown() != after.forcedDown()) {
            events.add(new ServiceEvent(after.forcedDown() ? ServiceEvent.Kind.FORCED_DOWN
                    : ServiceEvent.Kind.FORCED_UP, before, after, actor));
        }
        return events;
    }
}
