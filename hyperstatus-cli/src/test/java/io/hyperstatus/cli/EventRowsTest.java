package io.hyperstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.client.events.Availability;
import io.hyperstatus.client.events.DownPeriod;
import io.hyperstatus.client.events.Event;
import io.hyperstatus.client.events.EventJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history table, the watch line and the availability summary, from event JSON as the API sends it. */
class EventRowsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SERVICE = "\"service\": {\"id\": 7, \"uuid\": \"0c9a8e2e-5a43-4c5e-9c1e-3f4b1a2d7e90\","
            + " \"host\": \"compute-17\", \"binary\": \"nova-compute\"}, \"zone\": \"nova\"";
    private static final String UP_ENABLED = "{\"state\": \"up\", \"status\": \"enabled\", \"disabled_reason\": null,"
            + " \"forced_down\": false}";
    private static final String ADMIN = "{\"kind\": \"user\", \"user_id\": \"admin\", \"project_id\": \"admin\","
            + " \"request_id\": \"req-1\"}";

    private static Event event(String json) throws Exception {
        return EventJson.event(MAPPER.readTree(json));
    }

    private static Event disabled() throws Exception {
        return event("{\"id\": 42, \"kind\": \"disabled\", \"time\": \"2026-12-01T15:53:04.123456Z\", " + SERVICE
                + ", \"before\": " + UP_ENABLED + ", \"after\": {\"state\": \"up\", \"status\": \"disabled\","
                + " \"disabled_reason\": \"rack 12 power\", \"forced_down\": false}, \"actor\": " + ADMIN + "}");
    }

    private static Event wentDown() throws Exception {
        return event("{\"id\": 43, \"kind\": \"went_down\", \"time\": \"2026-12-01T16:01:00Z\", " + SERVICE
                + ", \"before\": " + UP_ENABLED + ", \"after\": {\"state\": \"down\", \"status\": \"enabled\","
                + " \"disabled_reason\": null, \"forced_down\": false}, \"actor\": {\"kind\": \"liveness\"},"
                + " \"last_heartbeat\": \"2026-12-01T16:00:00Z\"}");
    }

    @Test
    void theHistoryTableHasTimeKindChangeReasonAndActorToTheSecond() throws Exception {
        String table = new OutputWriter(OutputFormat.table, false).render(EventRows.history(List.of(disabled(), wentDown())));

        assertThat(table).isEqualTo("""
                +----------------------+-----------+----------------------------+-------------------------------------+----------+
                | Time                 | Kind      | From -> To                 | Reason                              | Actor    |
                +----------------------+-----------+----------------------------+-------------------------------------+----------+
                | 2026-12-01T15:53:04Z | disabled  | up/enabled -> up/disabled  | rack 12 power                       | admin    |
                | 2026-12-01T16:01:00Z | went_down | up/enabled -> down/enabled | last heartbeat 2026-12-01T16:00:00Z | liveness |
                +----------------------+-----------+----------------------------+-------------------------------------+----------+
                """);
    }

    @Test
    void inJsonTheTimeKeepsItsMicroseconds() throws Exception {
        String json = new OutputWriter(OutputFormat.json, false).render(EventRows.history(List.of(disabled())));

        assertThat(MAPPER.readTree(json).get(0).get("Time").asText()).isEqualTo("2026-12-01T15:53:04.123456Z");
    }

    @Test
    void inJsonATimeHasItsSixDigitsEvenWhenTheyEndInZeros() throws Exception {
        Event event = event("{\"id\": 1, \"kind\": \"enabled\", \"time\": \"2026-12-01T15:53:04.120000Z\","
                + " \"actor\": " + ADMIN + "}");

        String json = new OutputWriter(OutputFormat.json, false).render(EventRows.history(List.of(event)));

        assertThat(MAPPER.readTree(json).get(0).get("Time").asText()).isEqualTo("2026-12-01T15:53:04.120000Z");
    }

    @Test
    void aWatchLineReadsAsASentence() throws Exception {
        assertThat(EventRows.line(disabled())).isEqualTo(
                "2026-12-01T15:53:04Z #42 disabled compute-17/nova-compute up/enabled -> up/disabled (rack 12 power) by admin");
        assertThat(EventRows.line(event("{\"id\": 50, \"kind\": \"zone_disrupted\", \"time\": \"2026-12-01T17:00:00Z\","
                + " \"service\": null, \"zone\": \"az1\", \"actor\": {\"kind\": \"liveness\"},"
                + " \"zone_disruption\": {\"down\": 5, \"services\": 8}}"))).isEqualTo(
                "2026-12-01T17:00:00Z #50 zone_disrupted zone az1 (5 of 8 services down in zone az1) by liveness");
    }

    private static Availability availability(double up, int outages, double longest) {
        List<DownPeriod> periods = outages == 0 ? List.of()
                : List.of(new DownPeriod(Instant.parse("2026-11-30T10:00:00Z"), null, longest));
        return new Availability(null, Instant.parse("2026-11-24T16:00:00Z"), Instant.parse("2026-12-01T16:00:00Z"), up,
                0, outages, longest, periods);
    }

    @Test
    void theSummaryGivesTheShareUpTheOutagesAndTheLongest() {
        assertThat(EventRows.summary(availability(0.9931, 2, 300), "7 days"))
                .isEqualTo("up 99.31 % of the last 7 days, 2 outages, the longest 5m");
        assertThat(EventRows.summary(availability(0.99, 1, 7530), "7 days"))
                .isEqualTo("up 99 % of the last 7 days, 1 outage, the longest 2h 5m");
        assertThat(EventRows.summary(availability(1.0, 0, 0), "7 days"))
                .isEqualTo("up 100 % of the last 7 days, 0 outages");
    }

    @Test
    void aShortOutageNeverRoundsUpToAHundredPercent() {
        assertThat(EventRows.percent(0.99999)).isEqualTo("99.99");
        assertThat(EventRows.percent(0.0)).isEqualTo("0");
    }

    @Test
    void spansUseTheTwoLargestUnits() {
        assertThat(EventRows.span(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(EventRows.span(Duration.ofSeconds(330))).isEqualTo("5m 30s");
        assertThat(EventRows.span(Duration.ofHours(76).plusMinutes(3))).isEqualTo("3d 4h");
        assertThat(EventRows.span(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void timesAreIsoDatesOrSpansBackFromNow() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T16:00:00Z"), ZoneOffset.UTC);

        assertThat(TimeArgument.parse("24h", clock)).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(TimeArgument.parse("7d", clock)).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
        assertThat(TimeArgument.parse("2026-12-01T15:00:00+01:00", clock)).isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(TimeArgument.parse("2026-12-01T15:00", clock)).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(TimeArgument.parse("2026-12-01", clock)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThatThrownBy(() -> TimeArgument.parse("yesterday", clock)).hasMessageStartingWith("invalid time 'yesterday'");
    }
}
