package io.hyperstatus.server.api;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Checks on ids in paths and queries, with the leniency Nova's clients rely on. */
public final class Ids {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private Ids() {
    }

    /**
     * Whether the text reads as a UUID: 32 hex digits, with or without dashes, braces or a {@code urn:uuid:}
     * prefix, in any case.
     */
    public static boolean isUuidLike(String text) {
        String stripped = text.toLowerCase(Locale.ROOT)
                .replace("urn:", "").replace("uuid:", "")
                .replace("{", "").replace("}", "").replace("-", "");
        if (!HEX32.matcher(stripped).matches()) {
            return false;
        }
        // Dashes, when present, must sit where a UUID has them.
        String lower = text.toLowerCase(Locale.ROOT).replaceFirst("^urn:uuid:", "").replaceAll("^\\{|}$", "");
        return !lower.contains("-") || lower.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    /**
     * A row id as Python's {@code int()} of the digits would take it: an integer beyond 64 bits is still an integer,
     * one that names no row (0, as ids start at 1), so that it is not found rather than refused, as in Nova.
     */
    public static OptionalLong parseRowId(String text) {
        OptionalLong id = parseLong(text);
        if (id.isPresent() || !INTEGER.matcher(text).matches()) {
            return id;
        }
        return OptionalLong.of(0);
    }

    public static OptionalLong parseLong(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
