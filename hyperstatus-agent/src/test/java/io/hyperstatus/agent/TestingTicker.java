package io.hyperstatus.agent;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Monotonic nanoseconds that move only when the test says so. */
final class TestingTicker implements LongSupplier {
    private long nanos = Duration.ofHours(1).toNanos();

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
