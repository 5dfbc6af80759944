package io.hyperstatus.server.api.events;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.Availability;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.EventSubject;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.server.api.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** The JSON of an event, of a service as events name it, and of an availability (see docs/events.md). */
final class EventView {
    static String time(Instant instant) {
        return Json.time(instant);
    }

    /** One event as a document of its own: what a stream message carries on its one {@code data:} line. */
    byte[] bytes(LoggedEvent event) {
        return Json.write(json -> write(json, event));
    }

    void write(JsonGenerator json, LoggedEvent event) throws IOException {
        EventRecord record = event.record();
        json.writeStartObject();
        json.writeNumberField("id", event.id());
        json.writeStringField("kind", record.kind().wireName());
        json.writeStringField("time", time(event.time()));
        json.writeStringField("recorded_at", time(event.recordedAt()));
        json.writeFieldName("service");
        service(json, record.subject());
        json.writeStringField("zone", record.zone());
        json.writeFieldName("before");
        snapshot(json, record.before());
        json.writeFieldName("after");
        snapshot(json, record.after());
        json.writeObjectFieldStart("actor");
        Actor actor = record.actor();
        json.writeStringField("kind", actor.kind().wireName());
        json.writeStringField("user_id", actor.userId());
        json.writeStringField("project_id", actor.projectId());
        json.writeStringField("request_id", actor.requestId());
        json.writeEndObject();
        if (record.lastHeartbeat() == null) {
            json.writeNullField("last_heartbeat");
        } else {
            json.writeStringField("last_heartbeat", time(record.lastHeartbeat()));
        }
        if (record.disruption() == null) {
            json.writeNullField("zone_disruption");
        } else {
            json.writeObjectFieldStart("zone_disruption");
            json.writeNumberField("down", record.disruption().down());
            json.writeNumberField("services", record.disruption().services());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    void service(JsonGenerator json, EventSubject subject) throws IOException {
        if (subject == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("id", subject.serviceId());
        json.writeStringField("uuid", subject.serviceUuid());
        json.writeStringField("host", subject.host());
        json.writeStringField("binary", subject.binary());
        json.writeEndObject();
    }

    private static void snapshot(JsonGenerator json, EventSnapshot snapshot) throws IOException {
        if (snapshot == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("state", snapshot.stateName());
        json.writeStringField("status", snapshot.statusName());
        json.writeStringField("disabled_reason", snapshot.disabledReason());
        json.writeBooleanField("forced_down", snapshot.forcedDown());
        json.writeEndObject();
    }

    /** A decimal as written by hand (0.000981, 300.0), never in exponent form. */
    private static void decimal(JsonGenerator json, String field, double value) throws IOException {
        json.writeFieldName(field);
        String plain = BigDecimal.valueOf(value).toPlainString();
        json.writeNumber(plain.contains(".") ? plain : plain + ".0");
    }

    void availability(JsonGenerator json, Availability availability) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("availability");
        json.writeFieldName("service");
        service(json, availability.service());
        json.writeStringField("start", time(availability.start()));
        json.writeStringField("end", time(availability.end()));
        decimal(json, "up_fraction", availability.upFraction());
        decimal(json, "disabled_fraction", availability.disabledFraction());
        json.writeNumberField("down_periods", availability.downPeriods());
        decimal(json, "longest_down_seconds", availability.longestDownSeconds());
        json.writeArrayFieldStart("periods");
        for (Availability.DownPeriod period : availability.periods()) {
            json.writeStartObject();
            json.writeStringField("start", time(period.start()));
            if (period.end() == null) {
                json.writeNullField("end");
            } else {
                json.writeStringField("end", time(period.end()));
            }
            decimal(json, "seconds", period.seconds());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }
}
