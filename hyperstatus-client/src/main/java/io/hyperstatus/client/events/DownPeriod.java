package io.hyperstatus.client.events;

import java.time.Instant;
import java.util.Objects;

/** A time a service was down within an availability window; {@code end} is null while it still is. */
public record DownPeriod(Instant start, Instant end, double seconds) {
    public DownPeriod {
        Objects.requireNonNull(start, "start");
        if (seconds < 0) {
            throw new IllegalArgumentException("a period of " + seconds + " s");
        }
    }
}
