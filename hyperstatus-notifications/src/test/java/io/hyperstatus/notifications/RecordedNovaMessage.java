package io.hyperstatus.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.EventSubject;
import io.hyperstatus.core.events.Heartbeats;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A message Nova 26 sent through oslo.messaging 14, as recorded from RabbitMQ (src/test/resources/nova, see its
 * README), and the logged event that says the same thing in hyperstatus.
 */
record RecordedNovaMessage(String name, JsonNode recording, String body, JsonNode message) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static RecordedNovaMessage load(String name) {
        try (InputStream in = RecordedNovaMessage.class.getResourceAsStream("/nova/" + name + ".json")) {
            JsonNode recording = JSON.readTree(in);
            String body = recording.get("body").asText();
            JsonNode parsed = JSON.readTree(body);
            JsonNode message = parsed.has("oslo.message") ? JSON.readTree(parsed.get("oslo.message").asText()) : parsed;
            return new RecordedNovaMessage(name, recording, body, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String driver() {
        return recording.get("recorded").get("driver").asText();
    }

    /** The event hyperstatus logs for the change Nova notified: same service, values, caller and time. */
    LoggedEvent asLoggedEvent(long id) {
        JsonNode data = message.get("payload").get("nova_object.data");
        EventSubject subject = new EventSubject(1, data.get("uuid").asText(), data.get("host").asText(),
                data.get("binary").asText());
        EventSnapshot state = new EventSnapshot(data.get("forced_down").asBoolean() ? ServiceState.DOWN
                : ServiceState.UP, data.get("disabled").asBoolean() ? ServiceStatus.DISABLED : ServiceStatus.ENABLED,
                data.get("disabled_reason").isNull() ? null : data.get("disabled_reason").asText(),
                data.get("forced_down").asBoolean());
        String eventType = message.get("event_type").asText();
        EventKind kind = switch (eventType) {
            case "service.create" -> EventKind.CREATED;
            case "service.delete" -> EventKind.DELETED;
            default -> EventKind.UNCHANGED;
        };
        List<String> roles = new ArrayList<>();
        message.get("_context_roles").forEach(role -> roles.add(role.asText()));
        Actor actor = Actor.user(message.get("_context_user_id").asText(), message.get("_context_project_id").asText(),
                message.get("_context_request_id").asText(), roles);
        Instant recordedAt = pythonTime(message.get("timestamp").asText());
        EventRecord record = EventRecord.ofService(kind, recordedAt, subject, "nova",
                kind == EventKind.CREATED ? null : state, kind == EventKind.DELETED ? null : state, actor, null);
        Instant lastSeenUp = data.get("last_seen_up").isNull() ? null : Instant.parse(data.get("last_seen_up").asText());
        return new LoggedEvent(id, recordedAt, recordedAt, record,
                new Heartbeats(data.get("report_count").asLong(), lastSeenUp));
    }

    /** The recorded body with hyperstatus's own ids of {@code ours} put in place of Nova's random ones. */
    String withIdsOf(String ours) {
        String text = body;
        for (String key : List.of("message_id", "_unique_id")) {
            text = text.replace(message.get(key).asText(), idIn(ours, key));
        }
        return text;
    }

    private static String idIn(String body, String key) {
        try {
            JsonNode parsed = JSON.readTree(body);
            JsonNode message = parsed.has("oslo.message") ? JSON.readTree(parsed.get("oslo.message").asText()) : parsed;
            return message.get(key).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Instant pythonTime(String text) {
        String pattern = text.contains(".") ? "uuuu-MM-dd HH:mm:ss.SSSSSS" : "uuuu-MM-dd HH:mm:ss";
        return LocalDateTime.parse(text, DateTimeFormatter.ofPattern(pattern)).toInstant(ZoneOffset.UTC);
    }
}
