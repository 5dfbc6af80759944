package io.hyperstatus.storage;

import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.HypervisorStatistics;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads hypervisors: live compute nodes joined with the live nova-compute service of their host. Every read is
 * one query (plus one for the database clock), whatever the number of nodes.
 */
public final class HypervisorStore {
    private static final String FROM_JOINED = " FROM compute_nodes cn JOIN services s"
            + " ON s.host = cn.host AND s.binary_name = 'nova-compute' AND s.deleted = 0"
            + " WHERE cn.deleted = 0";
    private static final int IN_LIST_BATCH = 500;

    private final Database database;
    private final Liveness liveness;

    public HypervisorStore(Database database, Liveness liveness) {
        this.database = database;
        this.liveness = liveness;
    }

    public List<Hypervisor> list(HypervisorQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(Rows.NODE_COLUMNS).append(", ")
                .append(Rows.SERVICE_COLUMNS).append(FROM_JOINED);
        query.afterId().ifPresent(id -> sql.append(" AND cn.id > :afterId"));
        query.hostnamePattern().ifPresent(p -> sql.append(" AND cn.hypervisor_hostname LIKE :pattern"));
        sql.append(" ORDER BY cn.id");
        query.limit().ifPresent(limit -> sql.append(" LIMIT :limit"));
        return database.jdbi().withHandle(handle -> {
            Instant now = database.now(handle);
            Query select = handle.createQuery(sql.toString());
            query.afterId().ifPresent(id -> select.bind("afterId", id));
            query.hostnamePattern().ifPresent(p -> select.bind("pattern", "%" + p + "%"));
            query.limit().ifPresent(limit -> select.bind("limit", limit));
            return select.map((rs, ctx) -> hypervisor(Rows.node(rs), Rows.service(rs), now)).list();
        });
    }

    public Optional<Hypervisor> findById(long id) {
        return findOne(" AND cn.id = :key", id);
    }

    public Optional<Hypervisor> findByUuid(String uuid) {
        return findOne(" AND cn.uuid = :key", uuid);
    }

    private Optional<Hypervisor> findOne(String condition, Object key) {
        String sql = "SELECT " + Rows.NODE_COLUMNS + ", " + Rows.SERVICE_COLUMNS + FROM_JOINED + condition;
        return database.jdbi().withHandle(handle -> {
            Instant now = database.now(handle);
            return handle.createQuery(sql).bind("key", key)
                    .map((rs, ctx) -> hypervisor(Rows.node(rs), Rows.service(rs), now)).findOne();
        });
    }

    /** The id of the live node a paging marker names, by id or by UUID. */
    public OptionalLong markerId(String marker, boolean byUuid) {
        String column = byUuid ? "uuid" : "id";
        Object key = marker;
        if (!byUuid) {
            try {
                key = Long.parseLong(marker);
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        Object bound = key;
        Optional<Long> id = database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT id FROM compute_nodes WHERE deleted = 0 AND " + column + " = :key")
                .bind("key", bound).mapTo(Long.class).findOne());
        return id.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /** The instances on each of the given hosts, in creation order; hosts without instances are absent. */
    public Map<String, List<Instance>> instancesOnHosts(Collection<String> hosts) {
        Map<String, List<Instance>> byHost = new HashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(hosts));
        database.jdbi().useHandle(handle -> {
            for (int from = 0; from < distinct.size(); from += IN_LIST_BATCH) {
                List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + IN_LIST_BATCH));
                handle.createQuery("SELECT host, uuid, name FROM instances WHERE host IN (<hosts>) ORDER BY id")
                        .bindList("hosts", batch)
                        .map((rs, ctx) -> Map.entry(rs.getString("host"),
                                new Instance(rs.getString("uuid"), rs.getString("name"))))
                        .forEach(row -> byHost.computeIfAbsent(row.getKey(), h -> new ArrayList<>()).add(row.getValue()));
            }
        });
        return byHost;
    }

    /** Sums over nodes whose nova-compute service is enabled, as Nova's statistics do. */
    public HypervisorStatistics statistics() {
        String sql = "SELECT COUNT(cn.id), SUM(cn.vcpus), SUM(cn.memory_mb), SUM(cn.local_gb), SUM(cn.vcpus_used),"
                + " SUM(cn.memory_mb_used), SUM(cn.local_gb_used), SUM(cn.free_ram_mb), SUM(cn.free_disk_gb),"
                + " SUM(cn.current_workload), SUM(cn.running_vms), SUM(cn.disk_available_least)"
                + FROM_JOINED + " AND s.disabled = :disabled";
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).bind("disabled", false)
                .map((rs, ctx) -> new HypervisorStatistics(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10), rs.getLong(11), rs.getLong(12)))
                .one());
    }

    private Hypervisor hypervisor(ComputeNode node, Service service, Instant now) {
        return new Hypervisor(node, service, liveness.stateOf(service, now));
    }

}
