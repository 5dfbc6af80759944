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

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }
}
