package io.hyperstatus.launcher;

import static io.hyperstatus.launcher.CliProcess.failed;
import static io.hyperstatus.launcher.CliProcess.json;
import static io.hyperstatus.launcher.CliProcess.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code service history}, {@code event list} and {@code event watch} as an operator runs them: a real
 * {@code hyperstatus} process against a real server, whose event log the changes of these tests fill (the
 * services register through the agent interface, the changes go through the CLI).
 */
class EventCliSpec {
    /** Times are those of the run; a table is compared with each second-precise time in this placeholder. */
    private static final String TIME = "YYYY-MM-DDThh:mm:ssZ";

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start();
        server.seedService("compute-1", "nova-compute");
        server.seedService("compute-2", "nova-compute");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private CliProcess.Result admin(String... args) throws Exception {
        return CliProcess.against(server.baseUrl(), TestServer.ADMIN, args);
    }

    private static String masked(String text) {
        return text.replaceAll("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", TIME);
    }

    /** Disables compute-1, forces it down and up again, and enables it: four changes by the admin. */
    private void maintenanceOfCompute1() throws Exception {
        succeeded(admin("service", "disable", "compute-1", "--reason", "rack 12 power"));
        succeeded(admin("service", "force-down", "compute-1"));
        succeeded(admin("service", "force-down", "compute-1", "--unset"));
        succeeded(admin("service", "enable", "compute-1"));
    }

    private long lastEventId() throws Exception {
        JsonNode newest = json(admin("event", "list", "--limit", "1", "-f", "json"));
        return newest.get(0).get("ID").asLong();
    }

    @Test
    void historyIsEveryChangeOldestFirstWithTheAvailabilityOfTheLastWeek() throws Exception {
        maintenanceOfCompute1();

        CliProcess.Result result = succeeded(admin("service", "history", "compute-1"));

        List<String> lines = result.stdout().lines().toList();
        assertThat(masked(String.join("\n", lines.subList(0, lines.size() - 1)) + "\n")).isEqualTo("""
                +----------------------+-------------+------------------------------+---------------+-------------------+
                | Time                 | Kind        | From -> To                   | Reason        | Actor             |
                +----------------------+-------------+------------------------------+---------------+-------------------+
                | YYYY-MM-DDThh:mm:ssZ | created     | - -> up/enabled              | -             | agent (simulator) |
                | YYYY-MM-DDThh:mm:ssZ | disabled    | up/enabled -> up/disabled    | rack 12 power | admin             |
                | YYYY-MM-DDThh:mm:ssZ | forced_down | up/disabled -> down/disabled | rack 12 power | admin             |
                | YYYY-MM-DDThh:mm:ssZ | forced_up   | down/disabled -> up/disabled | rack 12 power | admin             |
                | YYYY-MM-DDThh:mm:ssZ | enabled     | up/disabled -> up/enabled    | -             | admin             |
                +----------------------+-------------+------------------------------+---------------+-------------------+
                """);
        // Forced down is down: one outage, as long as the two calls between forcing and lifting it took.
        assertThat(lines.get(lines.size() - 1))
                .matches("up [0-9]+(\\.[0-9]+)? % of the last 7 days, 1 outage, the longest [0-9]+s");
    }

    @Test
    void historyFiltersByKindAndTimeAndInJsonKeepsTheMicroseconds() throws Exception {
        maintenanceOfCompute1();

        JsonNode kinds = json(admin("service", "history", "compute-1", "nova-compute", "--kind", "disabled",
                "--kind", "enabled", "-f", "json"));
        assertThat(kinds).extracting(row -> row.get("Kind").asText()).containsExactly("disabled", "enabled");
        assertThat(kinds.get(0).get("Time").asText()).matches("[0-9T:.-]+\\.[0-9]{6}Z");

        JsonNode lastHour = json(admin("service", "history", "compute-1", "--since", "1h", "-f", "json"));
        assertThat(lastHour).hasSize(5);
        JsonNode future = json(admin("service", "history", "compute-1", "--since", "2999-01-01", "-f", "json"));
        assertThat(future).isEmpty();
    }

    @Test
    void aDeletedServiceKeepsItsHistoryAndItsFigures() throws Exception {
        succeeded(admin("service", "delete", server.serviceUuid("compute-2", "nova-compute")));

        List<String> lines = succeeded(admin("service", "history", "compute-2")).stdout().lines().toList();

        assertThat(lines.subList(3, 5)).extracting(line -> masked(line).replaceAll(" +", " ")).containsExactly(
                "| YYYY-MM-DDThh:mm:ssZ | created | - -> up/enabled | - | agent (simulator) |",
                "| YYYY-MM-DDThh:mm:ssZ | deleted | up/enabled -> - | - | admin |");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("up 100 % of the last 7 days, 0 outages");
    }

    @Test
    void historyOfAServiceThatNeverExistedIsNotFound() throws Exception {
        CliProcess.Result result = admin("service", "history", "compute-9");

        failed(result, 1, "hyperstatus: Service compute-9/nova-compute could not be found. (HTTP 404)\n");
    }

    @Test
    void eventListIsNewestFirstAndOldestFirstAfterACursorWithEveryFilter() throws Exception {
        long before = lastEventId();
        maintenanceOfCompute1();
        succeeded(admin("service", "disable", "compute-2", "--reason", "disk"));

        JsonNode newest = json(admin("event", "list", "--limit", "2", "-f", "json"));
        assertThat(newest).extracting(row -> row.get("Kind").asText() + " " + row.get("Host").asText())
                .containsExactly("disabled compute-2", "enabled compute-1");

        JsonNode afterCursor = json(admin("event", "list", "--since-id", Long.toString(before), "-f", "json"));
        assertThat(afterCursor).extracting(row -> row.get("ID").asLong())
                .containsExactly(before + 1, before + 2, before + 3, before + 4, before + 5);

        JsonNode compute2 = json(admin("event", "list", "--host", "compute-2", "--binary", "nova-compute", "-f", "json"));
        assertThat(compute2).extracting(row -> row.get("Kind").asText()).containsExactly("disabled", "created");
        assertThat(compute2.get(0).get("Reason").asText()).isEqualTo("disk");

        JsonNode forced = json(admin("event", "list", "--kind", "forced_down,forced_up", "-f", "json"));
        assertThat(forced).extracting(row -> row.get("Kind").asText()).containsExactly("forced_up", "forced_down");

        JsonNode byAgent = json(admin("event", "list", "--actor", "agent", "-f", "json"));
        assertThat(byAgent).extracting(row -> row.get("Kind").asText()).containsExactly("created", "created");
        JsonNode byAdmin = json(admin("event", "list", "--actor", "admin", "--changes-since", "1h", "-f", "json"));
        assertThat(byAdmin).hasSize(5);
        assertThat(json(admin("event", "list", "--changes-before", "2000-01-01", "-f", "json"))).isEmpty();

        assertThat(succeeded(admin("event", "list", "--host", "compute-2", "-c", "Kind", "-c", "Actor", "-f", "value"))
                .stdout()).isEqualTo("disabled admin\ncreated agent (simulator)\n");
    }

    @Test
    void badFiltersAreUsageErrorsOrTheServersRefusal() throws Exception {
        CliProcess.Result badTime = admin("event", "list", "--changes-since", "yesterday");
        assertThat(badTime.exitCode()).isEqualTo(2);
        assertThat(badTime.stderr()).startsWith("hyperstatus: --changes-since: invalid time 'yesterday'");

        CliProcess.Result badLimit = admin("event", "list", "--limit", "0");
        assertThat(badLimit.exitCode()).isEqualTo(2);

        CliProcess.Result badKind = admin("event", "list", "--kind", "exploded");
        assertThat(badKind.exitCode()).isEqualTo(1);
        assertThat(badKind.stderr()).startsWith("hyperstatus: ").contains("(HTTP 400)").doesNotContain("Exception");

        CliProcess.Result member = CliProcess.against(server.baseUrl(), TestServer.MEMBER, "event", "list");
        failed(member, 1,
                "hyperstatus: Policy doesn't allow hyperstatus:events:list to be performed. (HTTP 403)\n");

        CliProcess.Result watchRefused = CliProcess.against(server.baseUrl(), TestServer.MEMBER, "event", "watch");
        failed(watchRefused, 1,
                "hyperstatus: Policy doesn't allow hyperstatus:events:stream to be performed. (HTTP 403)\n");
    }

    @Test
    void watchPrintsEachEventAsItIsCommittedResumesAcrossAServerRestartAndEndsCleanlyOnCtrlC() throws Exception {
        long before = lastEventId();
        try (CliProcess.Running watch = CliProcess.start(server.baseUrl(), TestServer.ADMIN, "event", "watch",
                "--host", "compute-1", "--since-id", Long.toString(before))) {
            succeeded(admin("service", "disable", "compute-1", "--reason", "rack 12 power"));
            watch.awaitLines(1);
            // Not of compute-1: filtered out.
            succeeded(admin("service", "disable", "compute-2"));

            String database = server.databaseUrl();
            int port = server.port();
            server.close();
            watch.awaitStderr("lost the event stream");
            server = TestServer.start(database, port, "");
            // Committed while the watch is (most likely) still away: it must come on the resume.
            succeeded(admin("service", "force-down", "compute-1"));
            watch.awaitStderr("event stream resumed after event " + (before + 1));
            succeeded(admin("service", "enable", "compute-1"));
            watch.awaitLines(3);

            int status = watch.interrupt();

            List<String> lines = watch.stdout().lines().map(EventCliSpec::masked).toList();
            assertThat(lines).containsExactly(
                    TIME + " #" + (before + 1) + " disabled compute-1/nova-compute up/enabled -> up/disabled"
                            + " (rack 12 power) by admin",
                    TIME + " #" + (before + 3) + " forced_down compute-1/nova-compute up/disabled -> down/disabled"
                            + " (rack 12 power) by admin",
                    TIME + " #" + (before + 4) + " enabled compute-1/nova-compute down/disabled -> down/enabled"
                            + " by admin");
            assertThat(status).as(watch.stderr()).isZero();
            assertThat(watch.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void watchInJsonPrintsEachEventAsTheServerSentIt() throws Exception {
        long before = lastEventId();
        try (CliProcess.Running watch = CliProcess.start(server.baseUrl(), TestServer.ADMIN, "event", "watch",
                "--since-id", Long.toString(before), "--kind", "disabled", "-f", "json")) {
            succeeded(admin("service", "force-down", "compute-2"));
            succeeded(admin("service", "disable", "compute-2", "--reason", "disk"));
            watch.awaitLines(1);

            assertThat(watch.interrupt()).isZero();
            JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(watch.stdout());
            assertThat(event.get("id").asLong()).isEqualTo(before + 2);
            assertThat(event.get("kind").asText()).isEqualTo("disabled");
            assertThat(event.get("after").get("disabled_reason").asText()).isEqualTo("disk");
            assertThat(watch.stdout().lines()).hasSize(1);
        }
    }
}
