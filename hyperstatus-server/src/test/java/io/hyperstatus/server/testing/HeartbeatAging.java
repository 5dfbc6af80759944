package io.hyperstatus.server.testing;

import io.hyperstatus.storage.Database;

/**
 * Test-only data access: moves a service's heartbeat and creation time into the past, or gives it a state the API
 * no longer lets anyone give (a disabled scheduler, as an older Nova could leave one).
 */
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

    void disableDirectly(String host, String binary, String reason) {
        int updated = database.jdbi().withHandle(handle -> handle.createUpdate(
                        "UPDATE services SET disabled = :disabled, disabled_reason = :reason"
                                + " WHERE host = :host AND binary_name = :binary AND deleted = 0")
                .bind("disabled", true).bind("reason", reason).bind("host", host).bind("binary", binary).execute());
        if (updated != 1) {
            throw new AssertionError("no service " + binary + " on " + host);
        }
    }
}
