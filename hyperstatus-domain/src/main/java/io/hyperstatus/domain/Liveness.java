package io.hyperstatus.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a service is up. A forced-down service is down; otherwise it is up while its last heartbeat
 * (or its creation, before the first heartbeat) lies within {@code serviceDownTime} of "now". Both instants
 * come from the database clock, so clock skew between API servers and agents cannot flip a host; the distance
 * is absolute so that a timestamp slightly in the future still counts as alive.
 */
public final class Liveness {
    private final Duration serviceDownTime;

    public Liveness(Duration serviceDownTime) {
        Objects.requireNonNull(serviceDownTime, "serviceDownTime");
        if (serviceDownTime.isNegative() || serviceDownTime.isZero()) {
            throw new IllegalArgumentException("serviceDownTime must be positive: " + serviceDownTime);
        }
        this.serviceDownTime = serviceDownTime;
    }

    public Duration serviceDownTime() {
        return serviceDownTime;
    }

    public ServiceState stateOf(Service service, Instant databaseNow) {
        if (service.forcedDown()) {
            return ServiceState.DOWN;
        }
        Duration sinceAlive = Duration.between(service.lastAlive(), databaseNow).abs();
        return sinceAlive.compareTo(serviceDownTime) <= 0 ? ServiceState.UP : ServiceState.DOWN;
    }
}
