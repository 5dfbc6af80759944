package io.hyperstatus.notifications;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.config.NotificationOptions;
import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.core.notifications.Notice;
import io.hyperstatus.core.notifications.NoticeKind;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders notices as oslo.messaging sends Nova's notifications: the message (its id, publisher, event type,
 * priority, payload and timestamp, oslo's {@code _unique_id} and the request's context as {@code _context_*} keys,
 * in Nova's order), in oslo's 2.0 envelope with {@code messagingv2} or bare with {@code messaging}, once per topic.
 * Versioned messages carry a versioned object as payload ({@code nova_object.*}); the unversioned (legacy) ones
 * carry its fields as a plain object, and exist only for hyperstatus's own notices (Nova has none for services).
 * See docs/notifications.md, field by field.
 */
final class NotificationMessages {
    static final String PRIORITY = "INFO";
    /** Nova 26's service version, which the services hyperstatus registers speak. */
    static final int SERVICE_VERSION = 64;

    private final NotificationOptions options;
    private final String serverHost;

    NotificationMessages(NotificationOptions options, String serverHost) {
        this.options = Objects.requireNonNull(options, "options");
        this.serverHost = Objects.requireNonNull(serverHost, "serverHost");
    }

    List<OutgoingMessage> of(Notice notice) {
        List<OutgoingMessage> messages = new ArrayList<>(2);
        if (options.versioned()) {
            for (String topic : options.versionedTopics()) {
                messages.add(message(notice, topic, true));
            }
        }
        if (options.unversioned() && !notice.kind().isNovas()) {
            for (String topic : options.topics()) {
                messages.add(message(notice, topic, false));
            }
        }
        return messages;
    }

    private OutgoingMessage message(Notice notice, String topic, boolean versioned) {
        LoggedEvent event = notice.event();
        long recordedAt = micros(event);
        String variant = (versioned ? "versioned/" : "unversioned/") + topic;
        String messageId = StableIds.uuid("message_id", event.id(), recordedAt, variant).toString();
        String message = PythonJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("message_id", messageId);
            json.writeStringField("publisher_id", publisherId(notice));
            json.writeStringField("event_type", eventType(notice.kind()));
            json.writeStringField("priority", PRIORITY);
            json.writeFieldName("payload");
            if (versioned) {
                versionedPayload(json, notice);
            } else {
                payloadFields(json, notice);
            }
            json.writeStringField("timestamp", PythonTimes.messageTimestamp(event.recordedAt()));
            json.writeStringField("_unique_id", StableIds.hex("_unique_id", event.id(), recordedAt, variant));
            context(json, event);
            json.writeEndObject();
        });
        String body = options.driver().equals(NotificationOptions.MESSAGING_V2) ? PythonJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("oslo.version", "2.0");
            json.writeStringField("oslo.message", message);
            json.writeEndObject();
        }) : message;
        return new OutgoingMessage(topic, PRIORITY, body, messageId);
    }

    static String eventType(NoticeKind kind) {
        return switch (kind) {
            case SERVICE_CREATE -> "service.create";
            case SERVICE_UPDATE -> "service.update";
            case SERVICE_DELETE -> "service.delete";
            case SERVICE_DOWN -> "hyperstatus.service.down";
            case SERVICE_UP -> "hyperstatus.service.up";
            case ZONE_DISRUPTED -> "hyperstatus.zone.disrupted";
        };
    }

    /** {@code <source>:<host>} of the service the notice is about; a zone's, of this API server. */
    private String publisherId(Notice notice) {
        EventRecord record = notice.event().record();
        if (record.subject() == null) {
            return "nova-api:" + serverHost;
        }
        return source(record.subject().binary()) + ":" + record.subject().host();
    }

    /** Nova names its API services' notifications after the API, not the binary. */
    private static String source(String binary) {
        return binary.equals("nova-osapi_compute") || binary.equals("nova-metadata") ? "nova-api" : binary;
    }

    private static String topicOf(String binary) {
        return switch (binary) {
            case "nova-compute" -> "compute";
            case "nova-scheduler" -> "scheduler";
            case "nova-conductor" -> "conductor";
            default -> null;
        };
    }

    private static void versionedPayload(JsonGenerator json, Notice notice) throws IOException {
        json.writeStartObject();
        json.writeStringField("nova_object.name", switch (notice.kind()) {
            case SERVICE_CREATE, SERVICE_UPDATE, SERVICE_DELETE -> "ServiceStatusPayload";
            case SERVICE_DOWN, SERVICE_UP -> "ServiceLivenessPayload";
            case ZONE_DISRUPTED -> "ZoneDisruptionPayload";
        });
        json.writeStringField("nova_object.namespace", notice.kind().isNovas() ? "nova" : "hyperstatus");
        json.writeStringField("nova_object.version", notice.kind().isNovas() ? "1.1" : "1.0");
        json.writeFieldName("nova_object.data");
        payloadFields(json, notice);
        json.writeEndObject();
    }

    /** The payload's fields: ServiceStatusPayload's, in Nova's order, and for hyperstatus's own a few more. */
    private static void payloadFields(JsonGenerator json, Notice notice) throws IOException {
        LoggedEvent event = notice.event();
        EventRecord record = event.record();
        json.writeStartObject();
        if (notice.kind() == NoticeKind.ZONE_DISRUPTED) {
            json.writeStringField("availability_zone", record.zone());
            json.writeNumberField("services_down", record.disruption().down());
            json.writeNumberField("services", record.disruption().services());
            json.writeStringField("disrupted_at", PythonTimes.payloadTime(event.time()));
            json.writeNumberField("event_id", event.id());
            json.writeEndObject();
            return;
        }
        // A deletion's payload is the service as it was; every other's, as it is after the event.
        EventSnapshot state = record.after() != null ? record.after() : record.before();
        json.writeStringField("host", record.subject().host());
        json.writeStringField("binary", record.subject().binary());
        json.writeStringField("topic", topicOf(record.subject().binary()));
        json.writeNumberField("report_count", event.heartbeats().count());
        json.writeBooleanField("disabled", state.status() == ServiceStatus.DISABLED);
        json.writeStringField("disabled_reason", state.disabledReason());
        // Nova leaves the zone out of its payload (null); hyperstatus's own carry the zone of the event.
        json.writeStringField("availability_zone", notice.kind().isNovas() ? null : record.zone());
        json.writeStringField("last_seen_up", event.heartbeats().last() == null ? null
                : PythonTimes.payloadTime(event.heartbeats().last()));
        json.writeBooleanField("forced_down", state.forcedDown());
        json.writeNumberField("version", SERVICE_VERSION);
        json.writeStringField("uuid", record.subject().serviceUuid());
        if (!notice.kind().isNovas()) {
            json.writeStringField("state", state.state() == ServiceState.UP ? "up" : "down");
            json.writeStringField("last_heartbeat", record.lastHeartbeat() != null
                    ? PythonTimes.payloadTime(record.lastHeartbeat())
                    : event.heartbeats().last() == null ? null : PythonTimes.payloadTime(event.heartbeats().last()));
            json.writeStringField("state_changed_at", PythonTimes.payloadTime(event.time()));
            json.writeNumberField("event_id", event.id());
        }
        json.writeEndObject();
    }

    /**
     * The request context, as oslo.context serialises Nova's: the caller's user, project and roles and the request
     * id for an operator's or agent's change; an administrator's context without a user (as Nova's services use)
     * for the liveness detector's. Never a token.
     */
    private static void context(JsonGenerator json, LoggedEvent event) throws IOException {
        Actor actor = event.record().actor();
        boolean detector = actor.kind() == Actor.Kind.LIVENESS;
        boolean admin = detector || actor.roles().contains("admin");
        String requestId = detector
                ? "req-" + StableIds.uuid("request_id", event.id(), micros(event), "")
                : actor.requestId();
        json.writeStringField("_context_user", actor.userId());
        json.writeStringField("_context_project_id", actor.projectId());
        json.writeNullField("_context_system_scope");
        json.writeStringField("_context_project", actor.projectId());
        json.writeNullField("_context_domain");
        json.writeNullField("_context_user_domain");
        json.writeNullField("_context_project_domain");
        json.writeBooleanField("_context_is_admin", admin);
        json.writeBooleanField("_context_read_only", false);
        json.writeBooleanField("_context_show_deleted", false);
        json.writeNullField("_context_auth_token");
        json.writeStringField("_context_request_id", requestId);
        json.writeNullField("_context_global_request_id");
        json.writeNullField("_context_resource_uuid");
        json.writeArrayFieldStart("_context_roles");
        for (String role : actor.roles()) {
            json.writeString(role);
        }
        json.writeEndArray();
        json.writeStringField("_context_user_identity", dash(actor.userId()) + " " + dash(actor.projectId())
                + " - - -");
        json.writeBooleanField("_context_is_admin_project", true);
        json.writeStringField("_context_user_id", actor.userId());
        json.writeStringField("_context_read_deleted", "no");
        json.writeNullField("_context_remote_address");
        json.writeStringField("_context_timestamp", PythonTimes.contextTimestamp(event.recordedAt()));
        json.writeNullField("_context_quota_class");
        json.writeNullField("_context_user_name");
        json.writeArrayFieldStart("_context_service_catalog");
        json.writeEndArray();
        json.writeNullField("_context_project_name");
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    private static long micros(LoggedEvent event) {
        return java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, event.recordedAt());
    }
}
