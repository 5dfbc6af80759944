package io.hyperstatus.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** How a value reads in the text formats (table, value): a missing value is "-", as in novaclient. */
final class Values {
    static final String MISSING = "-";

    private Values() {
    }

    static String text(Object value) {
        if (value == null) {
            return MISSING;
        }
        if (value instanceof JsonNode node) {
            return node.isNull() ? MISSING : node.isValueNode() ? node.asText() : node.toString();
        }
        // One value, one line: a line break inside a cell would break the table's alignment.
        return value.toString().replace("\r", "").replace('\n', ' ');
    }
}
