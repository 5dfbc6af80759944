package io.hyperstatus.storage;

import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * A lease kept in row 1 of a table with {@code holder} and {@code expires_at} (epoch microseconds by the database
 * clock): {@code liveness_lease} and {@code notification_outbox}. It is taken when free or expired and renewed by
 * its holder, each in one conditional update, so two servers never both think they hold it.
 */
final class LeaseRows {
    private LeaseRows() {
    }

    /** Takes or renews the lease for {@code holder} until {@code nowMicros + length}; answers whether it did. */
    static boolean acquire(Handle handle, String table, String holder, long nowMicros, Duration length) {
        return handle.createUpdate("UPDATE " + table + " SET holder = :holder, expires_at = :expires"
                        + " WHERE id = 1 AND (holder = :holder OR expires_at < :now)")
                .bind("holder", holder)
                .bind("expires", nowMicros + length.toNanos() / 1000)
                .bind("now", nowMicros)
                .execute() == 1;
    }

    /** Frees the lease, if {@code holder} has it. */
    static void release(Handle handle, String table, String holder) {
        handle.createUpdate("UPDATE " + table + " SET holder = '', expires_at = 0 WHERE id = 1 AND holder = :holder")
                .bind("holder", holder).execute();
    }
}
