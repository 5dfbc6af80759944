package io.hyperstatus.launcher;

import static io.hyperstatus.launcher.CliProcess.failed;
import static io.hyperstatus.launcher.CliProcess.json;
import static io.hyperstatus.launcher.CliProcess.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.ThreeHosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hyperstatus aggregate ...} and {@code hyperstatus availability-zone list} as an operator runs them: a real
 * process against a real server seeded with {@link ThreeHosts} (compute-0001 with instances, compute-0002 disabled,
 * compute-0003 up and enabled without instances; a nova-scheduler on controller).
 */
class AggregateCliSpec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}";

    private TestServer server;

    @BeforeEach
    void startServer() {
        server = TestServer.start();
        ThreeHosts.seed(server);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CliProcess.Result admin(String... args) throws Exception {
        return as(TestServer.ADMIN, args);
    }

    private CliProcess.Result as(String token, String... args) throws Exception {
        return CliProcess.against(server.baseUrl(), token, args);
    }

    private String zoneOf(String host) throws Exception {
        return succeeded(admin("service", "list", "--host", host, "-c", "Zone", "-f", "value")).stdout().strip();
    }

    @Test
    void anAggregateFromCreationToDeletion() throws Exception {
        JsonNode created = json(admin("aggregate", "create", "rack-1", "--zone", "az1", "-f", "json"));
        assertThat(created.get("name").asText()).isEqualTo("rack-1");
        assertThat(created.get("availability_zone").asText()).isEqualTo("az1");
        assertThat(created.get("hosts")).isEqualTo(MAPPER.readTree("[]"));
        assertThat(created.get("properties")).isEqualTo(MAPPER.readTree("{}"));
        assertThat(created.get("created_at").asText()).matches(TIMESTAMP);
        assertThat(created.get("uuid").asText()).hasSize(36);
        long id = created.get("id").asLong();

        JsonNode added = json(admin("aggregate", "add", "host", "rack-1", "compute-0003", "-f", "json"));
        assertThat(added.get("hosts")).isEqualTo(MAPPER.readTree("[\"compute-0003\"]"));
        assertThat(zoneOf("compute-0003")).isEqualTo("az1");
        assertThat(zoneOf("compute-0001")).isEqualTo("nova");

        CliProcess.Result table = succeeded(admin("aggregate", "show", "rack-1"));
        assertThat(table.stdout())
                .contains("| Property          | Value ")
                .containsPattern("\\| availability_zone \\| az1 +\\|")
                .containsPattern("\\| hosts +\\| compute-0003 +\\|")
                .containsPattern("\\| id +\\| " + id + " +\\|")
                // The zone has its own field: it is no property, as in python-openstackclient.
                .containsPattern("\\| properties +\\| +\\|");
        JsonNode byId = json(admin("aggregate", "show", String.valueOf(id), "-f", "json"));
        assertThat(byId.get("name").asText()).isEqualTo("rack-1");
        assertThat(byId.get("hosts")).isEqualTo(MAPPER.readTree("[\"compute-0003\"]"));
        assertThat(byId.get("properties")).isEqualTo(MAPPER.readTree("{}"));

        assertThat(succeeded(admin("aggregate", "list")).stdout()).isEqualTo("""
                +----+--------+-------------------+
                | ID | Name   | Availability Zone |
                +----+--------+-------------------+
                | %d  | rack-1 | az1               |
                +----+--------+-------------------+
                """.formatted(id));

        assertThat(succeeded(admin("aggregate", "set", "rack-1", "--property", "ssd=true", "--property", "gpu=a100"))
                .stdout()).isEmpty();
        assertThat(succeeded(admin("aggregate", "list", "--long", "-f", "value")).stdout())
                .isEqualTo(id + " rack-1 az1 gpu='a100', ssd='true' compute-0003\n");
        JsonNode listed = json(admin("aggregate", "list", "--long", "-f", "json")).get(0);
        assertThat(listed.get("Properties")).isEqualTo(MAPPER.readTree("{\"ssd\": \"true\", \"gpu\": \"a100\"}"));
        assertThat(listed.get("Hosts")).isEqualTo(MAPPER.readTree("[\"compute-0003\"]"));

        succeeded(admin("aggregate", "unset", "rack-1", "--property", "gpu"));
        assertThat(json(admin("aggregate", "show", "rack-1", "-f", "json", "-c", "properties")))
                .isEqualTo(MAPPER.readTree("{\"properties\": {\"ssd\": \"true\"}}"));

        // compute-0003 has no instances, so its aggregate may move it to another zone.
        succeeded(admin("aggregate", "set", "rack-1", "--name", "rack-one", "--zone", "az2"));
        assertThat(zoneOf("compute-0003")).isEqualTo("az2");
        assertThat(succeeded(admin("aggregate", "list", "-f", "csv")).stdout())
                .isEqualTo("\"ID\",\"Name\",\"Availability Zone\"\n" + id + ",\"rack-one\",\"az2\"\n");

        JsonNode removed = json(admin("aggregate", "remove", "host", "rack-one", "compute-0003", "-f", "json"));
        assertThat(removed.get("hosts")).isEqualTo(MAPPER.readTree("[]"));
        assertThat(zoneOf("compute-0003")).isEqualTo("nova");

        assertThat(succeeded(admin("aggregate", "delete", "rack-one")).stdout()).isEmpty();
        assertThat(json(admin("aggregate", "list", "-f", "json"))).isEqualTo(MAPPER.readTree("[]"));
    }

    @Test
    void createWithPropertiesAndSetNoPropertyKeepsTheZone() throws Exception {
        JsonNode created = json(admin("aggregate", "create", "gpu-hosts", "--zone", "az1", "--property", "gpu=a100",
                "--property", "pci=passthrough", "-f", "json"));
        assertThat(created.get("properties")).isEqualTo(MAPPER.readTree("{\"gpu\": \"a100\", \"pci\": \"passthrough\"}"));
        assertThat(created.get("availability_zone").asText()).isEqualTo("az1");
        succeeded(admin("aggregate", "set", "gpu-hosts", "--no-property", "--property", "gpu=h100"));
        JsonNode shown = json(admin("aggregate", "show", "gpu-hosts", "-f", "json"));
        assertThat(shown.get("properties")).isEqualTo(MAPPER.readTree("{\"gpu\": \"h100\"}"));
        assertThat(shown.get("availability_zone").asText()).isEqualTo("az1");
        assertThat(succeeded(admin("aggregate", "show", "gpu-hosts", "-f", "value", "-c", "name", "-c", "properties"))
                .stdout()).isEqualTo("gpu-hosts\ngpu='h100'\n");
    }

    @Test
    void availabilityZonesWithTheirServices() throws Exception {
        succeeded(admin("aggregate", "create", "rack-1", "--zone", "az1"));
        succeeded(admin("aggregate", "add", "host", "rack-1", "compute-0003"));
        // The admin reads the detail: the internal zone is listed too.
        assertThat(succeeded(admin("availability-zone", "list")).stdout()).isEqualTo("""
                +-----------+-------------+
                | Zone Name | Zone Status |
                +-----------+-------------+
                | az1       | available   |
                | internal  | available   |
                | nova      | available   |
                +-----------+-------------+
                """);
        JsonNode rows = json(admin("availability-zone", "list", "--long", "-f", "json"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("Zone Name").asText()).isEqualTo("az1");
        assertThat(rows.get(0).get("Zone Status").asText()).isEqualTo("available");
        assertThat(rows.get(0).get("Host Name").asText()).isEqualTo("compute-0003");
        assertThat(rows.get(0).get("Service Name").asText()).isEqualTo("nova-compute");
        assertThat(rows.get(0).get("Service Status").asText()).matches("enabled :-\\) " + TIMESTAMP);
        assertThat(rows.get(1).get("Host Name").asText()).isEqualTo("controller");
        assertThat(rows.get(1).get("Service Name").asText()).isEqualTo("nova-scheduler");
        // compute-0002 is disabled: the detail lists enabled services only.
        assertThat(rows.get(2).get("Zone Name").asText()).isEqualTo("nova");
        assertThat(rows.get(2).get("Host Name").asText()).isEqualTo("compute-0001");
        assertThat(succeeded(admin("availability-zone", "list", "--long", "-f", "value", "-c", "Zone Name",
                "-c", "Host Name")).stdout()).isEqualTo("az1 compute-0003\ninternal controller\nnova compute-0001\n");

        server.ageHeartbeat("compute-0003", "nova-compute", 120);
        assertThat(succeeded(admin("availability-zone", "list", "--long", "-f", "value", "-c", "Service Status"))
                .stdout()).containsPattern("^enabled XXX " + TIMESTAMP + "\n");
    }

    @Test
    void aZoneOfDisabledServicesIsNotAvailableAndNonAdminsSeeTheList() throws Exception {
        succeeded(admin("aggregate", "create", "down-rack", "--zone", "az-down"));
        succeeded(admin("aggregate", "add", "host", "down-rack", "compute-0002"));
        assertThat(succeeded(admin("availability-zone", "list", "--long", "-f", "csv")).stdout())
                .endsWith("\"az-down\",\"not available\",\"\",\"\",\"\"\n");
        // Policy refuses the detail to a member: the plain list answers, without the internal zone.
        assertThat(succeeded(as(TestServer.MEMBER, "availability-zone", "list", "-f", "value")).stdout())
                .isEqualTo("nova available\naz-down not available\n");
    }

    @Test
    void failuresAreOneLineWithExitOne() throws Exception {
        succeeded(admin("aggregate", "create", "rack-1", "--zone", "az1"));
        failed(admin("aggregate", "create", "rack-1"), 1, "hyperstatus: Aggregate rack-1 already exists. (HTTP 409)\n");
        failed(admin("aggregate", "show", "no-such-rack"), 1,
                "hyperstatus: No aggregate with a name or ID of 'no-such-rack' exists.\n");
        failed(admin("aggregate", "delete", "42"), 1, "hyperstatus: No aggregate with a name or ID of '42' exists.\n");
        failed(admin("aggregate", "add", "host", "rack-1", "nohost"), 1,
                "hyperstatus: Compute host nohost could not be found. (HTTP 404)\n");
        succeeded(admin("aggregate", "add", "host", "rack-1", "compute-0001"));
        failed(admin("aggregate", "delete", "rack-1"), 1, "hyperstatus: Cannot remove host from aggregate 1. "
                + "Reason: Host aggregate is not empty. (HTTP 400)\n");
        // compute-0001 has instances: its zone may not change.
        failed(admin("aggregate", "set", "rack-1", "--zone", "az9"), 1, "hyperstatus: Cannot update aggregate 1. "
                + "Reason: One or more hosts contain instances in this zone. (HTTP 400)\n");
        failed(as(TestServer.MEMBER, "aggregate", "list"), 1,
                "hyperstatus: Policy doesn't allow os_compute_api:os-aggregates:index to be performed. (HTTP 403)\n");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        succeeded(admin("aggregate", "create", "rack-1"));
        failed(admin("aggregate", "set", "rack-1", "--property", "novalue"), 2, "hyperstatus: Value for option "
                + "option '--property' (KEY=VALUE) should be in KEY=VALUE format but was novalue "
                + "(see 'hyperstatus aggregate set --help')\n");
        failed(admin("aggregate", "set", "rack-1"), 2, "hyperstatus: nothing to set: give --name, --zone, --property "
                + "or --no-property (see 'hyperstatus aggregate set --help')\n");
        assertThat(admin("aggregate", "unset", "rack-1").exitCode()).isEqualTo(2);
        CliProcess.Result missingHost = admin("aggregate", "add", "host", "rack-1");
        assertThat(missingHost.exitCode()).isEqualTo(2);
        assertThat(missingHost.stderr()).startsWith("hyperstatus: Missing required parameter: 'HOST'")
                .endsWith("(see 'hyperstatus aggregate add host --help')\n");
        assertThat(admin("aggregate", "lst").exitCode()).isEqualTo(2);
        failed(admin("availability-zone", "list", "-c", "Host Name"), 2, "hyperstatus: no column 'Host Name'; the "
                + "columns are: Zone Name, Zone Status (see 'hyperstatus availability-zone list --help')\n");
    }
}
