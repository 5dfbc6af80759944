package io.hyperstatus.storage;

import io.hyperstatus.core.port.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/** The notification publisher's lease and place, the one row of {@code notification_outbox} (see the V8 migration). */
public final class JdbiOutboxStore implements OutboxStore {
    private final Database database;

    public JdbiOutboxStore(Database database) {
        this.database = database;
    }

    @Override
    public Claim acquire(String holder, Duration length) {
        return database.jdbi().inTransaction(handle -> {
            Instant now = database.now(handle);
            long nowMicros = Times.micros(now);
            boolean held = LeaseRows.acquire(handle, "notification_outbox", holder, nowMicros, length);
            return new Claim(held, place(handle), now);
        });
    }

    @Override
    public void release(String holder) {
        database.jdbi().useHandle(handle -> LeaseRows.release(handle, "notification_outbox", holder));
    }

    @Override
    public OptionalLong begin(String holder, long at) {
        database.jdbi().useHandle(handle -> handle
                .createUpdate("UPDATE notification_outbox SET published_through = :at"
                        + " WHERE id = 1 AND holder = :holder AND published_through IS NULL")
                .bind("at", at).bind("holder", holder).execute());
        return publishedThrough();
    }

    @Override
    public boolean advance(String holder, long through, Duration length) {
        return database.jdbi().inTransaction(handle -> {
            long now = Times.micros(database.now(handle));
            return handle.createUpdate("UPDATE notification_outbox SET published_through = :through,"
                            + " expires_at = :expires"
                            + " WHERE id = 1 AND holder = :holder AND expires_at >= :now"
                            + " AND (published_through IS NULL OR published_through < :through)")
                    .bind("through", through).bind("holder", holder).bind("now", now)
                    .bind("expires", now + length.toNanos() / 1000).execute() == 1;
        });
    }

    @Override
    public OptionalLong publishedThrough() {
        return database.jdbi().withHandle(JdbiOutboxStore::place);
    }

    private static OptionalLong place(Handle handle) {
        Long place = handle.createQuery("SELECT published_through FROM notification_outbox WHERE id = 1")
                .mapTo(Long.class).one();
        return place == null ? OptionalLong.empty() : OptionalLong.of(place);
    }
}
