package io.hyperstatus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.config.NotificationOptions;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.EventSubject;
import io.hyperstatus.core.events.Heartbeats;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.core.events.ZoneDisruption;
import io.hyperstatus.core.notifications.Notice;
import io.hyperstatus.core.notifications.NoticeKind;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Nova's service notifications, byte for byte as Nova 26 sent them through oslo.messaging 14. */
class NovaMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"messagingv2-service-create", "messagingv2-service-update-disable",
        "messagingv2-service-update-enable", "messagingv2-service-update-force-down",
        "messagingv2-service-update-disable-escaping", "messagingv2-service-delete", "messaging-service-create",
        "messaging-service-update-disable", "messaging-service-update-enable", "messaging-service-update-force-down",
        "messaging-service-update-disable-escaping", "messaging-service-delete"})
    void aChangeIsNotifiedByteForByteAsNovaNotifiesIt(String recordingName) {
        RecordedNovaMessage nova = RecordedNovaMessage.load(recordingName);
        LoggedEvent event = nova.asLoggedEvent(41);
        NoticeKind kind = switch (nova.message().get("event_type").asText()) {
            case "service.create" -> NoticeKind.SERVICE_CREATE;
            case "service.delete" -> NoticeKind.SERVICE_DELETE;
            default -> NoticeKind.SERVICE_UPDATE;
        };

        List<OutgoingMessage> ours = messages(nova.driver(), "versioned").of(new Notice(kind, event));

        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).routingKey()).isEqualTo(nova.recording().get("routing_key").asText());
        assertThat(ours.get(0).body()).isEqualTo(nova.withIdsOf(ours.get(0).body()));
    }

    @Test
    void theDetectorsContextIsTheAdministratorContextNovasServicesNotifyWith() throws Exception {
        JsonNode nova = RecordedNovaMessage.load("messagingv2-service-create-compute-startup").message();
        LoggedEvent wentDown = wentDown();

        JsonNode ours = message(messages("messagingv2", "versioned")
                .of(new Notice(NoticeKind.SERVICE_DOWN, wentDown)).get(0).body());

        assertThat(contextKeys(ours)).isEqualTo(contextKeys(nova));
        for (String key : contextKeys(nova)) {
            if (!key.equals("_context_request_id") && !key.equals("_context_timestamp")) {
                assertThat(ours.get(key)).as(key).isEqualTo(nova.get(key));
            }
        }
        assertThat(ours.get("_context_request_id").asText()).matches("req-[0-9a-f-]{36}");
    }

    @Test
    void aServiceGoingDownIsHyperstatusesOwnNotificationWithStateHeartbeatAndZone() throws Exception {
        JsonNode ours = message(messages("messagingv2", "versioned")
                .of(new Notice(NoticeKind.SERVICE_DOWN, wentDown())).get(0).body());

        assertThat(ours.get("event_type").asText()).isEqualTo("hyperstatus.service.down");
        assertThat(ours.get("publisher_id").asText()).isEqualTo("nova-compute:compute-7");
        assertThat(ours.get("payload")).isEqualTo(JSON.readTree("""
                {"nova_object.name": "ServiceLivenessPayload", "nova_object.namespace": "hyperstatus",
                 "nova_object.version": "1.0",
                 "nova_object.data": {"host": "compute-7", "binary": "nova-compute", "topic": "compute",
                   "report_count": 12, "disabled": false, "disabled_reason": null, "availability_zone": "az-2",
                   "last_seen_up": "2026-12-01T09:59:00Z", "forced_down": false, "version": 64,
                   "uuid": "8d1b2a3c-0000-4000-8000-000000000007", "state": "down",
                   "last_heartbeat": "2026-12-01T09:59:00Z", "state_changed_at": "2026-12-01T10:00:00Z",
                   "event_id": 9}}"""));
    }

    @Test
    void aZoneDisruptionIsPublishedByThisApiServerWithItsCounts() throws Exception {
        Instant time = Instant.parse("2026-12-01T10:00:00Z");
        LoggedEvent event = new LoggedEvent(10, time, time.plusMillis(3),
                EventRecord.ofZone(time, "az-2", new ZoneDisruption(3, 4)), null);

        JsonNode ours = message(messages("messagingv2", "versioned")
                .of(new Notice(NoticeKind.ZONE_DISRUPTED, event)).get(0).body());

        assertThat(ours.get("publisher_id").asText()).isEqualTo("nova-api:api-1");
        assertThat(ours.get("timestamp").asText()).isEqualTo("2026-12-01 10:00:00.003000");
        assertThat(ours.get("payload")).isEqualTo(JSON.readTree("""
                {"nova_object.name": "ZoneDisruptionPayload", "nova_object.namespace": "hyperstatus",
                 "nova_object.version": "1.0",
                 "nova_object.data": {"availability_zone": "az-2", "services_down": 3, "services": 4,
                   "disrupted_at": "2026-12-01T10:00:00Z", "event_id": 10}}"""));
    }

    @Test
    void unversionedMessagesAreOnlyHyperstatusesOwnWithAPlainPayloadOnTheLegacyTopic() throws Exception {
        NotificationMessages both = messages("messagingv2", "both");
        LoggedEvent down = wentDown();

        List<OutgoingMessage> messages = both.of(new Notice(NoticeKind.SERVICE_DOWN, down));
        List<OutgoingMessage> novas = both.of(new Notice(NoticeKind.SERVICE_UPDATE, down));

        assertThat(messages).extracting(OutgoingMessage::routingKey)
                .containsExactly("versioned_notifications.info", "notifications.info");
        assertThat(message(messages.get(1).body()).get("payload").get("state").asText()).isEqualTo("down");
        assertThat(novas).extracting(OutgoingMessage::routingKey).containsExactly("versioned_notifications.info");
    }

    @Test
    void aMessageSentAgainHasItsIdsButEachTopicItsOwn() throws Exception {
        NotificationOptions twoTopics = HyperstatusConfig.parse("""
                [oslo_messaging_notifications]
                driver = messagingv2
                [notifications]
                notification_format = versioned
                versioned_notifications_topics = versioned_notifications, audit
                """).notifications();
        NotificationMessages messages = new NotificationMessages(twoTopics, "api-1");
        Notice notice = new Notice(NoticeKind.SERVICE_DOWN, wentDown());

        List<OutgoingMessage> first = messages.of(notice);
        List<OutgoingMessage> again = messages.of(notice);

        assertThat(again).isEqualTo(first);
        assertThat(first.get(0).messageId()).isNotEqualTo(first.get(1).messageId())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    private static LoggedEvent wentDown() {
        Instant deadline = Instant.parse("2026-12-01T10:00:00Z");
        Instant heartbeat = Instant.parse("2026-12-01T09:59:00Z");
        EventSnapshot up = new EventSnapshot(ServiceState.UP, ServiceStatus.ENABLED, null, false);
        EventRecord record = EventRecord.ofService(EventKind.WENT_DOWN, deadline,
                new EventSubject(7, "8d1b2a3c-0000-4000-8000-000000000007", "compute-7", "nova-compute"), "az-2", up,
                up.withState(ServiceState.DOWN), io.hyperstatus.core.events.Actor.liveness(), heartbeat);
        return new LoggedEvent(9, deadline, deadline.plusMillis(250), record, new Heartbeats(12, heartbeat));
    }

    private static NotificationMessages messages(String driver, String format) {
        return new NotificationMessages(HyperstatusConfig.parse("[oslo_messaging_notifications]\ndriver = " + driver
                + "\n[notifications]\nnotification_format = " + format + "\n").notifications(), "api-1");
    }

    private static JsonNode message(String body) throws Exception {
        JsonNode parsed = JSON.readTree(body);
        return parsed.has("oslo.message") ? JSON.readTree(parsed.get("oslo.message").asText()) : parsed;
    }

    private static List<String> contextKeys(JsonNode message) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("_context_")) {
                keys.add(name);
            }
        }
        return keys;
    }
}
