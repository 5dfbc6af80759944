package io.hyperstatus.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a list command prints: named columns and rows of values (String, Number, Boolean, a Jackson tree, or null),
 * before any format is chosen.
 */
public record ListOutput(List<String> columns, List<List<Object>> rows) {
    public ListOutput {
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " values for " + columns.size() + " columns");
            }
            // List.copyOf refuses nulls, and a missing value is a null.
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }

    /** Only the named columns, in the order named; an unknown name is an {@link IllegalArgumentException}. */
    public ListOutput select(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        List<Integer> indexes = new ArrayList<>();
        for (String name : names) {
            indexes.add(ColumnNames.indexOf(columns, name));
        }
        List<String> selectedColumns = new ArrayList<>();
        indexes.forEach(i -> selectedColumns.add(columns.get(i)));
        List<List<Object>> selectedRows = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> selected = new ArrayList<>();
            indexes.forEach(i -> selected.add(row.get(i)));
            selectedRows.add(selected);
        }
        return new ListOutput(selectedColumns, selectedRows);
    }
}
