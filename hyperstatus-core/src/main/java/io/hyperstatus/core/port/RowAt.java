package io.hyperstatus.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored row and the database's clock read with it, so that the application layer can decide what depends on
 * time (a service's liveness) at the instant the row was read, by the database's clock and not the server's.
 */
public record RowAt<T>(T row, Instant databaseNow) {
    public RowAt {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(databaseNow, "databaseNow");
    }
}
