package io.hyperstatus.server.api.events;

import io.hyperstatus.server.api.QueryValues;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.validation.PythonRepr;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/** The values of the events' query parameters that a schema checks the form of but not the meaning. */
final class EventParameters {
    /** The longest window an availability is computed over. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private EventParameters() {
    }

    /**
     * An ISO 8601 time: with an offset, or without one (then UTC), or a date alone (its midnight, UTC), as Nova's
     * {@code changes-since} takes it.
     */
    static Instant time(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw invalid(name, value, PythonRepr.reprString(value) + " is not a 'date-time'");
                }
            }
        }
    }

    /** A cursor the schema has checked the digits of. */
    static long cursor(String name, String value) {
        OptionalLong parsed = io.hyperstatus.server.api.Ids.parseLong(value);
        if (parsed.isEmpty() || parsed.getAsLong() < 0) {
            throw invalid(name, value, PythonRepr.reprString(value) + " is not an event id");
        }
        return parsed.getAsLong();
    }

    /** A window such as {@code 7d}: a number and one of s, m, h, d, w; at most {@link #MAX_WINDOW}. */
    static Duration window(String value) {
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        long seconds = switch (value.charAt(value.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            default -> 7 * 86_400;
        };
        Duration window = Duration.ofSeconds(amount * seconds);
        if (window.compareTo(MAX_WINDOW) > 0) {
            throw invalid("window", value, "a window is at most " + MAX_WINDOW.toDays() + " days");
        }
        return window;
    }

    static ApiException invalid(String name, String value, String why) {
        return QueryValues.invalid(name, value, why);
    }
}
