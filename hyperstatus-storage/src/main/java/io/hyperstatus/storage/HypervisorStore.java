package io.hyperstatus.storage;

import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.HypervisorStatistics;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads hypervisors: live compute nodes joined with the live nova-compute service of their host. A listing reads
 * batches of rows (one query each, plus one for the database clock), never one query per node; it reads the
 * descriptive columns only of rows it has not seen at their current versions (see {@link HypervisorDescriptions}).
 */
public final class HypervisorStore {
    private static final String FROM_JOINED = " FROM compute_nodes cn JOIN services s"
            + " ON s.host = cn.host AND s.binary_name = 'nova-compute' AND s.deleted = 0"
            + " WHERE cn.deleted = 0";
    private static final int IN_LIST_BATCH = 500;
    private static final String DETAIL_COLUMNS = Rows.NODE_COLUMNS + ", " + Rows.SERVICE_COLUMNS;
    /** What a listing reads of every row: ids, versions, and what state and status are decided from. */
    private static final String LIVE_COLUMNS = "cn.id, cn.version, s.id AS s_id, s.version AS s_version,"
            + " s.disabled AS s_disabled, s.forced_down AS s_forced_down, s.created_at AS s_created_at,"
            + " s.updated_at AS s_updated_at, s.last_seen_up AS s_last_seen_up";
    /** What a listing reads of the rows whose description is not remembered at their current versions. */
    private static final String DESCRIPTION_COLUMNS = Rows.NODE_COLUMNS + ", cn.version, s.id AS s_id,"
            + " s.version AS s_version, s.uuid AS s_uuid, s.disabled_reason AS s_disabled_reason";

    private final Database database;
    private final Liveness liveness;
    private final HypervisorDescriptions descriptions;
    private final int batchSize;

    /**
     * {@code cacheSize}: how many hypervisors' descriptions to keep in memory between listings (0 for none);
     * {@code batchSize}: how many rows a listing reads per query.
     */
    public HypervisorStore(Database database, Liveness liveness, int cacheSize, int batchSize) {
        this.database = database;
        this.liveness = liveness;
        this.descriptions = new HypervisorDescriptions(cacheSize);
        this.batchSize = batchSize;
    }

    /** The hypervisors the query selects, read in batches as the cursor is consumed. */
    public KeysetCursor<Hypervisor> list(HypervisorQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(LIVE_COLUMNS).append(FROM_JOINED)
                .append(" AND cn.id > :afterId");
        query.hostnamePattern().ifPresent(p -> sql.append(" AND cn.hypervisor_hostname LIKE :pattern"));
        sql.append(" ORDER BY cn.id LIMIT :limit");
        String text = sql.toString();
        KeysetCursor.BatchReader<Hypervisor> batches = (afterId, limit, knownNow) -> database.jdbi().withHandle(handle -> {
            Instant now = knownNow != null ? knownNow : database.now(handle);
            Query select = handle.createQuery(text).bind("afterId", afterId).bind("limit", limit);
            query.hostnamePattern().ifPresent(p -> select.bind("pattern", "%" + p + "%"));
            List<LiveRow> rows = select.map((rs, ctx) -> LiveRow.read(rs)).list();
            return new KeysetCursor.Batch<>(describe(handle, rows, now), now, rows.size(),
                    rows.isEmpty() ? afterId : rows.get(rows.size() - 1).nodeId());
        });
        return new KeysetCursor<>(batches, batchSize, query.afterId().orElse(Long.MIN_VALUE), query.limit());
    }

    /** The columns of one listed row that are read every time. */
    private record LiveRow(long nodeId, long nodeVersion, long serviceId, long serviceVersion, boolean disabled,
                           boolean forcedDown, long createdAt, Long updatedAt, Long lastSeenUp) {
        static LiveRow read(ResultSet rs) throws SQLException {
            return new LiveRow(rs.getLong("id"), rs.getLong("version"), rs.getLong("s_id"), rs.getLong("s_version"),
                    rs.getBoolean("s_disabled"), rs.getBoolean("s_forced_down"), rs.getLong("s_created_at"),
                    Rows.nullableLong(rs, "s_updated_at"), Rows.nullableLong(rs, "s_last_seen_up"));
        }
    }

    /** Joins each live row with its description, reading the descriptions not remembered at the row's versions. */
    private List<Hypervisor> describe(Handle handle, List<LiveRow> rows, Instant now) {
        HypervisorDescriptions.Description[] known = new HypervisorDescriptions.Description[rows.size()];
        Map<Long, Integer> missing = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            LiveRow row = rows.get(i);
            known[i] = descriptions.current(row.nodeId(), row.nodeVersion(), row.serviceId(), row.serviceVersion());
            if (known[i] == null) {
                missing.put(row.nodeId(), i);
            }
        }
        List<Long> ids = List.copyOf(missing.keySet());
        for (int from = 0; from < ids.size(); from += IN_LIST_BATCH) {
            handle.createQuery("SELECT " + DESCRIPTION_COLUMNS + FROM_JOINED + " AND cn.id IN (<ids>)")
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST_BATCH)))
                    .map((rs, ctx) -> new HypervisorDescriptions.Description(rs.getLong("version"), rs.getLong("s_id"),
                            rs.getLong("s_version"), Rows.node(rs), rs.getString("s_uuid"),
                            rs.getString("s_disabled_reason")))
                    .forEach(description -> {
                        descriptions.remember(description);
                        known[missing.get(description.node().id())] = description;
                    });
        }
        List<Hypervisor> hypervisors = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            LiveRow row = rows.get(i);
            var description = known[i];
            if (description == null) {
                continue; // deleted between the two reads
            }
            Service service = new Service(row.serviceId(), description.serviceUuid(), description.node().host(),
                    Service.COMPUTE_BINARY, row.disabled(), description.disabledReason(), row.forcedDown(),
                    Times.fromMicros(row.createdAt()), Times.fromMicros(row.updatedAt()),
                    Times.fromMicros(row.lastSeenUp()));
            hypervisors.add(new Hypervisor(description.node(), service, liveness.stateOf(service, now)));
        }
        return hypervisors;
    }

    public Optional<Hypervisor> findById(long id) {
        return findOne(" AND cn.id = :key", id);
    }

    public Optional<Hypervisor> findByUuid(String uuid) {
        return findOne(" AND cn.uuid = :key", uuid);
    }

    private Optional<Hypervisor> findOne(String condition, Object key) {
        String sql = "SELECT " + DETAIL_COLUMNS + FROM_JOINED + condition;
        return database.jdbi().withHandle(handle -> {
            Instant now = database.now(handle);
            return handle.createQuery(sql).bind("key", key).map((rs, ctx) -> hypervisor(rs, now)).findOne();
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

    private Hypervisor hypervisor(ResultSet rs, Instant now) throws SQLException {
        Service service = Rows.service(rs);
        return new Hypervisor(Rows.node(rs), service, liveness.stateOf(service, now));
    }


}
