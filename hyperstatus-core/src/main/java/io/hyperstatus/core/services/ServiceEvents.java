package io.hyperstatus.core.services;

import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.ServiceEvent;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceWithState;
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
    static List<ServiceEvent> between(ServiceWithState before, ServiceWithState after, Actor actor) {
        Service was = before.service();
        Service is = after.service();
        List<ServiceEvent> events = new ArrayList<>(2);
        if (was.disabled() != is.disabled()) {
            events.add(new ServiceEvent(is.disabled() ? EventKind.DISABLED : EventKind.ENABLED, before, after, actor));
        } else if (!Objects.equals(was.disabledReason(), is.disabledReason())) {
            events.add(new ServiceEvent(EventKind.REASON_CHANGED, before, after, actor));
        }
        if (was.forcedDown() != is.forcedDown()) {
            events.add(new ServiceEvent(is.forcedDown() ? EventKind.FORCED_DOWN : EventKind.FORCED_UP, before, after,
                    actor));
        }
        return events;
    }
}
