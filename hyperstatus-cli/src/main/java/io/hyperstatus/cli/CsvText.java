package io.hyperstatus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * CSV as python-openstackclient writes it (Python's QUOTE_NONNUMERIC): every text quoted, quotes doubled, numbers
 * and booleans bare, a missing value empty.
 */
final class CsvText {
    private CsvText() {
    }

    static String render(List<String> columns, List<List<Object>> rows) {
        StringBuilder text = new StringBuilder();
        line(text, List.copyOf(columns));
        for (List<Object> row : rows) {
            line(text, row);
        }
        return text.toString();
    }

    private static void line(StringBuilder text, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(values.get(i)));
        }
        text.append('\n');
    }

    private static String field(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isNull()) {
                return "";
            }
            if (node.isNumber() || node.isBoolean()) {
                return node.asText();
            }
            return quote(node.isTextual() ? node.asText() : node.toString());
        }
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
