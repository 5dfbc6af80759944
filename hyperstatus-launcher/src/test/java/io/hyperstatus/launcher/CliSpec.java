package io.hyperstatus.launcher;

import static io.hyperstatus.launcher.CliProcess.failed;
import static io.hyperstatus.launcher.CliProcess.json;
import static io.hyperstatus.launcher.CliProcess.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHosts;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator commands as a user runs them: a real {@code hyperstatus} process against a real server seeded with
 * {@link ThreeHosts} (compute-0001 up and enabled; compute-0002 disabled for "maintenance" and forced down;
 * compute-0003 the Ironic node bm-node-0003, up and enabled).
 */
class CliSpec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NODE1 = ThreeHosts.NODE1;
    private static final String NODE2 = ThreeHosts.NODE2;
    private static final String NODE3 = ThreeHosts.NODE3;

    @RegisterExtension
    static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;

    /** Runs against the server as the admin, the way most tests do. */
    private CliProcess.Result admin(String... args) throws Exception {
        return as(TestServer.ADMIN, args);
    }

    private CliProcess.Result as(String token, String... args) throws Exception {
        return CliProcess.against(server.baseUrl(), token, args);
    }

    private static JsonNode row(JsonNode rows, String column, String value) {
        for (JsonNode row : rows) {
            if (row.path(column).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + column + " = " + value + " in " + rows);
    }

    @Test
    void hypervisorListPrintsAnAlignedTableWithoutColourIntoAPipe() throws Exception {
        CliProcess.Result result = succeeded(admin("hypervisor", "list"));
        assertThat(result.stdout()).isEqualTo("""
                +--------------------------------------+--------------------------+-------+----------+
                | ID                                   | Hypervisor Hostname      | State | Status   |
                +--------------------------------------+--------------------------+-------+----------+
                | 31bfbb40-558b-58b7-9d75-86cda558a1ce | compute-0001.example.org | up    | enabled  |
                | 7c3cfce4-eca0-5adc-ac5b-995d327d9d40 | compute-0002.example.org | down  | disabled |
                | 2f30eaac-f9de-5316-9aef-2b38ee78aac9 | bm-node-0003             | up    | enabled  |
                +--------------------------------------+--------------------------+-------+----------+
                """);
        assertThat(result.stdout()).doesNotContain("\u001b[");
    }

    @Test
    void jsonIsAListOfObjectsKeyedByColumnName() throws Exception {
        JsonNode rows = json(admin("hypervisor", "list", "-f", "json"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).isEqualTo(MAPPER.readTree("{\"ID\": \"" + NODE2 + "\", \"Hypervisor Hostname\": "
                + "\"compute-0002.example.org\", \"State\": \"down\", \"Status\": \"disabled\"}"));
        JsonNode yaml = MAPPER.readTree(new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(succeeded(admin("hypervisor", "list", "-f", "yaml")).stdout()).toString());
        assertThat(yaml).isEqualTo(rows);
    }

    @Test
    void columnsChosenWithDashCInCsvAndValueFormats() throws Exception {
        assertThat(succeeded(admin("hypervisor", "list", "-c", "Hypervisor Hostname", "-c", "State", "-f", "csv")).stdout())
                .isEqualTo("""
                        "Hypervisor Hostname","State"
                        "compute-0001.example.org","up"
                        "compute-0002.example.org","down"
                        "bm-node-0003","up"
                        """);
        assertThat(succeeded(admin("hypervisor", "list", "-c", "ID", "-c", "Status", "-f", "value")).stdout())
                .isEqualTo(NODE1 + " enabled\n" + NODE2 + " disabled\n" + NODE3 + " enabled\n");
    }

    @Test
    void matchingFiltersByHostnameAtEveryMicroversion() throws Exception {
        assertThat(succeeded(admin("hypervisor", "list", "--matching", "0002", "-f", "value", "-c", "ID")).stdout())
                .isEqualTo(NODE2 + "\n");
        // Below 2.53 through the search route, and each match's details shown for --long.
        assertThat(succeeded(admin("hypervisor", "list", "--matching", "compute", "--long", "--os-compute-api-version",
                "2.52", "-f", "value", "-c", "Hypervisor Hostname", "-c", "vCPUs")).stdout())
                .isEqualTo("compute-0001.example.org 32\ncompute-0002.example.org 32\n");
    }

    @Test
    void unknownColumnIsAUsageError() throws Exception {
        CliProcess.Result result = admin("hypervisor", "list", "-c", "Colour");
        failed(result, 2, "hyperstatus: no column 'Colour'; the columns are: ID, Hypervisor Hostname, "
                + "State, Status (see 'hyperstatus hypervisor list --help')\n");
    }

    @Test
    void longListingAtAnOlderMicroversionHasTheResourceNumbers() throws Exception {
        JsonNode rows = json(admin("hypervisor", "list", "--long", "--os-compute-api-version", "2.87", "-f", "json"));
        JsonNode ironic = row(rows, "ID", NODE3);
        assertThat(ironic.get("vCPUs").asInt()).isEqualTo(48);
        assertThat(ironic.get("Memory MB Used").asInt()).isEqualTo(512);
        assertThat(ironic.get("Hypervisor Type").asText()).isEqualTo("ironic");
        assertThat(row(rows, "ID", NODE2).get("Disabled Reason").asText()).isEqualTo("maintenance");
        // From 2.88 the resource fields are gone from the API, so are their columns.
        JsonNode latest = json(admin("hypervisor", "list", "--long", "-f", "json"));
        assertThat(latest.get(0).has("vCPUs")).isFalse();
        assertThat(row(latest, "ID", NODE1).get("Host IP").asText()).isEqualTo("192.0.2.11");
    }

    @Test
    void unreachableServerIsOneLineNamingTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        CliProcess.Result result = CliProcess.run(Map.of(),
                List.of("hypervisor", "list", "--os-endpoint", url, "--os-token", TestServer.ADMIN));
        failed(result, 1, "hyperstatus: cannot reach " + url + ": connection refused\n");
    }

    @Test
    void withoutATokenTheServersRefusalIsExplained() throws Exception {
        CliProcess.Result result = as(null, "hypervisor", "list");
        failed(result, 1, "hyperstatus: The request you have made requires authentication. "
                + "(HTTP 401; give a token with --os-token or OS_TOKEN)\n");
    }

    @Test
    void nonAdminIsToldWhichPolicyRefused() throws Exception {
        CliProcess.Result result = as(TestServer.MEMBER, "hypervisor", "list");
        failed(result, 1,
                "hyperstatus: Policy doesn't allow os_compute_api:os-hypervisors:list to be performed. (HTTP 403)\n");
        assertThat(result.stderr()).doesNotContain("Exception");
    }

    @Test
    void connectionOptionsMayStandBeforeTheCommandAsWithTheStandardClients() throws Exception {
        CliProcess.Result beforeEverything = CliProcess.run(Map.of(), List.of("--os-endpoint", server.baseUrl(),
                "--os-token", TestServer.MEMBER, "hypervisor", "list"));
        assertThat(beforeEverything.stderr()).contains("os_compute_api:os-hypervisors:list");
        CliProcess.Result betweenGroupAndCommand = CliProcess.run(Map.of(), List.of("--os-endpoint", server.baseUrl(),
                "hypervisor", "--os-token", TestServer.ADMIN, "list", "-f", "value", "-c", "State"));
        assertThat(succeeded(betweenGroupAndCommand).stdout()).isEqualTo("up\ndown\nup\n");
        CliProcess.Result ownValueWins = CliProcess.run(Map.of(), List.of("--os-token", TestServer.MEMBER,
                "hypervisor", "list", "--os-endpoint", server.baseUrl(), "--os-token", TestServer.ADMIN, "-f", "value",
                "-c", "Status"));
        assertThat(succeeded(ownValueWins).stdout()).isEqualTo("enabled\ndisabled\nenabled\n");
    }

    @Test
    void unknownHypervisorOrServiceIsNotFound() throws Exception {
        CliProcess.Result show = admin("hypervisor", "show", "00000000-0000-4000-8000-000000000000");
        failed(show, 1,
                "hyperstatus: No hypervisor with a name or ID of '00000000-0000-4000-8000-000000000000' exists.\n");
        CliProcess.Result delete = admin("service", "delete", "00000000-0000-4000-8000-000000000000");
        failed(delete, 1,
                "hyperstatus: Service 00000000-0000-4000-8000-000000000000 not found. (HTTP 404)\n");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        CliProcess.Result result = admin("hypervisor", "list", "--matching", "compute", "--limit", "1");
        failed(result, 2, "hyperstatus: --matching cannot be combined with --limit or --marker "
                + "(see 'hyperstatus hypervisor list --help')\n");
        assertThat(admin("hypervisor", "lst").exitCode()).isEqualTo(2);
    }

    @Test
    void everyPageIsListedWhenTheServerPagesByTwo() throws Exception {
        try (TestServer pagingByTwo = TestServer.start("[api]\nmax_limit = 2\n")) {
            ThreeHosts.seed(pagingByTwo);
            server = pagingByTwo;
            assertEveryPageListed();
        }
    }

    private void assertEveryPageListed() throws Exception {
        // Connection from the environment, as an operator's openrc sets it.
        CliProcess.Result all = succeeded(CliProcess.run(
                Map.of("OS_ENDPOINT", server.baseUrl() + "/v2.1/", "OS_TOKEN", TestServer.ADMIN),
                List.of("hypervisor", "list", "-f", "value", "-c", "ID")));
        assertThat(all.stdout()).isEqualTo(NODE1 + "\n" + NODE2 + "\n" + NODE3 + "\n");
        assertThat(succeeded(admin("hypervisor", "list", "--long", "-f", "value", "-c", "ID")).stdout())
                .isEqualTo(all.stdout());
        assertThat(succeeded(admin("hypervisor", "list", "--limit", "1", "--marker", NODE1, "-f", "value", "-c", "ID"))
                .stdout()).isEqualTo(NODE2 + "\n");
    }

    @Test
    void showFindsAHypervisorByItsHostname() throws Exception {
        CliProcess.Result result = succeeded(admin("hypervisor", "show", "compute-0002.example.org"));
        assertThat(result.stdout())
                .contains("| Property                | Value ")
                .containsPattern("\\| id +\\| " + NODE2 + " +\\|")
                .containsPattern("\\| service_disabled_reason +\\| maintenance +\\|")
                .containsPattern("\\| state +\\| down +\\|");
        JsonNode atOlderVersion = json(admin("hypervisor", "show", "bm-node-0003", "--os-compute-api-version", "2.53",
                "-f", "json"));
        assertThat(atOlderVersion.get("id").asText()).isEqualTo(NODE3);
        assertThat(atOlderVersion.get("vcpus").asInt()).isEqualTo(48);
        assertThat(atOlderVersion.get("service_host").asText()).isEqualTo("compute-0003");
        JsonNode byId = json(admin("hypervisor", "show", NODE1, "-f", "json", "-c", "hypervisor_hostname"));
        assertThat(byId).isEqualTo(MAPPER.readTree("{\"hypervisor_hostname\": \"compute-0001.example.org\"}"));
    }

    @Test
    void disableWithAReasonShowsInTheLongListingAndEnableClearsIt() throws Exception {
        CliProcess.Result disabled = succeeded(admin("service", "disable", "compute-0001", "--reason", "rack 12 power",
                "-f", "json"));
        assertThat(json(disabled).get(0).get("Disabled Reason").asText()).isEqualTo("rack 12 power");
        JsonNode service = json(admin("service", "list", "--long", "--host", "compute-0001", "-f", "json")).get(0);
        assertThat(service.get("Status").asText()).isEqualTo("disabled");
        assertThat(service.get("Disabled Reason").asText()).isEqualTo("rack 12 power");
        assertThat(service.get("Forced Down").asBoolean()).isFalse();
        assertThat(row(json(admin("hypervisor", "list", "--long", "-f", "json")), "ID", NODE1).get("Disabled Reason")
                .asText()).isEqualTo("rack 12 power");

        succeeded(admin("service", "enable", "compute-0001"));
        JsonNode enabled = json(admin("service", "list", "--long", "--host", "compute-0001", "-f", "json")).get(0);
        assertThat(enabled.get("Status").asText()).isEqualTo("enabled");
        assertThat(enabled.get("Disabled Reason").isNull()).isTrue();
    }

    @Test
    void beforeTwoFiftyThreeTheActionRoutesDoTheSame() throws Exception {
        CliProcess.Result disabled = succeeded(admin("service", "disable", "compute-0003", "--reason", "firmware",
                "--os-compute-api-version", "2.52", "-f", "csv"));
        assertThat(disabled.stdout()).isEqualTo("""
                "Host","Binary","Status","Disabled Reason"
                "compute-0003","nova-compute","disabled","firmware"
                """);
        assertThat(succeeded(admin("service", "list", "--long", "--binary", "nova-compute", "-c", "Host",
                "-c", "Disabled Reason", "-f", "value")).stdout())
                .isEqualTo("compute-0001 -\ncompute-0002 maintenance\ncompute-0003 firmware\n");
    }

    @Test
    void forceDownTurnsTheHypervisorDownAndUnsetBringsItBack() throws Exception {
        succeeded(admin("service", "force-down", "compute-0003"));
        assertThat(row(json(admin("hypervisor", "list", "-f", "json")), "ID", NODE3).get("State").asText())
                .isEqualTo("down");
        succeeded(admin("service", "force-down", "compute-0003", "--unset"));
        assertThat(row(json(admin("hypervisor", "list", "-f", "json")), "ID", NODE3).get("State").asText())
                .isEqualTo("up");
    }

    @Test
    void statisticsUptimeAndServers() throws Exception {
        // The server offers 2.104, where statistics no longer exist: the CLI asks at 2.87 unless told a version.
        JsonNode statistics = json(admin("hypervisor", "stats", "-f", "json"));
        assertThat(statistics.get("count").asInt()).isEqualTo(2);
        CliProcess.Result removed = admin("hypervisor", "stats", "--os-compute-api-version", "2.88");
        assertThat(removed.exitCode()).isEqualTo(1);
        assertThat(removed.stderr()).startsWith("hyperstatus: Hypervisor statistics were removed");

        JsonNode uptime = json(admin("hypervisor", "uptime", "compute-0001.example.org", "-f", "json"));
        assertThat(uptime.get("uptime").asText()).isEqualTo(ThreeHosts.UPTIME1);
        assertThat(json(admin("hypervisor", "uptime", "compute-0001.example.org", "--os-compute-api-version", "2.87",
                "-f", "json")).get("uptime").asText()).isEqualTo(ThreeHosts.UPTIME1);

        assertThat(succeeded(admin("hypervisor", "servers", "compute-0001", "-f", "value", "-c", "Name")).stdout())
                .isEqualTo("instance-00000001\ninstance-00000002\n");
    }

    @Test
    void bashCompletionScriptCoversTheCommands() throws Exception {
        CliProcess.Result result = succeeded(CliProcess.run(Map.of(), List.of("completion", "bash")));
        assertThat(result.stdout()).startsWith("#!/usr/bin/env bash").contains("hypervisor").contains("force-down")
                .contains("aggregate").contains("availability-zone");
    }
}
