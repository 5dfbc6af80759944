package io.hyperstatus.client.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events API's JSON, whole bodies as the contract gives them, read into records. */
class EventJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventService COMPUTE_17 = new EventService(7, "0c9a8e2e-5a43-4c5e-9c1e-3f4b1a2d7e90",
            "compute-17", "nova-compute");

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void aDisabledEventHasItsServiceBothSidesAndTheUser() throws Exception {
        Event event = EventJson.event(json("""
                {"id": 42, "kind": "disabled", "time": "2026-12-01T15:53:04.123456Z",
                 "recorded_at": "2026-12-01T15:53:04.223456Z",
                 "service": {"id": 7, "uuid": "0c9a8e2e-5a43-4c5e-9c1e-3f4b1a2d7e90", "host": "compute-17",
                             "binary": "nova-compute"},
                 "zone": "nova",
                 "before": {"state": "up", "status": "enabled", "disabled_reason": null, "forced_down": false},
                 "after":  {"state": "up", "status": "disabled", "disabled_reason": "rack 12 power", "forced_down": false},
                 "actor": {"kind": "user", "user_id": "admin", "project_id": "admin", "request_id": "req-1"},
                 "last_heartbeat": null, "zone_disruption": null}
                """));

        assertThat(event).isEqualTo(new Event(42, "disabled", Instant.parse("2026-12-01T15:53:04.123456Z"),
                Instant.parse("2026-12-01T15:53:04.223456Z"), COMPUTE_17, "nova",
                new EventState("up", "enabled", null, false), new EventState("up", "disabled", "rack 12 power", false),
                new EventActor("user", "admin", "admin", "req-1"), null, null));
        assertThat(event.change()).isEqualTo("up/enabled -> up/disabled");
        assertThat(event.reason()).isEqualTo("rack 12 power");
        assertThat(event.actor().label()).isEqualTo("admin");
    }

    @Test
    void aCreatedEventHasNoBeforeAndAWentDownItsLastHeartbeatAndTheLivenessActor() throws Exception {
        String service = "\"service\": {\"id\": 7, \"uuid\": \"0c9a8e2e-5a43-4c5e-9c1e-3f4b1a2d7e90\","
                + " \"host\": \"compute-17\", \"binary\": \"nova-compute\"}, \"zone\": \"nova\"";
        Event created = EventJson.event(json("{\"id\": 1, \"kind\": \"created\", \"time\": \"2026-12-01T10:00:00Z\","
                + " \"recorded_at\": \"2026-12-01T10:00:00Z\", " + service + ", \"before\": null,"
                + " \"after\": {\"state\": \"up\", \"status\": \"enabled\", \"disabled_reason\": null, \"forced_down\": false},"
                + " \"actor\": {\"kind\": \"agent\", \"user_id\": \"agent-17\", \"project_id\": null, \"request_id\": null},"
                + " \"last_heartbeat\": null, \"zone_disruption\": null}"));
        Event wentDown = EventJson.event(json("{\"id\": 2, \"kind\": \"went_down\", \"time\": \"2026-12-01T11:01:00Z\","
                + " \"recorded_at\": \"2026-12-01T11:01:00.5Z\", " + service + ","
                + " \"before\": {\"state\": \"up\", \"status\": \"enabled\", \"disabled_reason\": null, \"forced_down\": false},"
                + " \"after\": {\"state\": \"down\", \"status\": \"enabled\", \"disabled_reason\": null, \"forced_down\": false},"
                + " \"actor\": {\"kind\": \"liveness\", \"user_id\": null, \"project_id\": null, \"request_id\": null},"
                + " \"last_heartbeat\": \"2026-12-01T11:00:00Z\", \"zone_disruption\": null}"));

        assertThat(created.before()).isNull();
        assertThat(created.change()).isEqualTo("- -> up/enabled");
        assertThat(created.actor().label()).isEqualTo("agent (agent-17)");
        assertThat(wentDown.lastHeartbeat()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(wentDown.reason()).isEqualTo("last heartbeat 2026-12-01T11:00:00Z");
        assertThat(wentDown.actor()).isEqualTo(new EventActor("liveness", null, null, null));
        assertThat(wentDown.actor().label()).isEqualTo("liveness");
    }

    @Test
    void aZoneDisruptionHasNoServiceButTheCount() throws Exception {
        Event event = EventJson.event(json("""
                {"id": 9, "kind": "zone_disrupted", "time": "2026-12-01T12:00:00Z", "recorded_at": "2026-12-01T12:00:01Z",
                 "service": null, "zone": "az-rack12", "before": null, "after": null,
                 "actor": {"kind": "liveness", "user_id": null, "project_id": null, "request_id": null},
                 "last_heartbeat": null, "zone_disruption": {"down": 5, "services": 8}}
                """));

        assertThat(event.service()).isNull();
        assertThat(event.zoneDisruption()).isEqualTo(new ZoneDisruption(5, 8));
        assertThat(event.change()).isNull();
        assertThat(event.reason()).isEqualTo("5 of 8 services down in zone az-rack12");
    }

    @Test
    void availabilityHasItsFiguresAndPeriodsAnOpenOneWithoutEnd() throws Exception {
        Availability availability = EventJson.availability(json("""
                {"service": {"id": 7, "uuid": "0c9a8e2e-5a43-4c5e-9c1e-3f4b1a2d7e90", "host": "compute-17",
                             "binary": "nova-compute"},
                 "start": "2026-11-24T16:00:00Z", "end": "2026-12-01T16:00:00Z", "up_fraction": 0.9931,
                 "disabled_fraction": 0.0, "down_periods": 2, "longest_down_seconds": 300.0,
                 "periods": [{"start": "2026-11-25T10:00:00Z", "end": "2026-11-25T10:05:00Z", "seconds": 300.0},
                             {"start": "2026-12-01T15:58:00Z", "end": null, "seconds": 120.0}]}
                """));

        assertThat(availability).isEqualTo(new Availability(COMPUTE_17, Instant.parse("2026-11-24T16:00:00Z"),
                Instant.parse("2026-12-01T16:00:00Z"), 0.9931, 0.0, 2, 300.0, List.of(
                        new DownPeriod(Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T10:05:00Z"), 300.0),
                        new DownPeriod(Instant.parse("2026-12-01T15:58:00Z"), null, 120.0))));
    }

    @Test
    void aTimeWithAnOffsetIsTheSameInstant() throws Exception {
        Event event = EventJson.event(json("{\"id\": 3, \"kind\": \"enabled\", \"time\": \"2026-12-01T17:00:00+01:00\","
                + " \"actor\": {\"kind\": \"user\", \"user_id\": \"admin\"}}"));

        assertThat(event.time()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void aBodyOutsideTheContractIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EventJson.event(json("{\"id\": 3, \"time\": \"2026-12-01T16:00:00Z\","
                + " \"actor\": {\"kind\": \"user\"}}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"kind\"");
        assertThatThrownBy(() -> EventJson.event(json("{\"id\": \"x\", \"kind\": \"enabled\","
                + " \"time\": \"2026-12-01T16:00:00Z\", \"actor\": {\"kind\": \"user\"}}")))
                .hasMessageContaining("\"id\"");
        assertThatThrownBy(() -> EventJson.event(json("{\"id\": 3, \"kind\": \"enabled\", \"time\": \"yesterday\","
                + " \"actor\": {\"kind\": \"user\"}}"))).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> EventJson.event(json("{\"id\": 3, \"kind\": \"enabled\","
                + " \"time\": \"2026-12-01T16:00:00Z\"}"))).hasMessageContaining("actor");
    }
}
