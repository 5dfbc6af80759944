package io.hyperstatus.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Conversions between stored epoch microseconds and instants. */
final class Times {
    private Times() {
    }

    static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    static Instant fromMicros(Long micros) {
        return micros == null ? null : fromMicros(micros.longValue());
    }
}
