package io.hyperstatus.server.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON schema for a request body or query string, loaded from {@code schemas/<name>.json}. Schemas mirror
 * Nova's, keyword order included: the first error in that order is the one reported.
 */
public final class RequestSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.builder(
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
            .metaSchema(NovaFormats.metaSchema())
            .build();

    private final String name;
    private final JsonNode json;
    private final JsonSchema compiled;

    private RequestSchema(String name, JsonNode json) {
        this.name = name;
        this.json = json;
        this.compiled = FACTORY.getSchema(json);
    }

    public static RequestSchema load(String name) {
        String resource = "schemas/" + name + ".json";
        try (InputStream in = RequestSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new RequestSchema(name, MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }

    public String name() {
        return name;
    }

    JsonNode json() {
        return json;
    }

    JsonSchema compiled() {
        return compiled;
    }

    /** Whether properties the schema does not name are rejected (otherwise they are stripped). */
    public boolean rejectsAdditionalProperties() {
        JsonNode additional = json.get("additionalProperties");
        return additional != null && additional.isBoolean() && !additional.booleanValue();
    }

    public List<String> propertyNames() {
        List<String> names = new ArrayList<>();
        JsonNode properties = json.get("properties");
        if (properties != null) {
            properties.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
