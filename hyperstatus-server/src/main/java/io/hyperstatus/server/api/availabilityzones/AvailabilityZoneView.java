package io.hyperstatus.server.api.availabilityzones;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.domain.ServiceWithState;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A zone of {@code availabilityZoneInfo}: its name, its state and, in the detail of an available zone, its hosts
 * with each enabled service's {@code available} (the service is up), {@code active} (it is enabled) and
 * {@code updated_at}.
 */
final class AvailabilityZoneView {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    static void writeSummary(JsonGenerator json, String zone, boolean available) throws IOException {
        writeNameAndState(json, zone, available);
        json.writeNullField("hosts");
        json.writeEndObject();
    }

    static void writeDetail(JsonGenerator json, String zone, Map<String, List<ServiceWithState>> hosts)
            throws IOException {
        writeNameAndState(json, zone, true);
        json.writeObjectFieldStart("hosts");
        for (Map.Entry<String, List<ServiceWithState>> host : hosts.entrySet()) {
            json.writeObjectFieldStart(host.getKey());
            for (ServiceWithState service : host.getValue()) {
                json.writeObjectFieldStart(service.service().binary());
                json.writeBooleanField("available", AvailabilityZonesController.isUp(service));
                json.writeBooleanField("active", !service.service().disabled());
                json.writeStringField("updated_at", service.service().updatedAt() == null ? null
                        : TIMESTAMP.format(service.service().updatedAt()));
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private AvailabilityZoneView() {
    }

    /** Opens the zone's object with the fields every zone has. */
    private static void writeNameAndState(JsonGenerator json, String zone, boolean available) throws IOException {
        json.writeStartObject();
        json.writeStringField("zoneName", zone);
        json.writeObjectFieldStart("zoneState");
        json.writeBooleanField("available", available);
        json.writeEndObject();
    }
}
