package io.hyperstatus.core.port;

import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.HypervisorStatistics;
import io.hyperstatus.domain.Instance;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Compute nodes with the live nova-compute service each names, as stored; a node without one is not listed. */
public interface HypervisorStore {
    /** The rows the query selects, read in batches as the cursor is consumed; each batch carries the clock. */
    KeysetCursor<HypervisorRow> list(HypervisorQuery query);

    Optional<RowAt<HypervisorRow>> findById(long id);

    /** Looked up as written: the same UUID without dashes is not found. */
    Optional<RowAt<HypervisorRow>> findByUuid(String uuid);

    /** The id of the live node a paging marker names, by id or by UUID. */
    OptionalLong markerId(String marker, boolean byUuid);

    /** The instances on each of the given hosts, in creation order; hosts without instances are absent. */
    Map<String, List<Instance>> instancesOnHosts(Collection<String> hosts);

    /** Sums over nodes whose nova-compute service is enabled, as Nova's statistics do. */
    HypervisorStatistics statistics();

    /** The host's live compute node of lowest id (Nova's {@code get_first_node_by_host_for_old_compat}). */
    Optional<ComputeNode> firstNode(String host);
}
