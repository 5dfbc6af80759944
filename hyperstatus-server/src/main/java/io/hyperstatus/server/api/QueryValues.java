package io.hyperstatus.server.api;

import io.hyperstatus.server.api.error.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads validated query parameters: the last value wins, as with Nova's multi-dicts. */
public final class QueryValues {
    private static final Set<String> TRUE = Set.of("true", "1", "on", "yes");

    private QueryValues() {
    }

    public static Optional<String> last(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** A value the schema let through but its meaning refuses, in the words of a schema's refusal. */
    public static ApiException invalid(String name, String value, String why) {
        return ApiException.badRequest("Invalid input for query parameters " + name + ". Value: " + value + ". "
                + why);
    }

    /** A boolean parameter the schema has checked; absent means false. */
    public static boolean bool(Map<String, List<String>> query, String name) {
        return last(query, name).map(v -> TRUE.contains(v.toLowerCase(Locale.ROOT))).orElse(false);
    }
}
