package io.hyperstatus.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

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
    /** API services answer requests instead of heartbeating, so Nova never lists them among the services. */
    private static final Set<String> API_BINARIES = Set.of("nova-osapi_compute", "nova-metadata");

    public Service {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isCompute() {
        return COMPUTE_BINARY.equals(binary);
    }

    /** Whether this is an API service (see {@link #API_BINARIES}), which the API's listings leave out. */
    public boolean isApiService() {
        return API_BINARIES.contains(binary);
    }

    public ServiceStatus status() {
        return disabled ? ServiceStatus.DISABLED : ServiceStatus.ENABLED;
    }

    /** The instant liveness is measured from: the last heartbeat, or creation when there was none. */
    public Instant lastAlive() {
        return lastSeenUp != null ? lastSeenUp : createdAt;
    }
}
