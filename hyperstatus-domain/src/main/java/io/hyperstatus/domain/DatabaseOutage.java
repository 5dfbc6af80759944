package io.hyperstatus.domain;

import java.util.Objects;
import java.time.Instant;

/**
 * The last time the database could not be reached by an API server: from the last instant it was seen reachable
 * ({@code began}) to the instant it was reached again ({@code recovered}), both by the database's clock.
 */
public record DatabaseOutage(Instant began, Instant recovered) {
    public DatabaseOutage {
        Objects.requireNonNull(began, "began");
        Objects.requireNonNull(recovered, "recovered");
        if (recovered.isBefore(began)) {
            throw new IllegalArgumentException("an outage recovered at " + recovered + " before it began at " + began);
        }
    }
}
