package io.hyperstatus.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered service (nova-compute, nova-scheduler, ...) on one host, as stored.
 * Times come from the database clock; {@code lastSeenUp} is only moved by heartbeats.
 */
public record Service(
        long id,
        String uuid,
        String host,
        String binary,
        boolean disabled,
        String disabledReason,
        boolean forcedDown,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSeenUp) {

    public static final String COMPUTE_BINARY = "nova-compute";

    public Service {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isCompute() {
        return COMPUTE_BINARY.equals(binary);
    }

    public ServiceStatus status() {
        return disabled ? ServiceStatus.DISABLED : ServiceStatus.ENABLED;
    }

    /** The instant liveness is measured from: the last heartbeat, or creation when there was none. */
    public Instant lastAlive() {
        return lastSeenUp != null ? lastSeenUp : createdAt;
    }
}
