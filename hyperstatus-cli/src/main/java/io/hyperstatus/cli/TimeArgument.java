package io.hyperstatus.cli;

import io.hyperstatus.protocol.IsoTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time given on the command line: an ISO 8601 time ({@code 2026-12-01T15:00:00Z}, with an offset, or without
 * one meaning UTC), a date (its midnight UTC), or a span back from now ({@code 30m}, {@code 24h}, {@code 7d}).
 */
final class TimeArgument {
    private static final Pattern AGO = Pattern.compile("([0-9]{1,9})([smhd])");

    private TimeArgument() {
    }

    /** The instant; an {@link IllegalArgumentException} that says which forms are accepted otherwise. */
    static Instant parse(String text, Clock clock) {
        String value = text.strip();
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            Duration span = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return clock.instant().minus(span);
        }
        return IsoTime.parse(value).orElseThrow(() -> new IllegalArgumentException("invalid time '" + text
                + "': expected an ISO 8601 time such as 2026-12-01T15:00:00Z, a date such as 2026-12-01, or a span"
                + " back from now such as 30m, 24h or 7d"));
    }
}
