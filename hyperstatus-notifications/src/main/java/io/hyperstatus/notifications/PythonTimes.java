package io.hyperstatus.notifications;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times written as Nova and oslo write them, all in UTC. */
final class PythonTimes {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter ISO_SECONDS_Z = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private PythonTimes() {
    }

    /** A message's {@code timestamp}: Python's {@code str(datetime)}, which leaves out a fraction of zero. */
    static String messageTimestamp(Instant time) {
        LocalDateTime utc = utc(time);
        return (utc.get(java.time.temporal.ChronoField.MICRO_OF_SECOND) == 0 ? SECONDS : MICROS).format(utc);
    }

    /** A context's {@code timestamp}: always with its microseconds, no zone. */
    static String contextTimestamp(Instant time) {
        return ISO_MICROS.format(utc(time));
    }

    /** A payload's datetime field, as Nova's notification objects write it: to the second, with Z. */
    static String payloadTime(Instant time) {
        return ISO_SECONDS_Z.format(utc(time));
    }

    private static LocalDateTime utc(Instant time) {
        return LocalDateTime.ofInstant(time.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
