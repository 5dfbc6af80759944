package io.hyperstatus.server.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.core.PythonStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders JSON values the way Python prints them ({@code repr} and {@code str}), because Nova's validation
 * messages quote the offending values in Python's notation and clients match on those messages.
 */
public final class PythonRepr {
    private PythonRepr() {
    }

    public static String repr(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "None";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isTextual()) {
            return reprString(node.textValue());
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.asText();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(repr(item)));
            return "[" + String.join(", ", items) + "]";
        }
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            entries.add(reprString(field.getKey()) + ": " + repr(field.getValue()));
        }
        return "{" + String.join(", ", entries) + "}";
    }

    /** Python's {@code str()}: strings bare, everything else as {@code repr}. */
    public static String str(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : repr(node);
    }

    public static String reprString(String text) {
        return PythonStrings.repr(text);
    }
}
