package io.hyperstatus.storage;

import io.hyperstatus.core.port.LivenessStore;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The liveness detector's reads and claims, on {@code liveness_lease}, {@code services.heartbeat_lapsed} (with
 * the index {@code services_liveness_idx}), {@code service_events} and {@code zone_disruptions}.
 */
public final class JdbiLivenessStore implements LivenessStore {
    private static final String SELECT = "SELECT " + Rows.SERVICE_COLUMNS + " FROM services s";

    private final Database database;

    public JdbiLivenessStore(Database database) {
        this.database = database;
    }

    @Override
    public Lease acquire(String holder, Duration length) {
        return database.jdbi().inTransaction(handle -> {
            Instant now = database.now(handle);
            long nowMicros = Times.micros(now);
            return new Lease(LeaseRows.acquire(handle, "liveness_lease", holder, nowMicros, length), now);
        });
    }

    @Override
    public void release(String holder) {
        database.jdbi().useHandle(handle -> LeaseRows.release(handle, "liveness_lease", holder));
    }

    @Override
    public List<Service> lapsedSince(Instant aliveBefore, int limit) {
        long before = Times.micros(aliveBefore);
        return database.jdbi().withHandle(handle -> {
            // Two ranges of services_liveness_idx: the heartbeated ones by last heartbeat, and the few that never
            // heartbeated (last_seen_up NULL), by creation.
            List<Service> lapsed = new ArrayList<>(handle.createQuery(SELECT + " WHERE s.deleted = 0"
                            + " AND s.heartbeat_lapsed = FALSE AND s.last_seen_up < :before"
                            + " ORDER BY s.last_seen_up LIMIT :limit")
                    .bind("before", before).bind("limit", limit).map((rs, ctx) -> Rows.service(rs)).list());
            lapsed.addAll(handle.createQuery(SELECT + " WHERE s.deleted = 0 AND s.heartbeat_lapsed = FALSE"
                            + " AND s.last_seen_up IS NULL AND s.created_at < :before ORDER BY s.created_at LIMIT :limit")
                    .bind("before", before).bind("limit", limit).map((rs, ctx) -> Rows.service(rs)).list());
            return lapsed;
        });
    }

    @Override
    public List<Service> heartbeatingAgain(Instant heartbeatSince, int limit) {
        return database.jdbi().withHandle(handle -> handle.createQuery(SELECT + " WHERE s.deleted = 0"
                        + " AND s.heartbeat_lapsed = TRUE AND s.last_seen_up >= :since"
                        + " ORDER BY s.last_seen_up LIMIT :limit")
                .bind("since", Times.micros(heartbeatSince)).bind("limit", limit)
                .map((rs, ctx) -> Rows.service(rs)).list());
    }

    @Override
    public List<Service> claimDown(List<Service> seen) {
        return claim(seen, true);
    }

    @Override
    public List<Service> claimUp(List<Service> seen) {
        return claim(seen, false);
    }

    /**
     * Locks what it can of the rows without waiting (a heartbeat holding some, in an order of its own, could
     * otherwise deadlock with this transaction), then flips the flag of each locked row still as it was read.
     */
    private List<Service> claim(List<Service> seen, boolean down) {
        if (seen.isEmpty()) {
            return List.of();
        }
        return database.jdbi().inTransaction(handle -> {
            Set<Long> locked = lock(handle, seen);
            List<Service> claimed = new ArrayList<>();
            for (Service service : seen) {
                if (!locked.contains(service.id())) {
                    continue;
                }
                String heartbeat = !down ? "" : service.lastSeenUp() == null ? " AND last_seen_up IS NULL"
                        : " AND last_seen_up = :seen";
                Update update = handle.createUpdate("UPDATE services SET heartbeat_lapsed = "
                                + (down ? "TRUE" : "FALSE") + " WHERE id = :id AND deleted = 0 AND heartbeat_lapsed = "
                                + (down ? "FALSE" : "TRUE") + " AND forced_down = :forced" + heartbeat)
                        .bind("id", service.id())
                        .bind("forced", service.forcedDown());
                if (heartbeat.contains(":seen")) {
                    update.bind("seen", Times.micros(service.lastSeenUp()));
                }
                int updated = update.execute();
                if (updated == 1) {
                    claimed.add(service);
                }
            }
            return claimed;
        });
    }

    private Set<Long> lock(Handle handle, List<Service> seen) {
        List<Long> ids = seen.stream().map(Service::id).toList();
        if (database.dialect() == Dialect.SQLITE) {
            // Its write transaction already excludes every other writer.
            return new HashSet<>(ids);
        }
        return new HashSet<>(handle.createQuery("SELECT id FROM services WHERE id IN (<ids>) FOR UPDATE SKIP LOCKED")
                .bindList("ids", ids).mapTo(Long.class).list());
    }

    @Override
    public List<ServiceKey> liveServices() {
        return keys("SELECT host, binary_name FROM services WHERE deleted = 0");
    }

    @Override
    public List<ServiceKey> recordedDown() {
        return keys("SELECT host, binary_name FROM services WHERE deleted = 0 AND heartbeat_lapsed = TRUE");
    }

    private List<ServiceKey> keys(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql)
                .map((rs, ctx) -> new ServiceKey(rs.getString("host"), rs.getString("binary_name"))).list());
    }

    @Override
    public int wentDownAfter(String zone, Instant since) {
        // MariaDB compares zones case-insensitively: the zones are compared again here.
        return database.jdbi().withHandle(handle -> (int) handle.createQuery("SELECT DISTINCT service_id, zone"
                        + " FROM service_events WHERE occurred_at > :since AND kind = 'went_down' AND zone = :zone")
                .bind("since", Times.micros(since)).bind("zone", zone)
                .map((rs, ctx) -> rs.getString("zone")).stream().filter(zone::equals).count());
    }

    @Override
    public Set<String> disruptedZones() {
        return database.jdbi().withHandle(handle -> new HashSet<>(handle
                .createQuery("SELECT zone FROM zone_disruptions").mapTo(String.class).list()));
    }

    @Override
    public boolean claimDisruption(String zone, Instant since) {
        return database.jdbi().inTransaction(handle -> {
            if (handle.createQuery("SELECT zone FROM zone_disruptions WHERE zone = :zone").bind("zone", zone)
                    .mapTo(String.class).findOne().isPresent()) {
                return false;
            }
            // Two detectors inserting at once: the second fails on the key and its transaction rolls back.
            handle.createUpdate("INSERT INTO zone_disruptions (zone, began_at) VALUES (:zone, :since)")
                    .bind("zone", zone).bind("since", Times.micros(since)).execute();
            return true;
        });
    }

    @Override
    public void endDisruption(String zone) {
        database.jdbi().useHandle(handle -> handle.createUpdate("DELETE FROM zone_disruptions WHERE zone = :zone")
                .bind("zone", zone).execute());
    }
}
