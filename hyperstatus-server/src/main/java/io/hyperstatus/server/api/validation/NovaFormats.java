package io.hyperstatus.server.api.validation;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Nova's custom JSON-schema formats for names ({@code nova.api.validation.validators}): "printable" is a character
 * whose Unicode category is not "Other" (C*) and, if a separator (Z*), is a space separator (Zs). A failed name
 * format is reported with Nova's own message, not jsonschema's.
 */
final class NovaFormats {
    private static final String PRINTABLE = "[^\\p{C}\\p{Zl}\\p{Zp}]";
    private static final String PRINTABLE_NO_COLON = "[^\\p{C}\\p{Zl}\\p{Zp}:]";
    private static final String NOT_PRINTABLE_OR_SPACE = "[\\p{C}\\p{Z}]";
    private static final String NO_SPACE = "[^\\p{C}\\p{Z}]";

    private static final Map<String, Pattern> PATTERNS = Map.of(
            "name", Pattern.compile("^(?!" + NOT_PRINTABLE_OR_SPACE + ")" + PRINTABLE + "*(?<!" + NOT_PRINTABLE_OR_SPACE + ")$"),
            "az_name", Pattern.compile("^(?!" + NOT_PRINTABLE_OR_SPACE + ")" + PRINTABLE_NO_COLON + "*(?<!"
                    + NOT_PRINTABLE_OR_SPACE + ")$"),
            "name_with_leading_trailing_spaces", Pattern.compile("^" + PRINTABLE + "*" + NO_SPACE + "+" + PRINTABLE + "*$|^"
                    + PRINTABLE + "*" + NO_SPACE + "[" + NO_SPACE.substring(1, NO_SPACE.length() - 1) + "\\p{Zs}]+"
                    + NO_SPACE + PRINTABLE + "*$"));

    private static final Map<String, String> REASONS = Map.of(
            "name", "printable characters. Can not start or end with whitespace.",
            "az_name", "printable characters except :.Can not start or end with whitespace.",
            "name_with_leading_trailing_spaces", "printable characters with at least one non space character");

    private NovaFormats() {
    }

    static JsonMetaSchema metaSchema() {
        JsonMetaSchema.Builder builder = JsonMetaSchema.builder(JsonMetaSchema.getV4());
        for (String name : PATTERNS.keySet()) {
            builder.format(new Format() {
                @Override
                public String getName() {
                    return name;
                }

                @Override
                public boolean matches(ExecutionContext executionContext, String value) {
                    return PATTERNS.get(name).matcher(value).find();
                }
            });
        }
        return builder.build();
    }

    /** Nova's message for a value that fails one of these formats, or null for another format. */
    static String message(String format) {
        String reason = REASONS.get(format);
        return reason == null ? null : "An invalid 'name' value was provided. The name must be: " + reason;
    }

    static List<String> names() {
        return List.copyOf(PATTERNS.keySet());
    }
}
