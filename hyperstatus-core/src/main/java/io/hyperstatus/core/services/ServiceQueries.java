package io.hyperstatus.core.services;

import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.core.port.ServiceStore;
import io.hyperstatus.core.port.OutageStore;
import io.hyperstatus.domain.DatabaseOutage;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceWithState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads services with their liveness decided here, from the rows and the database clock the store read; the
 * hypervisor queries judge their services by the same rule ({@link #stateRule()}).
 */
public final class ServiceQueries {
    /** A service's state at the database's time of the read that returned its row. */
    @FunctionalInterface
    public interface StateRule {
        ServiceState stateOf(Service service, Instant databaseNow);
    }

    private final ServiceStore store;
    private final Liveness liveness;
    private final OutageStore outages;

    public ServiceQueries(ServiceStore store, Liveness liveness) {
        this(store, liveness, OutageStore.NONE);
    }

    /** {@code outages}: where the last database outage is read, for the grace it gives (see {@link Liveness}). */
    public ServiceQueries(ServiceStore store, Liveness liveness, OutageStore outages) {
        this.store = Objects.requireNonNull(store, "store");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        this.outages = Objects.requireNonNull(outages, "outages");
    }

    /** Live services in id order, optionally only those of one host and/or binary, in one list. */
    public List<ServiceWithState> list(Optional<String> host, Optional<String> binary) {
        List<ServiceWithState> services = new ArrayList<>();
        scan(host, binary, Integer.MAX_VALUE).forEachRemaining(services::add);
        return services;
    }

    /** Live services in id order, read {@code batchSize} rows per query as the cursor is consumed. */
    public KeysetCursor<ServiceWithState> scan(Optional<String> host, Optional<String> binary, int batchSize) {
        StateRule rule = stateRule();
        return store.scan(host, binary, batchSize)
                .withClock((service, now) -> new ServiceWithState(service, rule.stateOf(service, now)));
    }

    public Optional<ServiceWithState> find(ServiceRef ref) {
        return store.find(ref).map(this::withState);
    }

    /** Whether the host has a live nova-compute service (what Nova's cell mapping of a host amounts to here). */
    public boolean isComputeHost(String host) {
        return store.find(ServiceRef.byKey(host, Service.COMPUTE_BINARY)).isPresent();
    }

    /**
     * Whether the host has a live nova-compute service, its row then locked until the open transaction ends: what a
     * write that depends on the host being there checks, so that a delete of the service cannot slip in between.
     */
    public boolean lockComputeHost(String host) {
        return store.lock(ServiceRef.byKey(host, Service.COMPUTE_BINARY));
    }

    /**
     * The liveness rule with the grace of the last database outage, that outage read once: rows read together are
     * all judged against the same one.
     */
    public StateRule stateRule() {
        Optional<DatabaseOutage> outage = outages.lastOutage();
        return (service, databaseNow) -> liveness.stateOf(service, databaseNow, outage);
    }

    ServiceWithState withState(RowAt<Service> read) {
        return withState(read, stateRule());
    }

    /** The rows (a service before and after a change, say) with their states, by one read of the last outage. */
    List<ServiceWithState> withStates(List<RowAt<Service>> reads) {
        StateRule rule = stateRule();
        return reads.stream().map(read -> withState(read, rule)).toList();
    }

    private static ServiceWithState withState(RowAt<Service> read, StateRule rule) {
        return new ServiceWithState(read.row(), rule.stateOf(read.row(), read.databaseNow()));
    }
}
