package io.hyperstatus.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A time as the events API takes it in {@code changes-since} and {@code changes-before} (as Nova's
 * {@code changes-since} does), and the command line too: ISO 8601 with an offset, without one (then UTC), or a date
 * alone (its midnight, UTC).
 */
public final class IsoTime {
    private static final List<Function<String, Instant>> FORMS = List.of(
            text -> OffsetDateTime.parse(text).toInstant(),
            text -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC),
            text -> LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));

    private IsoTime() {
    }

    /** The instant {@code text} stands for, or empty when it is in none of the forms. */
    public static Optional<Instant> parse(String text) {
        for (Function<String, Instant> form : FORMS) {
            try {
                return Optional.of(form.apply(text));
            } catch (DateTimeParseException inAnotherForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
