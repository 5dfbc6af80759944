package io.hyperstatus.server.api.aggregates;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.domain.Aggregate;
import io.hyperstatus.server.api.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The full aggregate of list, show, update and the actions: hosts and metadata included. */
final class AggregateView {
    /** Nova's naive UTC timestamps: microseconds, no zone suffix. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    static Json.Writer single(Aggregate aggregate, AggregateProfile profile) {
        return json -> {
            json.writeStartObject();
            json.writeFieldName("aggregate");
            write(json, aggregate, profile);
            json.writeEndObject();
        };
    }

    static void write(JsonGenerator json, Aggregate aggregate, AggregateProfile profile) throws IOException {
        json.writeStartObject();
        writeHead(json, aggregate, profile);
        json.writeArrayFieldStart("hosts");
        for (String host : aggregate.hosts()) {
            json.writeString(host);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("metadata");
        for (Map.Entry<String, String> entry : aggregate.metadata().entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        writeTail(json, aggregate);
        json.writeEndObject();
    }

    /** id, uuid (2.41) and name: the fields before hosts and metadata. */
    static void writeHead(JsonGenerator json, Aggregate aggregate, AggregateProfile profile) throws IOException {
        json.writeNumberField("id", aggregate.id());
        if (profile.showUuid()) {
            json.writeStringField("uuid", aggregate.uuid());
        }
        json.writeStringField("name", aggregate.name());
    }

    /** The times, the always-false soft-delete fields (deleted aggregates are never shown) and the zone. */
    static void writeTail(JsonGenerator json, Aggregate aggregate) throws IOException {
        json.writeStringField("created_at", timestamp(aggregate.createdAt()));
        json.writeStringField("updated_at", timestamp(aggregate.updatedAt()));
        json.writeNullField("deleted_at");
        json.writeBooleanField("deleted", false);
        json.writeStringField("availability_zone", aggregate.availabilityZone());
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    private AggregateView() {
    }
}
