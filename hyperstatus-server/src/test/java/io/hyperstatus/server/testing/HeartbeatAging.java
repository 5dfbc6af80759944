package io.hyperstatus.server.testing;

import io.hyperstatus.storage.Database;

/** Test-only data access: moves a service's heartbeat and creation time into the past. */
final class HeartbeatAging {
    private final Database database;

    HeartbeatAging(Database database) {
        this.database = database;
    }

    void age(String host, String binary, long seconds) {
        long micros = seconds * 1_000_000L;
        int updated = database.jdbi().withHandle(handle -> handle.createUpdate(
                        "UPDATE services SET last_seen_up = last_seen_up - :micros, created_at = created_at - :micros"
                                + " WHERE host = :host AND binary_name = :binary AND deleted = 0")
                .bind("micros", micros).bind("host", host).bind("binary", binary).execute());
        if (updated != 1) {
            throw new AssertionError("no service " + binary + " on " + host);
        }
    }
}
