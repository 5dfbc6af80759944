package io.hyperstatus.core.events;

import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import io.hyperstatus.domain.ServiceWithState;
import java.util.Locale;
import java.util.Objects;

/** A service's state and status on one side of an event ({@code disabledReason} may be null). */
public record EventSnapshot(ServiceState state, ServiceStatus status, String disabledReason, boolean forcedDown) {
    public EventSnapshot {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
    }

    public static EventSnapshot of(ServiceWithState service) {
        return new EventSnapshot(service.state(), service.service().status(), service.service().disabledReason(),
                service.service().forcedDown());
    }

    /** A snapshot as stored, by the wire names of its state and status. */
    public static EventSnapshot ofNames(String state, String status, String disabledReason, boolean forcedDown) {
        return new EventSnapshot(ServiceState.valueOf(state.toUpperCase(Locale.ROOT)),
                ServiceStatus.valueOf(status.toUpperCase(Locale.ROOT)), disabledReason, forcedDown);
    }

    public String stateName() {
        return state.wireName();
    }

    public String statusName() {
        return status.wireName();
    }

    /** The same status with another state: a liveness transition changes nothing else. */
    public EventSnapshot withState(ServiceState newState) {
        return new EventSnapshot(newState, status, disabledReason, forcedDown);
    }
}
