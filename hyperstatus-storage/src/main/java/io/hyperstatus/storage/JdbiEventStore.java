package io.hyperstatus.storage;

import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.EventSubject;
import io.hyperstatus.core.events.Heartbeats;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.core.events.ZoneDisruption;
import io.hyperstatus.core.port.EventStore;
import io.hyperstatus.domain.StorableText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

/** The event log in {@code service_events}, its ids from {@code event_sequence} (see the V6 migration). */
public final class JdbiEventStore implements EventStore {
    private static final String COLUMNS = "id, kind, occurred_at, recorded_at, service_id, service_uuid, host,"
            + " binary_name, zone, state_before, status_before, reason_before, forced_down_before, state_after,"
            + " status_after, reason_after, forced_down_after, actor_kind, actor_user_id, actor_project_id,"
            + " request_id, last_heartbeat_at, zone_services, zone_down, report_count, last_seen_up, actor_roles";

    /** The values of a row, in the order of {@link #COLUMNS}. */
    private static final String VALUES = "(:id, :kind, :time, :now, :serviceId, :uuid, :host, :binary, :zone,"
            + " :stateBefore, :statusBefore, :reasonBefore, :forcedBefore, :stateAfter, :statusAfter, :reasonAfter,"
            + " :forcedAfter, :actorKind, :userId, :projectId, :requestId, :lastHeartbeat, :zoneServices, :zoneDown,"
            // The service's heartbeats as the event is written, for its notification (see the V8 migration).
            + " (SELECT report_count FROM services WHERE id = :serviceId),"
            + " (SELECT last_seen_up FROM services WHERE id = :serviceId), :roles)";
    private static final String[][] PARAMETER_TYPES = {{"kind", "VARCHAR"}, {"serviceId", "BIGINT"},
        {"uuid", "VARCHAR"}, {"host", "VARCHAR"}, {"binary", "VARCHAR"}, {"zone", "VARCHAR"},
        {"stateBefore", "VARCHAR"}, {"statusBefore", "VARCHAR"}, {"reasonBefore", "VARCHAR"},
        {"forcedBefore", "BOOLEAN"}, {"stateAfter", "VARCHAR"}, {"statusAfter", "VARCHAR"},
        {"reasonAfter", "VARCHAR"}, {"forcedAfter", "BOOLEAN"}, {"actorKind", "VARCHAR"}, {"userId", "VARCHAR"},
        {"projectId", "VARCHAR"}, {"requestId", "VARCHAR"}, {"lastHeartbeat", "BIGINT"},
        {"zoneServices", "INTEGER"}, {"zoneDown", "INTEGER"}, {"roles", "VARCHAR"}};
    /** Roles beyond this many characters, joined, are not kept (the column's size). */
    private static final int ROLES_LENGTH = 1024;

    private final Database database;

    public JdbiEventStore(Database database) {
        this.database = database;
    }

    @Override
    public long append(EventRecord event) {
        return database.jdbi().inTransaction(handle -> database.dialect() == Dialect.POSTGRESQL
                ? appendInOneStatement(handle, event) : appendInTwoOrThree(handle, event));
    }

    /**
     * The sequence's update, the clock and the insert in one round trip. The update keeps the sequence row locked
     * until the transaction ends, so the next writer takes the next id after this one commits. The parameters are
     * cast because PostgreSQL types the select list of an INSERT ... SELECT before it sees the target columns.
     */
    private static long appendInOneStatement(Handle handle, EventRecord event) {
        String values = VALUES.replace(":id", "last_id").replace(":time", "COALESCE(CAST(:time AS BIGINT), now_micros)")
                .replace(":now", "now_micros");
        for (String[] typed : PARAMETER_TYPES) {
            values = values.replace(":" + typed[0] + ",", "CAST(:" + typed[0] + " AS " + typed[1] + "),")
                    .replace(":" + typed[0] + ")", "CAST(:" + typed[0] + " AS " + typed[1] + "))");
        }
        Query insert = handle.createQuery("WITH seq AS (UPDATE event_sequence SET last_id = last_id + 1 WHERE id = 1"
                + " RETURNING last_id, " + Dialect.POSTGRESQL.nowMicros() + " AS now_micros)"
                + " INSERT INTO service_events (" + COLUMNS + ") SELECT " + values.substring(1, values.length() - 1)
                + " FROM seq RETURNING id");
        bindValues(insert, event, event.time() == null ? null : Times.micros(event.time()));
        return insert.mapTo(Long.class).one();
    }

    private long appendInTwoOrThree(Handle handle, EventRecord event) {
        // The sequence row stays locked until the transaction ends: the next writer takes the next id after it. The
        // clock is read once: a change that happens as it is recorded has one time, to the microsecond.
        String idAndClock = "last_id, " + database.dialect().nowMicros();
        long[] idAndNow;
        if (database.dialect() == Dialect.SQLITE) {
            idAndNow = handle.createQuery("UPDATE event_sequence SET last_id = last_id + 1 WHERE id = 1 RETURNING "
                    + idAndClock).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
        } else {
            // MariaDB has no UPDATE ... RETURNING.
            handle.createUpdate("UPDATE event_sequence SET last_id = last_id + 1 WHERE id = 1").execute();
            idAndNow = handle.createQuery("SELECT " + idAndClock + " FROM event_sequence WHERE id = 1")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
        }
        Update insert = handle.createUpdate("INSERT INTO service_events (" + COLUMNS + ") VALUES " + VALUES)
                .bind("id", idAndNow[0]).bind("now", idAndNow[1]);
        bindValues(insert, event, event.time() == null ? idAndNow[1] : Times.micros(event.time()));
        insert.execute();
        return idAndNow[0];
    }

    private static void bindValues(SqlStatement<?> statement, EventRecord event, Long time) {
        EventSubject subject = event.subject();
        EventSnapshot before = event.before();
        EventSnapshot after = event.after();
        Actor actor = event.actor();
        statement.bind("kind", event.kind().wireName())
                .bind("time", time)
                .bind("serviceId", subject == null ? null : subject.serviceId())
                .bind("uuid", subject == null ? null : subject.serviceUuid())
                .bind("host", subject == null ? null : subject.host())
                .bind("binary", subject == null ? null : subject.binary())
                .bind("zone", event.zone())
                .bind("stateBefore", before == null ? null : before.stateName())
                .bind("statusBefore", before == null ? null : before.statusName())
                .bind("reasonBefore", before == null ? null : before.disabledReason())
                .bind("forcedBefore", before == null ? null : before.forcedDown())
                .bind("stateAfter", after == null ? null : after.stateName())
                .bind("statusAfter", after == null ? null : after.statusName())
                .bind("reasonAfter", after == null ? null : after.disabledReason())
                .bind("forcedAfter", after == null ? null : after.forcedDown())
                .bind("actorKind", actor.kind().wireName())
                .bind("userId", actor.userId())
                .bind("projectId", actor.projectId())
                .bind("requestId", actor.requestId())
                .bind("lastHeartbeat", micros(event.lastHeartbeat()))
                .bind("zoneServices", event.disruption() == null ? null : event.disruption().services())
                .bind("zoneDown", event.disruption() == null ? null : event.disruption().down())
                .bind("roles", roles(actor.roles()));
    }

    @Override
    public List<LoggedEvent> find(EventQuery query) {
        if (!Stream.of(query.serviceUuid(), query.host(), query.binary()).flatMap(Optional::stream)
                .allMatch(StorableText::isStorable)
                || query.actor().filter(a -> a instanceof EventQuery.ActorFilter.OfUser user
                        && !StorableText.isStorable(user.userId())).isPresent()) {
            // No row holds such a value (writes refuse it), and PostgreSQL would refuse the query itself.
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM service_events WHERE 1 = 1");
        query.after().ifPresent(cursor -> sql.append(" AND id > :after"));
        query.before().ifPresent(cursor -> sql.append(" AND id < :before"));
        query.serviceUuid().ifPresent(uuid -> sql.append(" AND service_uuid = :uuid"));
        query.host().ifPresent(host -> sql.append(" AND host = :host"));
        query.binary().ifPresent(binary -> sql.append(" AND binary_name = :binary"));
        if (!query.kinds().isEmpty()) {
            sql.append(" AND kind IN (<kinds>)");
        }
        query.actor().ifPresent(actor -> sql.append(actor instanceof EventQuery.ActorFilter.OfKind
                ? " AND actor_kind = :actor" : " AND actor_user_id = :actor"));
        query.changesSince().ifPresent(since -> sql.append(" AND occurred_at >= :since"));
        query.changesBefore().ifPresent(until -> sql.append(" AND occurred_at <= :until"));
        sql.append(query.oldestFirst() ? " ORDER BY id" : " ORDER BY id DESC").append(" LIMIT :limit");
        return database.jdbi().withHandle(handle -> {
            Query select = handle.createQuery(sql.toString()).bind("limit", query.limit());
            query.after().ifPresent(cursor -> select.bind("after", cursor));
            query.before().ifPresent(cursor -> select.bind("before", cursor));
            query.serviceUuid().ifPresent(uuid -> select.bind("uuid", uuid));
            query.host().ifPresent(host -> select.bind("host", host));
            query.binary().ifPresent(binary -> select.bind("binary", binary));
            if (!query.kinds().isEmpty()) {
                select.bindList("kinds", query.kinds().stream().map(EventKind::wireName).sorted().toList());
            }
            query.actor().ifPresent(actor -> select.bind("actor", actor.value()));
            query.changesSince().ifPresent(since -> select.bind("since", micros(since)));
            query.changesBefore().ifPresent(until -> select.bind("until", micros(until)));
            // MariaDB compares strings case-insensitively; the filters are exact.
            return select.map((rs, ctx) -> event(rs)).list().stream()
                    .filter(e -> matches(query.serviceUuid(), e.record().subject(), EventSubject::serviceUuid))
                    .filter(e -> matches(query.host(), e.record().subject(), EventSubject::host))
                    .filter(e -> matches(query.binary(), e.record().subject(), EventSubject::binary))
                    .filter(e -> query.actor().map(a -> !(a instanceof EventQuery.ActorFilter.OfUser user)
                            || user.userId().equals(e.record().actor().userId())).orElse(true))
                    .toList();
        });
    }

    private static boolean matches(Optional<String> wanted, EventSubject subject,
                                   Function<EventSubject, String> field) {
        return wanted.isEmpty() || (subject != null && wanted.get().equals(field.apply(subject)));
    }

    @Override
    public Optional<LoggedEvent> lastBefore(String serviceUuid, Instant time) {
        if (!StorableText.isStorable(serviceUuid)) {
            return Optional.empty();
        }
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM service_events WHERE service_uuid = :uuid AND occurred_at < :time"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT 1")
                .bind("uuid", serviceUuid).bind("time", micros(time))
                .map((rs, ctx) -> event(rs)).findOne())
                .filter(e -> serviceUuid.equals(e.record().subject().serviceUuid()));
    }

    @Override
    public long lastId() {
        return database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT last_id FROM event_sequence WHERE id = 1").mapTo(Long.class).one());
    }

    @Override
    public int prune(Instant cutoff, int batchSize) {
        return database.jdbi().inTransaction(handle -> {
            List<Long> ids = handle.createQuery("SELECT id FROM service_events WHERE recorded_at < :cutoff"
                            + " ORDER BY id LIMIT :batch")
                    .bind("cutoff", micros(cutoff)).bind("batch", batchSize).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return 0;
            }
            return handle.createUpdate("DELETE FROM service_events WHERE id IN (<ids>)").bindList("ids", ids)
                    .execute();
        });
    }

    private static LoggedEvent event(ResultSet rs) throws SQLException {
        String kindName = rs.getString("kind");
        EventKind kind = EventKind.ofWireName(kindName)
                .orElseThrow(() -> new IllegalStateException("unknown event kind " + kindName));
        String uuid = rs.getString("service_uuid");
        EventSubject subject = uuid == null ? null : new EventSubject(rs.getLong("service_id"), uuid,
                rs.getString("host"), rs.getString("binary_name"));
        Actor.Kind actorKind = Actor.Kind.valueOf(rs.getString("actor_kind").toUpperCase(Locale.ROOT));
        String roles = rs.getString("actor_roles");
        Actor actor = new Actor(actorKind, rs.getString("actor_user_id"), rs.getString("actor_project_id"),
                rs.getString("request_id"), roles == null || roles.isEmpty() ? List.of() : List.of(roles.split(",")));
        Integer zoneServices = Rows.nullableInt(rs, "zone_services");
        ZoneDisruption disruption = zoneServices == null ? null
                : new ZoneDisruption(rs.getInt("zone_down"), zoneServices);
        EventRecord record = new EventRecord(kind, Times.fromMicros(rs.getLong("occurred_at")), subject,
                rs.getString("zone"), snapshot(rs, "before"), snapshot(rs, "after"), actor,
                Times.fromMicros(Rows.nullableLong(rs, "last_heartbeat_at")), disruption);
        Heartbeats heartbeats = subject == null ? null
                : new Heartbeats(Objects.requireNonNullElse(Rows.nullableLong(rs, "report_count"), 0L),
                        Times.fromMicros(Rows.nullableLong(rs, "last_seen_up")));
        return new LoggedEvent(rs.getLong("id"), record.time(), Times.fromMicros(rs.getLong("recorded_at")), record,
                heartbeats);
    }

    private static EventSnapshot snapshot(ResultSet rs, String side) throws SQLException {
        String state = rs.getString("state_" + side);
        if (state == null) {
            return null;
        }
        return EventSnapshot.ofNames(state, rs.getString("status_" + side), rs.getString("reason_" + side),
                rs.getBoolean("forced_down_" + side));
    }

    /** The roles joined by commas, as many whole ones as fit the column; null for none. */
    private static String roles(List<String> roles) {
        StringBuilder joined = new StringBuilder();
        for (String role : roles) {
            int length = joined.length() + (joined.length() == 0 ? 0 : 1) + role.length();
            if (role.isEmpty() || role.contains(",") || length > ROLES_LENGTH) {
                continue;
            }
            joined.append(joined.length() == 0 ? "" : ",").append(role);
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : Times.micros(instant);
    }
}
