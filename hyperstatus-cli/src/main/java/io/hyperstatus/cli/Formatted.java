package io.hyperstatus.cli;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cell that reads one way and is data another, as osc-lib's list and dict columns: the text formats (table, csv,
 * value) print {@link #toString()}, the data formats (json, yaml) write {@link #value()}.
 */
final class Formatted {
    private final String text;
    private final Object value;

    private Formatted(String text, Object value) {
        this.text = text;
        this.value = value;
    }

    /** A list: the items sorted and joined with ", " in text, the list in data. */
    static Formatted list(List<String> items) {
        List<String> sorted = new ArrayList<>(items);
        Collections.sort(sorted);
        return new Formatted(String.join(", ", sorted), List.copyOf(items));
    }

    /** A dict: {@code key='value'} pairs by sorted key in text ({@code key=} for a null value), the object in data. */
    static Formatted dict(Map<String, String> entries) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(entries).forEach((key, value) -> pairs.add(value == null ? key + "=" : key + "='" + value + "'"));
        return new Formatted(String.join(", ", pairs), Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
    }

    /** A value that reads shorter than it is (a time to the second), the whole of it in data. */
    static Formatted text(String text, Object value) {
        return new Formatted(text, value);
    }

    @JsonValue
    Object value() {
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
