package io.hyperstatus.storage;

import io.hyperstatus.core.Chunks;
import io.hyperstatus.core.port.HypervisorQuery;
import io.hyperstatus.core.port.HypervisorRow;
import io.hyperstatus.core.port.HypervisorStore;
import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.HypervisorStatistics;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.StorableText;
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
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads hypervisors: live compute nodes with the live nova-compute service of their host, which each node names by
 * {@code service_id}. A listing reads batches of rows (two queries each, plus one for the database clock), never one
 * query per node; it reads the descriptive columns only of rows it has not seen at their current versions (see
 * {@link HypervisorDescriptions}).
 */
public final class JdbiHypervisorStore implements HypervisorStore {
    /** A node and the live service it names; a node whose host has no live nova-compute service is not listed. */
    static final String FROM_JOINED = " FROM compute_nodes cn JOIN services s"
            + " ON s.id = cn.service_id AND s.deleted = 0"
            + " WHERE cn.deleted = 0";
    private static final int IN_LIST_BATCH = 500;
    /**
     * A batch's services are read by one range of ids when their ids lie close together (as they do when hosts
     * register and report in the same order), otherwise by lists of ids.
     */
    private static final int RANGE_SLACK = 1_000;
    private static final String DETAIL_COLUMNS = Rows.NODE_COLUMNS + ", " + Rows.SERVICE_COLUMNS;
    /** What a listing reads of every service: id, version, and what state and status are decided from. */
    private static final String LIVE_SERVICE_COLUMNS = "id, version, disabled, forced_down, created_at, updated_at,"
            + " last_seen_up";
    /** What a listing reads of the rows whose description is not remembered at their current versions. */
    private static final String DESCRIPTION_COLUMNS = Rows.NODE_COLUMNS + ", cn.version, s.id AS s_id,"
            + " s.version AS s_version, s.uuid AS s_uuid, s.disabled_reason AS s_disabled_reason";

    private final Database database;
    private final HypervisorDescriptions descriptions;
    private final int batchSize;

    /**
     * {@code cacheSize}: how many hypervisors' descriptions to keep in memory between listings (0 for none);
     * {@code batchSize}: how many rows a listing reads per query.
     */
    public JdbiHypervisorStore(Database database, int cacheSize, int batchSize) {
        this.database = database;
        this.descriptions = new HypervisorDescriptions(cacheSize);
        this.batchSize = batchSize;
    }

    /**
     * The hypervisors the query selects, read in batches as the cursor is consumed: per batch, the nodes' ids,
     * versions and service ids, then those services' state and status columns, usually by one range of ids, instead of
     * looking each node's service up by host.
     */
    @Override
    public KeysetCursor<HypervisorRow> list(HypervisorQuery query) {
        StringBuilder sql = new StringBuilder("SELECT cn.id, cn.version, cn.service_id FROM compute_nodes cn")
                .append(" WHERE cn.deleted = 0 AND cn.service_id IS NOT NULL AND cn.id > :afterId");
        query.hostnamePattern().ifPresent(p -> sql.append(" AND cn.hypervisor_hostname LIKE :pattern"));
        sql.append(" ORDER BY cn.id LIMIT :limit");
        String text = sql.toString();
        KeysetCursor.BatchReader<HypervisorRow> batches = (afterId, limit, knownNow) -> database.jdbi().withHandle(handle -> {
            Instant now = knownNow != null ? knownNow : database.now(handle);
            if (!query.hostnamePattern().map(StorableText::isStorable).orElse(true)) {
                // No hostname holds such a character (reports refuse it), and PostgreSQL would refuse the query.
                return new KeysetCursor.Batch<>(List.<HypervisorRow>of(), now, 0, afterId);
            }
            Query select = handle.createQuery(text).bind("afterId", afterId).bind("limit", limit);
            query.hostnamePattern().ifPresent(p -> select.bind("pattern", "%" + p + "%"));
            List<NodeRow> nodes = select.map((rs, ctx) -> new NodeRow(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                    .list();
            return new KeysetCursor.Batch<>(describe(handle, nodes, liveServices(handle, nodes)), now,
                    nodes.size(), nodes.isEmpty() ? afterId : nodes.get(nodes.size() - 1).id());
        });
        return new KeysetCursor<>(batches, batchSize, query.afterId().orElse(Long.MIN_VALUE), query.limit());
    }

    /** The columns of a listed node that are read every time. */
    private record NodeRow(long id, long version, long serviceId) {
    }

    /** The columns of a listed node's service that are read every time. */
    private record LiveService(long id, long version, boolean disabled, boolean forcedDown, long createdAt,
                               Long updatedAt, Long lastSeenUp) {
        static LiveService read(ResultSet rs) throws SQLException {
            return new LiveService(rs.getLong("id"), rs.getLong("version"), rs.getBoolean("disabled"),
                    rs.getBoolean("forced_down"), rs.getLong("created_at"), Rows.nullableLong(rs, "updated_at"),
                    Rows.nullableLong(rs, "last_seen_up"));
        }
    }

    /** The live services the nodes name, by id; a service deleted since the nodes were read is absent (null). */
    private static LongFunction<LiveService> liveServices(Handle handle, List<NodeRow> nodes) {
        if (nodes.isEmpty()) {
            return id -> null;
        }
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        for (NodeRow node : nodes) {
            lowest = Math.min(lowest, node.serviceId());
            highest = Math.max(highest, node.serviceId());
        }
        String select = "SELECT " + LIVE_SERVICE_COLUMNS + " FROM services WHERE deleted = 0 AND ";
        if (highest - lowest < 2L * nodes.size() + RANGE_SLACK) {
            // Close together: one range read, kept in an array indexed from the lowest id.
            long first = lowest;
            LiveService[] byOffset = new LiveService[(int) (highest - lowest + 1)];
            handle.createQuery(select + "id BETWEEN :lowest AND :highest").bind("lowest", lowest)
                    .bind("highest", highest).map((rs, ctx) -> LiveService.read(rs))
                    .forEach(service -> byOffset[(int) (service.id() - first)] = service);
            return id -> byOffset[(int) (id - first)];
        }
        Map<Long, LiveService> byId = new HashMap<>();
        List<Long> ids = nodes.stream().map(NodeRow::serviceId).distinct().toList();
        for (List<Long> chunk : inListChunks(ids)) {
            handle.createQuery(select + "id IN (<ids>)").bindList("ids", chunk)
                    .map((rs, ctx) -> LiveService.read(rs)).forEach(service -> byId.put(service.id(), service));
        }
        return byId::get;
    }

    /** Joins each node with its service and description, reading the descriptions not remembered at these versions. */
    private List<HypervisorRow> describe(Handle handle, List<NodeRow> nodes, LongFunction<LiveService> services) {
        HypervisorDescriptions.Description[] known = new HypervisorDescriptions.Description[nodes.size()];
        LiveService[] live = new LiveService[nodes.size()];
        Map<Long, Integer> missing = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeRow node = nodes.get(i);
            live[i] = services.apply(node.serviceId());
            if (live[i] == null) {
                continue; // deleted between the two reads
            }
            known[i] = descriptions.current(node.id(), node.version(), live[i].id(), live[i].version());
            if (known[i] == null) {
                missing.put(node.id(), i);
            }
        }
        for (List<Long> chunk : inListChunks(List.copyOf(missing.keySet()))) {
            handle.createQuery("SELECT " + DESCRIPTION_COLUMNS + FROM_JOINED + " AND cn.id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> new HypervisorDescriptions.Description(rs.getLong("version"), rs.getLong("s_id"),
                            rs.getLong("s_version"), Rows.node(rs), rs.getString("s_uuid"),
                            rs.getString("s_disabled_reason")))
                    .forEach(description -> {
                        descriptions.remember(description);
                        known[missing.get(description.node().id())] = description;
                    });
        }
        List<HypervisorRow> hypervisors = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            var description = known[i];
            if (description == null) {
                continue; // deleted between the reads
            }
            LiveService row = live[i];
            Service service = new Service(row.id(), description.serviceUuid(), description.node().host(),
                    Service.COMPUTE_BINARY, row.disabled(), description.disabledReason(), row.forcedDown(),
                    Times.fromMicros(row.createdAt()), Times.fromMicros(row.updatedAt()),
                    Times.fromMicros(row.lastSeenUp()));
            hypervisors.add(new HypervisorRow(description.node(), service));
        }
        return hypervisors;
    }

    @Override
    public Optional<RowAt<HypervisorRow>> findById(long id) {
        return findOne(" AND cn.id = :key", id);
    }

    @Override
    public Optional<RowAt<HypervisorRow>> findByUuid(String uuid) {
        return findOne(" AND cn.uuid = :key", uuid);
    }

    private Optional<RowAt<HypervisorRow>> findOne(String condition, Object key) {
        String sql = "SELECT " + DETAIL_COLUMNS + FROM_JOINED + condition;
        return database.jdbi().withHandle(handle -> {
            Instant now = database.now(handle);
            return handle.createQuery(sql).bind("key", key)
                    .map((rs, ctx) -> new RowAt<>(new HypervisorRow(Rows.node(rs), Rows.service(rs)), now)).findOne();
        });
    }

    /** The id of the live node a paging marker names, by id or by UUID. */
    @Override
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
    @Override
    public Map<String, List<Instance>> instancesOnHosts(Collection<String> hosts) {
        Map<String, List<Instance>> byHost = new HashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(hosts));
        database.jdbi().useHandle(handle -> {
            for (List<String> batch : inListChunks(distinct)) {
                handle.createQuery("SELECT host, uuid, name FROM instances WHERE host IN (<hosts>) ORDER BY id")
                        .bindList("hosts", batch)
                        .map((rs, ctx) -> Map.entry(rs.getString("host"),
                                new Instance(rs.getString("uuid"), rs.getString("name"))))
                        .forEach(row -> byHost.computeIfAbsent(row.getKey(), h -> new ArrayList<>()).add(row.getValue()));
            }
        });
        return byHost;
    }

    /** Sums over nodes whose nova-compute service is enabled, as Nova's statistics do (see {@link StatisticsSums}). */
    @Override
    public HypervisorStatistics statistics() {
        return StatisticsSums.read(database, FROM_JOINED + " AND s.disabled = :disabled");
    }

    /** The values in consecutive pieces of at most IN_LIST_BATCH, one {@code IN (...)} list each. */
    private static <T> List<List<T>> inListChunks(List<T> values) {
        return Chunks.of(values, IN_LIST_BATCH);
    }

    @Override
    public Optional<ComputeNode> firstNode(String host) {
        if (!StorableText.isStorable(host)) {
            return Optional.empty();
        }
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + Rows.NODE_COLUMNS
                        + " FROM compute_nodes cn WHERE cn.deleted = 0 AND cn.host = :host ORDER BY cn.id")
                .bind("host", host)
                .map((rs, ctx) -> Rows.node(rs)).stream()
                // MariaDB compares strings case-insensitively; host names are exact.
                .filter(node -> node.host().equals(host))
                .findFirst());
    }
}
