package io.hyperstatus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A detail object as novaclient shows it: nested keys joined with "_" ({@code service_host},
 * {@code cpu_info_arch}), sorted, and a JSON text (cpu_info before 2.28) decoded first, so every microversion
 * reads alike. Arrays and empty objects stay whole.
 */
final class Flattened {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Flattened() {
    }

    static Map<String, Object> of(JsonNode object) {
        Map<String, Object> flat = new TreeMap<>();
        add(flat, "", object);
        return flat;
    }

    private static void add(Map<String, Object> flat, String prefix, JsonNode object) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = prefix + field.getKey();
            JsonNode value = decoded(field.getValue());
            if (value.isObject() && value.size() > 0) {
                add(flat, name + "_", value);
            } else {
                flat.put(name, value.isNull() ? null : value);
            }
        }
    }

    private static JsonNode decoded(JsonNode value) {
        if (value.isTextual() && value.asText().strip().startsWith("{")) {
            try {
                return MAPPER.readTree(value.asText());
            } catch (IOException notJson) {
                return value;
            }
        }
        return value;
    }
}
