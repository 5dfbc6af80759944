package io.hyperstatus.core.services;

import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.core.port.ServiceStore;
import io.hyperstatus.core.port.OutageStore;
import io.hyperstatus.domain.DatabaseOutage;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceWithState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads services with their liveness decided here, from the rows and the database clock the store read. */
public final class ServiceQueries {
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
        Optional<DatabaseOutage> outage = outages.lastOutage();
        return store.scan(host, binary, batchSize).withClock((service, now) -> withState(service, now, outage));
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

    ServiceWithState withState(RowAt<Service> read) {
        return withState(read.row(), read.databaseNow(), outages.lastOutage());
    }

    /** The rows (a service before and after a change, say) with their states, by one read of the last outage. */
    List<ServiceWithState> withStates(List<RowAt<Service>> reads) {
        Optional<DatabaseOutage> outage = outages.lastOutage();
        return reads.stream().map(read -> withState(read.row(), read.databaseNow(), outage)).toList();
    }

    private ServiceWithState withState(Service service, Instant databaseNow, Optional<DatabaseOutage> outage) {
        return new ServiceWithState(service, liveness.stateOf(service, databaseNow, outage));
    }
}
