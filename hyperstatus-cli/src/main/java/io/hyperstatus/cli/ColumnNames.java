package io.hyperstatus.cli;

import java.util.List;

/** Finds a column named with {@code -c}: exactly, or else ignoring case ({@code -c state} for "State"). */
final class ColumnNames {
    private ColumnNames() {
    }

    static int indexOf(List<String> columns, String name) {
        int exact = columns.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "'; the columns are: " + String.join(", ", columns));
    }
}
