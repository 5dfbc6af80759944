package io.hyperstatus.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a show command prints: one object's properties in order, with values as in {@link ListOutput}. */
public record ShowOutput(Map<String, Object> properties) {
    public ShowOutput {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Only the named properties, in the order named; an unknown name is an {@link IllegalArgumentException}. */
    public ShowOutput select(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        List<String> known = new ArrayList<>(properties.keySet());
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String name : names) {
            String property = known.get(ColumnNames.indexOf(known, name));
            selected.put(property, properties.get(property));
        }
        return new ShowOutput(selected);
    }
}
