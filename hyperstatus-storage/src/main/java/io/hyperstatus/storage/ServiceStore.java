package io.hyperstatus.storage;

import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceWithState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Reads and administers services: list, look up, enable/disable, force down, delete. */
public final class ServiceStore {
    private static final String SELECT = "SELECT " + Rows.SERVICE_COLUMNS + " FROM services s WHERE s.deleted = 0";

    private final Database database;
    private final Liveness liveness;

    public ServiceStore(Database database, Liveness liveness) {
        this.database = database;
        this.liveness = liveness;
    }

    /** Live services in id order, optionally only those of one host and/or binary, in one list. */
    public List<ServiceWithState> list(Optional<String> host, Optional<String> binary) {
        List<ServiceWithState> services = new ArrayList<>();
        scan(host, binary, Integer.MAX_VALUE).forEachRemaining(services::add);
        return services;
    }

    /**
     * Live services in id order, optionally only those of one host and/or binary (exact, case-sensitive matches),
     * read {@code batchSize} rows per query as the cursor is consumed.
     */
    public KeysetCursor<ServiceWithState> scan(Optional<String> host, Optional<String> binary, int batchSize) {
        StringBuilder sql = new StringBuilder(SELECT).append(" AND s.id > :afterId");
        host.ifPresent(h -> sql.append(" AND s.host = :host"));
        binary.ifPresent(b -> sql.append(" AND s.binary_name = :binary"));
        sql.append(" ORDER BY s.id LIMIT :limit");
        String text = sql.toString();
        KeysetCursor.BatchReader<ServiceWithState> batches = (afterId, limit, knownNow) -> database.jdbi().withHandle(handle -> {
            Instant now = knownNow != null ? knownNow : database.now(handle);
            Query query = handle.createQuery(text).bind("afterId", afterId).bind("limit", limit);
            host.ifPresent(h -> query.bind("host", h));
            binary.ifPresent(b -> query.bind("binary", b));
            List<Service> read = query.map((rs, ctx) -> Rows.service(rs)).list();
            // MariaDB compares strings case-insensitively; the API filters are exact.
            List<ServiceWithState> services = read.stream()
                    .filter(s -> host.map(s.host()::equals).orElse(true))
                    .filter(s -> binary.map(s.binary()::equals).orElse(true))
                    .map(s -> new ServiceWithState(s, liveness.stateOf(s, now)))
                    .toList();
            return new KeysetCursor.Batch<>(services, now, read.size(),
                    read.isEmpty() ? afterId : read.get(read.size() - 1).id());
        });
        return new KeysetCursor<>(batches, batchSize, Long.MIN_VALUE, OptionalInt.empty());
    }

    public Optional<ServiceWithState> findByUuid(String uuid) {
        return findOne(" AND s.uuid = :key", uuid);
    }

    public Optional<ServiceWithState> findById(long id) {
        return findOne(" AND s.id = :key", id);
    }

    public Optional<ServiceWithState> findByHostAndBinary(String host, String binary) {
        return database.jdbi().withHandle(handle -> {
            Instant now = database.now(handle);
            return handle.createQuery(SELECT + " AND s.host = :host AND s.binary_name = :binary")
                    .bind("host", host).bind("binary", binary)
                    .map((rs, ctx) -> Rows.service(rs)).stream()
                    .filter(s -> s.host().equals(host) && s.binary().equals(binary))
                    .findFirst()
                    .map(s -> new ServiceWithState(s, liveness.stateOf(s, now)));
        });
    }

    private Optional<ServiceWithState> findOne(String condition, Object key) {
        return database.jdbi().withHandle(handle -> findOne(handle, condition, key));
    }

    private Optional<ServiceWithState> findOne(Handle handle, String condition, Object key) {
        Instant now = database.now(handle);
        return handle.createQuery(SELECT + condition).bind("key", key)
                .map((rs, ctx) -> Rows.service(rs)).findOne()
                .map(s -> new ServiceWithState(s, liveness.stateOf(s, now)));
    }

    /** Enables or disables a service; the reason is stored as given (null clears it). */
    public ServiceWithState setDisabled(long id, boolean disabled, String reason) {
        return update(id, Optional.of(disabled), Optional.ofNullable(reason), Optional.empty());
    }

    public ServiceWithState setForcedDown(long id, boolean forcedDown) {
        return update(id, Optional.empty(), Optional.empty(), Optional.of(forcedDown));
    }

    /**
     * Applies a status change and a forced-down change together, as one save that also moves updated_at. As in
     * Nova, whose database layer writes only values that differ, a save that changes nothing leaves updated_at alone.
     */
    public ServiceWithState update(long id, Optional<Boolean> disabled, Optional<String> reason,
                                   Optional<Boolean> forcedDown) {
        List<String> assignments = new ArrayList<>();
        disabled.ifPresent(d -> assignments.add("disabled = :disabled, disabled_reason = :reason"));
        forcedDown.ifPresent(f -> assignments.add("forced_down = :forcedDown"));
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("nothing to update");
        }
        assignments.add("updated_at = " + database.dialect().nowMicros());
        assignments.add("version = version + 1");
        return database.jdbi().inTransaction(handle -> {
            ServiceWithState current = findOne(handle, " AND s.id = :key", id)
                    .orElseThrow(() -> new NotFoundException("service " + id));
            if (!changes(current.service(), disabled, reason, forcedDown)) {
                return current;
            }
            Update update = handle.createUpdate("UPDATE services SET " + String.join(", ", assignments)
                    + " WHERE id = :id AND deleted = 0").bind("id", id);
            disabled.ifPresent(d -> update.bind("disabled", d).bind("reason", reason.orElse(null)));
            forcedDown.ifPresent(f -> update.bind("forcedDown", f));
            if (update.execute() == 0) {
                throw new NotFoundException("service " + id);
            }
            return findOne(handle, " AND s.id = :key", id).orElseThrow(() -> new NotFoundException("service " + id));
        });
    }

    private static boolean changes(Service service, Optional<Boolean> disabled, Optional<String> reason,
                                   Optional<Boolean> forcedDown) {
        boolean status = disabled.isPresent() && (disabled.get() != service.disabled()
                || !Objects.equals(reason.orElse(null), service.disabledReason()));
        return status || forcedDown.isPresent() && forcedDown.get() != service.forcedDown();
    }

    /**
     * Soft-deletes a service. For a nova-compute service the compute nodes of its host go with it, the host
     * leaves its aggregates, and the delete
     * is refused while the host still has instances.
     */
    public void delete(Service service) {
        database.jdbi().useTransaction(handle -> {
            if (service.isCompute()) {
                long instances = handle.createQuery("SELECT COUNT(*) FROM instances WHERE host = :host")
                        .bind("host", service.host()).mapTo(Long.class).one();
                if (instances > 0) {
                    throw new HostHasInstancesException(service.host());
                }
                handle.createUpdate("UPDATE compute_nodes SET deleted = id, version = version + 1, deleted_at = "
                                + database.dialect().nowMicros() + " WHERE host = :host AND deleted = 0")
                        .bind("host", service.host()).execute();
                // As Nova does, the host leaves every aggregate it was in.
                AggregateStore.removeHost(handle, Optional.empty(), service.host(), database.dialect());
            }
            int deleted = handle.createUpdate("UPDATE services SET deleted = id, version = version + 1, deleted_at = "
                            + database.dialect().nowMicros() + " WHERE id = :id AND deleted = 0")
                    .bind("id", service.id()).execute();
            if (deleted == 0) {
                throw new NotFoundException("service " + service.id());
            }
        });
    }
}
