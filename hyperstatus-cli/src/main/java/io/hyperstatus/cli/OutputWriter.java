package io.hyperstatus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a command's output into text in the chosen format. JSON and YAML are lists of objects keyed by column
 * name (one object for a show), written by Jackson; colour applies to tables only, and only when asked for.
 */
public record OutputWriter(OutputFormat format, boolean colour) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    public OutputWriter {
        Objects.requireNonNull(format, "format");
    }

    public String render(ListOutput output) {
        return switch (format) {
            case table -> TextTable.render(output.columns(), TextTable.texts(output.rows()), colour);
            case csv -> CsvText.render(output.columns(), output.rows());
            case value -> valueLines(output.rows());
            case json -> write(JSON, objects(output));
            case yaml -> write(YAML, objects(output));
        };
    }

    public String render(ShowOutput output) {
        List<String> names = new ArrayList<>(output.properties().keySet());
        List<Object> values = new ArrayList<>(output.properties().values());
        return switch (format) {
            case table -> {
                List<List<Object>> rows = new ArrayList<>();
                output.properties().forEach((name, value) -> rows.add(java.util.Arrays.asList(name, value)));
                yield TextTable.render(List.of("Property", "Value"), TextTable.texts(rows), colour);
            }
            case csv -> CsvText.render(names, List.of(values));
            // One value a line, as python-openstackclient prints a show in this format.
            case value -> valueLines(values.stream().map(v -> java.util.Arrays.asList(v)).toList());
            case json -> write(JSON, object(output.properties()));
            case yaml -> write(YAML, object(output.properties()));
        };
    }

    private static String valueLines(List<List<Object>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            row.forEach(value -> cells.add(Values.text(value)));
            text.append(String.join(" ", cells)).append('\n');
        }
        return text.toString();
    }

    private static ArrayNode objects(ListOutput output) {
        ArrayNode array = JSON.createArrayNode();
        for (List<Object> row : output.rows()) {
            ObjectNode object = array.addObject();
            for (int i = 0; i < output.columns().size(); i++) {
                object.set(output.columns().get(i), JSON.valueToTree(row.get(i)));
            }
        }
        return array;
    }

    private static ObjectNode object(Map<String, Object> properties) {
        ObjectNode object = JSON.createObjectNode();
        properties.forEach((name, value) -> object.set(name, JSON.valueToTree(value)));
        return object;
    }

    private static String write(ObjectMapper mapper, Object tree) {
        try {
            String text = mapper.writeValueAsString(tree);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
