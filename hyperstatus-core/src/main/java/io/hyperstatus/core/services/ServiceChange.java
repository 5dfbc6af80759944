package io.hyperstatus.core.services;

import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request asks to change about a service: its status with the disabled reason (stored as given, absent
 * clears it), its forced-down flag, or both. A request Nova refuses only once the service has been found (a
 * missing field of an action, say) is a refused change, carrying the refusal's words: the service is looked up
 * first, so a request naming no service is still a 404. A change that asks for nothing at all is refused in
 * Nova's words for it.
 */
public record ServiceChange(Optional<Boolean> disabled, Optional<String> reason, Optional<Boolean> forcedDown,
                            Optional<String> refusal) {
    private static final String NOTHING_REQUESTED =
            "No updates were requested. Fields 'status' or 'forced_down' should be specified.";
    private static final String ENABLED_WITH_REASON = "Specifying 'disabled_reason' with status 'enabled' is invalid.";

    public ServiceChange {
        Objects.requireNonNull(disabled, "disabled");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(forcedDown, "forcedDown");
        Objects.requireNonNull(refusal, "refusal");
        if (reason.isPresent() && disabled.isEmpty()) {
            throw new IllegalArgumentException("a reason goes with a status");
        }
        if (refusal.isEmpty() && disabled.isEmpty() && forcedDown.isEmpty()) {
            refusal = Optional.of(NOTHING_REQUESTED);
        }
    }

    public static ServiceChange enable() {
        return new ServiceChange(Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Disables with a reason, or with none ({@code null}), which clears the one stored. */
    public static ServiceChange disable(String reason) {
        return new ServiceChange(Optional.of(true), Optional.ofNullable(reason), Optional.empty(), Optional.empty());
    }

    public static ServiceChange forceDown(boolean forcedDown) {
        return new ServiceChange(Optional.empty(), Optional.empty(), Optional.of(forcedDown), Optional.empty());
    }

    public static ServiceChange refused(String why) {
        return new ServiceChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(why));
    }

    /**
     * The change of {@code PUT /os-services/{uuid}} (2.53 on): a status, with a reason only when disabling, and/or
     * forced_down; at least one of the two must be asked for.
     */
    public static ServiceChange of(Optional<ServiceStatus> status, Optional<String> reason,
                                   Optional<Boolean> forcedDown) {
        if (status.isPresent() && status.get() == ServiceStatus.ENABLED && reason.isPresent()
                && !reason.get().isEmpty()) {
            return refused(ENABLED_WITH_REASON);
        }
        Optional<Boolean> disabled = status.map(s -> s == ServiceStatus.DISABLED);
        Optional<String> kept = disabled.orElse(false) ? reason : Optional.empty();
        return new ServiceChange(disabled, kept, forcedDown, Optional.empty());
    }

    /**
     * Whether saving this change would alter the stored service. As in Nova, whose database layer writes only
     * values that differ, a change that alters nothing is not saved (and so leaves updated_at alone).
     */
    public boolean changes(Service service) {
        boolean status = disabled.isPresent() && (disabled.get() != service.disabled()
                || !Objects.equals(reason.orElse(null), service.disabledReason()));
        return status || (forcedDown.isPresent() && forcedDown.get() != service.forcedDown());
    }
}
