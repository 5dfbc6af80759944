package io.hyperstatus.server.api.services;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceWithState;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The full service object of the list (and of PUT from 2.53). */
final class ServiceView {
    /** Nova's naive UTC timestamps: microseconds, no zone suffix. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    void write(JsonGenerator json, ServiceWithState entry, String zone, ServiceProfile format) throws IOException {
        Service service = entry.service();
        json.writeStartObject();
        if (format.uuidIds()) {
            json.writeStringField("id", service.uuid());
        } else {
            json.writeNumberField("id", service.id());
        }
        json.writeStringField("binary", service.binary());
        json.writeStringField("disabled_reason", service.disabledReason());
        json.writeStringField("host", service.host());
        json.writeStringField("state", entry.state().wireName());
        json.writeStringField("status", service.status().wireName());
        json.writeStringField("updated_at", timestamp(service.updatedAt()));
        if (format.forcedDownField()) {
            json.writeBooleanField("forced_down", service.forcedDown());
        }
        json.writeStringField("zone", zone);
        json.writeEndObject();
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
