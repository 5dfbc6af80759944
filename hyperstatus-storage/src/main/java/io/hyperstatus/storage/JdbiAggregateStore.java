package io.hyperstatus.storage;

import io.hyperstatus.core.AggregateHostExistsException;
import io.hyperstatus.core.AggregateNameExistsException;
import io.hyperstatus.core.port.AggregateStore;
import io.hyperstatus.domain.Aggregate;
import io.hyperstatus.domain.StorableText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Host aggregates on Jdbi: their rows, hosts and metadata, and the availability zones they give hosts. */
public final class JdbiAggregateStore implements AggregateStore {
    private final Database database;

    public JdbiAggregateStore(Database database) {
        this.database = database;
    }

    @Override
    public List<Aggregate> list() {
        return database.jdbi().withHandle(handle -> load(handle, ""));
    }

    @Override
    public Optional<Aggregate> find(long id) {
        return database.jdbi().withHandle(handle -> find(handle, id));
    }

    @Override
    public boolean lock(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM aggregates WHERE id = :id"
                        + " AND deleted = 0" + database.dialect().forUpdate())
                .bind("id", id).mapTo(Long.class).findOne().isPresent());
    }

    private Optional<Aggregate> find(Handle handle, long id) {
        return load(handle, " AND a.id = " + id).stream().findFirst();
    }

    private List<Aggregate> load(Handle handle, String condition) {
        record Row(long id, String uuid, String name, Instant createdAt, Instant updatedAt) {
        }
        List<Row> rows = handle.createQuery("SELECT a.id, a.uuid, a.name, a.created_at, a.updated_at FROM aggregates a"
                        + " WHERE a.deleted = 0" + condition + " ORDER BY a.id")
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("uuid"), rs.getString("name"),
                        Times.fromMicros(rs.getLong("created_at")), Times.fromMicros(Rows.nullableLong(rs, "updated_at"))))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> hosts = new LinkedHashMap<>();
        handle.createQuery("SELECT h.aggregate_id, h.host FROM aggregate_hosts h JOIN aggregates a ON a.id = h.aggregate_id"
                        + " WHERE h.deleted = 0 AND a.deleted = 0" + condition + " ORDER BY h.id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> hosts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, Map<String, String>> metadata = new LinkedHashMap<>();
        handle.createQuery("SELECT m.aggregate_id, m.meta_key, m.meta_value FROM aggregate_metadata m"
                        + " JOIN aggregates a ON a.id = m.aggregate_id"
                        + " WHERE m.deleted = 0 AND a.deleted = 0" + condition + " ORDER BY m.id")
                .map((rs, ctx) -> new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)})
                .forEach(r -> metadata.computeIfAbsent(Long.parseLong(r[0]), k -> new LinkedHashMap<>()).put(r[1], r[2]));
        return rows.stream().map(r -> new Aggregate(r.id(), r.uuid(), r.name(), r.createdAt(), r.updatedAt(),
                hosts.getOrDefault(r.id(), List.of()), metadata.getOrDefault(r.id(), Map.of()))).toList();
    }

    @Override
    public Aggregate create(String name, String availabilityZone) {
        try {
            return insert(name, availabilityZone);
        } catch (RuntimeException e) {
            // Two creates of one name at once both pass the check; the unique index refuses the second.
            if (ConstraintViolations.isConstraintViolation(e)) {
                throw new AggregateNameExistsException(name);
            }
            throw e;
        }
    }

    private Aggregate insert(String name, String availabilityZone) {
        return database.jdbi().inTransaction(handle -> {
            requireFreeName(handle, name, -1);
            String uuid = UUID.randomUUID().toString();
            handle.createUpdate("INSERT INTO aggregates (uuid, name, created_at, deleted) VALUES (:uuid, :name, "
                            + database.dialect().nowMicros() + ", 0)")
                    .bind("uuid", uuid).bind("name", name).execute();
            long id = handle.createQuery("SELECT id FROM aggregates WHERE uuid = :uuid").bind("uuid", uuid)
                    .mapTo(Long.class).one();
            if (availabilityZone != null) {
                Map<String, String> metadata = new LinkedHashMap<>();
                metadata.put(Aggregate.AVAILABILITY_ZONE, availabilityZone);
                writeMetadata(handle, id, metadata);
            }
            return find(handle, id).orElseThrow();
        });
    }

    private static void requireFreeName(Handle handle, String name, long except) {
        boolean taken = handle.createQuery("SELECT name FROM aggregates WHERE deleted = 0 AND name = :name AND id <> :id")
                .bind("name", name).bind("id", except).mapTo(String.class).stream()
                .anyMatch(name::equals);
        if (taken) {
            throw new AggregateNameExistsException(name);
        }
    }

    @Override
    public Optional<Aggregate> rename(long id, String name) {
        return database.jdbi().inTransaction(handle -> {
            Optional<Aggregate> current = find(handle, id);
            if (current.isPresent() && !current.get().name().equals(name)) {
                requireFreeName(handle, name, id);
                handle.createUpdate("UPDATE aggregates SET name = :name, updated_at = " + database.dialect().nowMicros()
                        + " WHERE id = :id AND deleted = 0").bind("name", name).bind("id", id).execute();
            }
            return find(handle, id);
        });
    }

    @Override
    public Optional<Aggregate> updateMetadata(long id, Map<String, String> changes) {
        return database.jdbi().inTransaction(handle -> {
            if (find(handle, id).isEmpty()) {
                return Optional.empty();
            }
            writeMetadata(handle, id, changes);
            return find(handle, id);
        });
    }

    private void writeMetadata(Handle handle, long id, Map<String, String> changes) {
        String now = database.dialect().nowMicros();
        changes.forEach((key, value) -> {
            if (value == null) {
                handle.createUpdate("UPDATE aggregate_metadata SET deleted = id, deleted_at = " + now
                                + " WHERE aggregate_id = :id AND meta_key = :key AND deleted = 0")
                        .bind("id", id).bind("key", key).execute();
                return;
            }
            int updated = handle.createUpdate("UPDATE aggregate_metadata SET meta_value = :value"
                            + " WHERE aggregate_id = :id AND meta_key = :key AND deleted = 0")
                    .bind("id", id).bind("key", key).bind("value", value).execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO aggregate_metadata (aggregate_id, meta_key, meta_value, created_at)"
                                + " VALUES (:id, :key, :value, " + now + ")")
                        .bind("id", id).bind("key", key).bind("value", value).execute();
            }
        });
    }

    @Override
    public Optional<Aggregate> addHost(long id, String host) {
        return database.jdbi().inTransaction(handle -> {
            Optional<Aggregate> current = find(handle, id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            if (current.get().hosts().contains(host)) {
                throw new AggregateHostExistsException(id, host);
            }
            handle.createUpdate("INSERT INTO aggregate_hosts (aggregate_id, host, created_at) VALUES (:id, :host, "
                    + database.dialect().nowMicros() + ")").bind("id", id).bind("host", host).execute();
            return find(handle, id);
        });
    }

    @Override
    public Optional<Aggregate> removeHost(long id, String host) {
        return database.jdbi().inTransaction(handle -> {
            Optional<Aggregate> current = find(handle, id);
            if (current.isEmpty() || !current.get().hosts().contains(host)) {
                return Optional.empty();
            }
            removeHost(handle, Optional.of(id), host, database.dialect());
            return find(handle, id);
        });
    }

    /** Soft-deletes the host's membership of one aggregate, or of every aggregate. */
    static void removeHost(Handle handle, Optional<Long> aggregateId, String host, Dialect dialect) {
        handle.createUpdate("UPDATE aggregate_hosts SET deleted = id, deleted_at = " + dialect.nowMicros()
                        + " WHERE host = :host AND deleted = 0" + aggregateId.map(id -> " AND aggregate_id = " + id).orElse(""))
                .bind("host", host).execute();
    }

    /** Soft-deletes an aggregate and its metadata (the caller has checked that it has no hosts). */
    @Override
    public boolean delete(long id) {
        return database.jdbi().inTransaction(handle -> {
            String now = database.dialect().nowMicros();
            handle.createUpdate("UPDATE aggregate_metadata SET deleted = id, deleted_at = " + now
                    + " WHERE aggregate_id = :id AND deleted = 0").bind("id", id).execute();
            return handle.createUpdate("UPDATE aggregates SET deleted = id, deleted_at = " + now
                    + " WHERE id = :id AND deleted = 0").bind("id", id).execute() > 0;
        });
    }

    @Override
    public Map<String, SortedSet<String>> zonesByHost() {
        return database.jdbi().withHandle(handle -> {
            Map<String, SortedSet<String>> zones = new TreeMap<>();
            handle.createQuery("SELECT h.host, m.meta_value FROM aggregate_hosts h"
                            + " JOIN aggregates a ON a.id = h.aggregate_id AND a.deleted = 0"
                            + " JOIN aggregate_metadata m ON m.aggregate_id = a.id AND m.deleted = 0"
                            + " WHERE h.deleted = 0 AND m.meta_key = :key")
                    .bind("key", Aggregate.AVAILABILITY_ZONE)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> zones.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
            return zones;
        });
    }

    /** As {@link #zonesByHost()} for one host: a range of the host's index, not every aggregate's hosts. */
    @Override
    public SortedSet<String> zonesOf(String host) {
        if (!StorableText.isStorable(host)) {
            return new TreeSet<>();
        }
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT h.host, m.meta_value"
                        + " FROM aggregate_hosts h"
                        + " JOIN aggregates a ON a.id = h.aggregate_id AND a.deleted = 0"
                        + " JOIN aggregate_metadata m ON m.aggregate_id = a.id AND m.deleted = 0"
                        + " WHERE h.host = :host AND h.deleted = 0 AND m.meta_key = :key")
                .bind("host", host).bind("key", Aggregate.AVAILABILITY_ZONE)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).stream()
                // MariaDB compares strings case-insensitively; a host is an exact name.
                .filter(e -> e.getKey().equals(host)).map(Map.Entry::getValue)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Override
    public long instanceCount(Collection<String> hosts) {
        if (hosts.isEmpty()) {
            return 0;
        }
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT host FROM instances WHERE host IN (<hosts>)")
                .bindList("hosts", new ArrayList<>(hosts)).mapTo(String.class).stream()
                .filter(hosts::contains).count());
    }
}
