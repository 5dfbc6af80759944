package io.hyperstatus.client.events;

import java.util.Objects;

/** A service as it was before or after an event: state (up/down), status (enabled/disabled), reason, forced down. */
public record EventState(String state, String status, String disabledReason, boolean forcedDown) {
    public EventState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
    }

    /** {@code up/enabled}: the two values an operator compares across an event. */
    public String summary() {
        return state + "/" + status;
    }
}
