package io.hyperstatus.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a service is up. A forced-down service is down; otherwise it is up while its last heartbeat
 * (or its creation, before the first heartbeat) lies within {@code serviceDownTime} of "now". Both instants
 * come from the database clock, so clock skew between API servers and agents cannot flip a host; the distance
 * is absolute so that a timestamp slightly in the future still counts as alive.
 *
 * <p>After a database outage, heartbeats could not be stored, through no fault of the hosts. A service that was
 * alive when the outage began (its last heartbeat within {@code serviceDownTime} before {@code began}) and has not
 * heartbeated since stays up until {@code serviceDownTime} after {@code recovered}: its agent gets a full
 * {@code serviceDownTime} from the database's return to get a heartbeat through, as Kubernetes restarts every
 * node's grace period after an outage of its controller. A service already down when the outage began stays down.
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
        return stateOf(service, databaseNow, Optional.empty());
    }

    /** The state, with the grace the last database outage (if any was recorded) gives. */
    public ServiceState stateOf(Service service, Instant databaseNow, Optional<DatabaseOutage> lastOutage) {
        if (service.forcedDown()) {
            return ServiceState.DOWN;
        }
        Instant lastAlive = service.lastAlive();
        if (within(lastAlive, databaseNow)) {
            return ServiceState.UP;
        }
        return lastOutage.filter(outage -> inGrace(lastAlive, databaseNow, outage)).isPresent()
                ? ServiceState.UP : ServiceState.DOWN;
    }

    /**
     * The last instant at which this rule shows the (not forced-down) service up: {@code serviceDownTime} after it
     * was last alive, or, when the outage's grace covers it, {@code serviceDownTime} after the database's return.
     * At any later instant {@link #stateOf} answers down until the service heartbeats again.
     */
    public Instant upUntil(Service service, Optional<DatabaseOutage> lastOutage) {
        Instant lastAlive = service.lastAlive();
        Instant deadline = lastAlive.plus(serviceDownTime);
        return lastOutage.filter(outage -> aliveWhenItBegan(lastAlive, outage))
                .map(outage -> outage.recovered().plus(serviceDownTime))
                .filter(graceEnd -> graceEnd.isAfter(deadline))
                .orElse(deadline);
    }

    private boolean aliveWhenItBegan(Instant lastAlive, DatabaseOutage outage) {
        return lastAlive.isBefore(outage.began()) ? within(lastAlive, outage.began())
                : !lastAlive.isAfter(outage.recovered());
    }

    private boolean inGrace(Instant lastAlive, Instant databaseNow, DatabaseOutage outage) {
        return aliveWhenItBegan(lastAlive, outage) && !databaseNow.isBefore(outage.began())
                && !databaseNow.isAfter(outage.recovered().plus(serviceDownTime));
    }

    private boolean within(Instant alive, Instant now) {
        return Duration.between(alive, now).abs().compareTo(serviceDownTime) <= 0;
    }
}
