package io.hyperstatus.storage;

import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.core.port.ServiceStore;
import io.hyperstatus.core.services.ServiceChange;
import io.hyperstatus.core.services.ServiceRef;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.domain.StorableText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** The services table on Jdbi: reads of live services with the database clock, and their administrative writes. */
public final class JdbiServiceStore implements ServiceStore {
    private static final String SELECT = "SELECT " + Rows.SERVICE_COLUMNS + " FROM services s WHERE s.deleted = 0";

    private final Database database;

    public JdbiServiceStore(Database database) {
        this.database = database;
    }

    @Override
    public KeysetCursor<Service> scan(Optional<String> host, Optional<String> binary, int batchSize) {
        StringBuilder sql = new StringBuilder(SELECT).append(" AND s.id > :afterId");
        host.ifPresent(h -> sql.append(" AND s.host = :host"));
        binary.ifPresent(b -> sql.append(" AND s.binary_name = :binary"));
        sql.append(" ORDER BY s.id LIMIT :limit");
        String text = sql.toString();
        boolean matchable = host.map(StorableText::isStorable).orElse(true)
                && binary.map(StorableText::isStorable).orElse(true);
        KeysetCursor.BatchReader<Service> batches = (afterId, limit, knownNow) -> database.jdbi().withHandle(handle -> {
            Instant now = knownNow != null ? knownNow : database.now(handle);
            if (!matchable) {
                // No row holds such a value (writes refuse it), and PostgreSQL would refuse the query itself.
                return new KeysetCursor.Batch<>(List.of(), now, 0, afterId);
            }
            Query query = handle.createQuery(text).bind("afterId", afterId).bind("limit", limit);
            host.ifPresent(h -> query.bind("host", h));
            binary.ifPresent(b -> query.bind("binary", b));
            List<Service> read = query.map((rs, ctx) -> Rows.service(rs)).list();
            // MariaDB compares strings case-insensitively; the API filters are exact.
            List<Service> services = read.stream()
                    .filter(s -> host.map(s.host()::equals).orElse(true))
                    .filter(s -> binary.map(s.binary()::equals).orElse(true))
                    .toList();
            return new KeysetCursor.Batch<>(services, now, read.size(),
                    read.isEmpty() ? afterId : read.get(read.size() - 1).id());
        });
        return new KeysetCursor<>(batches, batchSize, Long.MIN_VALUE, OptionalInt.empty());
    }

    @Override
    public Optional<RowAt<Service>> find(ServiceRef ref) {
        return database.jdbi().withHandle(handle -> find(handle, ref));
    }

    @Override
    public boolean lock(ServiceRef ref) {
        return database.jdbi().withHandle(handle -> select(handle, ref, database.dialect().forUpdate()).findFirst()
                .isPresent());
    }

    private Optional<RowAt<Service>> find(Handle handle, ServiceRef ref) {
        Instant now = database.now(handle);
        return select(handle, ref, "").findFirst().map(s -> new RowAt<>(s, now));
    }

    private static Stream<Service> select(Handle handle, ServiceRef ref, String suffix) {
        if (ref instanceof ServiceRef.ByKey byKey
                && !(StorableText.isStorable(byKey.key().host()) && StorableText.isStorable(byKey.key().binary()))) {
            return Stream.empty();
        }
        Query query;
        if (ref instanceof ServiceRef.ById byId) {
            query = handle.createQuery(SELECT + " AND s.id = :key" + suffix).bind("key", byId.id());
        } else if (ref instanceof ServiceRef.ByUuid byUuid) {
            query = handle.createQuery(SELECT + " AND s.uuid = :key" + suffix).bind("key", byUuid.uuid());
        } else {
            ServiceKey key = ((ServiceRef.ByKey) ref).key();
            query = handle.createQuery(SELECT + " AND s.host = :host AND s.binary_name = :binary" + suffix)
                    .bind("host", key.host()).bind("binary", key.binary());
        }
        return query.map((rs, ctx) -> Rows.service(rs)).list().stream()
                // MariaDB compares strings case-insensitively; host names and binaries are exact.
                .filter(s -> !(ref instanceof ServiceRef.ByKey byKey)
                        || (s.host().equals(byKey.key().host()) && s.binary().equals(byKey.key().binary())));
    }

    @Override
    public Optional<RowAt<Service>> save(long id, ServiceChange change) {
        List<String> assignments = new ArrayList<>();
        change.disabled().ifPresent(d -> assignments.add("disabled = :disabled, disabled_reason = :reason"));
        change.forcedDown().ifPresent(f -> assignments.add("forced_down = :forcedDown"));
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("nothing to save");
        }
        assignments.add("updated_at = " + database.dialect().nowMicros());
        String sql = VersionedRows.update(VersionedRows.Table.SERVICES, String.join(", ", assignments),
                "id = :id AND deleted = 0");
        return database.jdbi().inTransaction(handle -> {
            Update update = handle.createUpdate(sql).bind("id", id);
            change.disabled().ifPresent(d -> update.bind("disabled", d).bind("reason", change.reason().orElse(null)));
            change.forcedDown().ifPresent(f -> update.bind("forcedDown", f));
            if (update.execute() == 0) {
                return Optional.empty();
            }
            return find(handle, ServiceRef.byId(id));
        });
    }

    @Override
    public boolean hasInstances(String host) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM instances WHERE host = :host")
                .bind("host", host).mapTo(Long.class).one()) > 0;
    }

    @Override
    public boolean delete(Service service) {
        String deleted = "deleted = id, deleted_at = " + database.dialect().nowMicros();
        return database.jdbi().inTransaction(handle -> {
            // The service's row first: a write that locked it (a host joining an aggregate) commits before the
            // host's memberships are removed below, and one that comes later finds the service gone.
            if (handle.createUpdate(VersionedRows.update(VersionedRows.Table.SERVICES, deleted,
                    "id = :id AND deleted = 0")).bind("id", service.id()).execute() == 0) {
                return false;
            }
            if (service.isCompute()) {
                handle.createUpdate(VersionedRows.update(VersionedRows.Table.COMPUTE_NODES, deleted,
                        "host = :host AND deleted = 0")).bind("host", service.host()).execute();
                JdbiAggregateStore.removeHost(handle, Optional.empty(), service.host(), database.dialect());
            }
            return true;
        });
    }
}
