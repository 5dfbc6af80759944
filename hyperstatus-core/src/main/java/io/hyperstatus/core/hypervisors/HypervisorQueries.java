package io.hyperstatus.core.hypervisors;

import io.hyperstatus.core.port.HypervisorQuery;
import io.hyperstatus.core.port.HypervisorRow;
import io.hyperstatus.core.port.HypervisorStore;
import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.services.ServiceQueries.StateRule;
import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.HypervisorStatistics;
import io.hyperstatus.domain.Instance;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads hypervisors, with each one's liveness decided here from its service row and the database clock. */
public final class HypervisorQueries {
    private final HypervisorStore store;
    private final ServiceQueries services;

    /** {@code services}: whose rule judges each hypervisor's service (see {@link ServiceQueries#stateRule()}). */
    public HypervisorQueries(HypervisorStore store, ServiceQueries services) {
        this.store = Objects.requireNonNull(store, "store");
        this.services = Objects.requireNonNull(services, "services");
    }

    /** The hypervisors the query selects, read in batches as the cursor is consumed. */
    public KeysetCursor<Hypervisor> list(HypervisorQuery query) {
        StateRule rule = services.stateRule();
        return store.list(query).withClock((row, now) -> hypervisor(row, now, rule));
    }

    public Optional<Hypervisor> findById(long id) {
        return store.findById(id).map(this::hypervisor);
    }

    public Optional<Hypervisor> findByUuid(String uuid) {
        return store.findByUuid(uuid).map(this::hypervisor);
    }

    /** The id of the live node a paging marker names, by id or by UUID. */
    public OptionalLong markerId(String marker, boolean byUuid) {
        return store.markerId(marker, byUuid);
    }

    /** The instances on each of the given hosts, in creation order; hosts without instances are absent. */
    public Map<String, List<Instance>> instancesOnHosts(Collection<String> hosts) {
        return store.instancesOnHosts(hosts);
    }

    public HypervisorStatistics statistics() {
        return store.statistics();
    }

    /** The host's first live compute node, which the deprecated os-hosts API shows. */
    public Optional<ComputeNode> firstNode(String host) {
        return store.firstNode(host);
    }

    private Hypervisor hypervisor(RowAt<HypervisorRow> read) {
        return hypervisor(read.row(), read.databaseNow(), services.stateRule());
    }

    private static Hypervisor hypervisor(HypervisorRow row, Instant databaseNow, StateRule rule) {
        return new Hypervisor(row.node(), row.service(), rule.stateOf(row.service(), databaseNow));
    }
}
