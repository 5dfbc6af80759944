package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHosts;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values the databases cannot hold, through the public API and the agent interface: the same answer on each
 * database (docs/input-limits.md). Text with U+0000 or an unpaired surrogate is refused in a body and matches
 * nothing in a query; integers are bounded by their columns; statistics sums never overflow.
 */
class InputLimitsSpec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> ADMIN_JSON =
            Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json");

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;
    private ThreeHosts hosts;

    private Reply agent(String path, String body) {
        return server.send("POST", "/agent/v1" + path, body, ADMIN_JSON);
    }

    private Reply post(String path, String version, String body) {
        return server.send("POST", path, body, Map.of("X-Auth-Token", TestServer.ADMIN,
                "OpenStack-API-Version", "compute " + version, "Content-Type", "application/json"));
    }

    private String reasonOfCompute1() {
        return server.get("/v2.1/os-services?host=compute-0001", "2.53").json().get("services").get(0)
                .get("disabled_reason").asText(null);
    }

    // ---- characters in query strings: a filter no stored value can match matches nothing --------------------------

    @ParameterizedTest
    @CsvSource({"host=%00", "host=compute-0001%00", "binary=nova-compute%00", "host=compute-0001&binary=%00"})
    void aServiceFilterWithANulMatchesNothing(String query) {
        assertJson(server.get("/v2.1/os-services?" + query, "2.53"), 200, "{\"services\": []}");
        assertJson(server.get("/v2.1/os-services?" + query, "2.1"), 200, "{\"services\": []}");
    }

    // ---- characters in request bodies: refused, and nothing changes ----------------------------------------------

    @Test
    void aDisabledReasonWithANulIsRefusedAndTheServiceIsUnchanged() {
        assertFault(server.put("/v2.1/os-services/" + hosts.service1, "2.53",
                        "{\"status\": \"disabled\", \"disabled_reason\": \"a\\u0000b\"}"), 400, "badRequest",
                "Invalid input for field/attribute disabled_reason. Value: a\\x00b. 'a\\x00b' contains U+0000,"
                        + " which cannot be stored");
        assertThat(server.get("/v2.1/os-services?host=compute-0001", "2.53").json().get("services").get(0)
                .get("status").asText()).isEqualTo("enabled");
    }

    @Test
    void aDisabledReasonWithANulIsRefusedByTheActionRoutesToo() {
        assertFault(server.put("/v2.1/os-services/disable-log-reason", "2.1",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"disabled_reason\": \"\\u0000\"}"),
                400, "badRequest", "Invalid input for field/attribute disabled_reason. Value: \\x00. '\\x00' contains"
                        + " U+0000, which cannot be stored");
        assertFault(server.put("/v2.1/os-services/enable", "2.1",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\\u0000\"}"),
                400, "badRequest", "Invalid input for field/attribute binary. Value: nova-compute\\x00."
                        + " 'nova-compute\\x00' contains U+0000, which cannot be stored");
    }

    @Test
    void anUnpairedSurrogateIsRefusedAsNoCharacter() {
        assertFault(server.put("/v2.1/os-services/" + hosts.service1, "2.53",
                        "{\"status\": \"disabled\", \"disabled_reason\": \"x\\ud800\"}"), 400, "badRequest",
                "Invalid input for field/attribute disabled_reason. Value: x\\ud800. 'x\\ud800' contains U+D800,"
                        + " which cannot be stored");
        assertFault(server.put("/v2.1/os-services/" + hosts.service1, "2.53",
                        "{\"status\": \"disabled\", \"disabled_reason\": \"\\udc00x\"}"), 400, "badRequest",
                "Invalid input for field/attribute disabled_reason. Value: \\udc00x. '\\udc00x' contains U+DC00,"
                        + " which cannot be stored");
    }

    @Test
    void textOutsideTheBasicPlaneIsStoredAndReadBackAsItWasOnEveryDatabase() {
        String reason = "\uD83D\uDD27 rack 12, Zürich, 東京";
        Reply reply = server.put("/v2.1/os-services/" + hosts.service1, "2.53",
                "{\"status\": \"disabled\", \"disabled_reason\": \"" + reason + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reasonOfCompute1()).isEqualTo(reason);
    }

    @Test
    void anAggregateNameWithANulFailsNovasNameFormat() {
        assertFault(post("/v2.1/os-aggregates", "2.41", "{\"aggregate\": {\"name\": \"rack\\u000012\"}}"), 400,
                "badRequest", "An invalid 'name' value was provided. The name must be: printable characters. "
                        + "Can not start or end with whitespace.");
        assertFault(post("/v2.1/os-aggregates", "2.41",
                        "{\"aggregate\": {\"name\": \"rack-12\", \"availability_zone\": \"z\\u0000\"}}"), 400,
                // The zone's format sits in a oneOf, whose failure jsonschema reports as a whole (as for any zone name).
                "badRequest", "Invalid input for field/attribute availability_zone. Value: z\u0000. 'z\\x00' is not"
                        + " valid under any of the given schemas");
        assertJson(server.get("/v2.1/os-aggregates", "2.41"), 200, "{\"aggregates\": []}");
    }

    @Test
    void aMetadataValueWithANulIsRefusedAndNothingIsSet() {
        String id = post("/v2.1/os-aggregates", "2.41", "{\"aggregate\": {\"name\": \"rack-12\"}}").json()
                .get("aggregate").get("id").asText();
        assertFault(post("/v2.1/os-aggregates/" + id + "/action", "2.41",
                        "{\"set_metadata\": {\"metadata\": {\"a\": \"1\", \"ssd\": \"yes\\u0000\"}}}"), 400,
                "badRequest", "Invalid input for field/attribute ssd. Value: yes\\x00. 'yes\\x00' contains U+0000,"
                        + " which cannot be stored");
        assertThat(server.get("/v2.1/os-aggregates/" + id, "2.41").json().get("aggregate").get("metadata"))
                .isEmpty();
    }

    // ---- characters from agents --------------------------------------------------------------------------------

    @Test
    void anAgentFieldWithANulRefusesTheRequestAndStoresNothingOfIt() {
        assertFault(agent("/services", "{\"services\": [{\"host\": \"compute-9\", \"binary\": \"nova-compute\"},"
                        + " {\"host\": \"compute\\u0000\", \"binary\": \"nova-compute\"}]}"), 400, "badRequest",
                "Invalid input for field/attribute host. Value: compute\\x00. 'compute\\x00' contains U+0000,"
                        + " which cannot be stored");
        assertFault(agent("/heartbeats", "{\"heartbeats\": [{\"host\": \"compute-0001\", \"binary\": \"nova-compute\"},"
                        + " {\"host\": \"compute-0002\", \"binary\": \"nova-\\u0000\"}]}"), 400, "badRequest",
                "Invalid input for field/attribute binary. Value: nova-\\x00. 'nova-\\x00' contains U+0000,"
                        + " which cannot be stored");
        String node = Host.named("compute-9").hypervisorHostname("compute-9\u0000.example.org").nodeJson().toString()
                .replace("\u0000", "\\u0000");
        assertFault(agent("/compute-nodes", "{\"compute_nodes\": [" + node + "]}"), 400, "badRequest",
                "Invalid input for field/attribute hypervisor_hostname. Value: compute-9\\x00.example.org."
                        + " 'compute-9\\x00.example.org' contains U+0000, which cannot be stored");
        assertThat(server.get("/v2.1/os-services?host=compute-9", "2.53").json().get("services")).isEmpty();
        assertThat(server.get("/v2.1/os-hypervisors", "2.53").json().get("hypervisors")).hasSize(3);
    }

    // ---- integers from agents ----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "vcpus, 4294967297, is greater than the maximum of 2147483647",
            "vcpus, 2147483648, is greater than the maximum of 2147483647",
            "vcpus_used, -1, is less than the minimum of 0",
            "running_vms, 2147483648, is greater than the maximum of 2147483647",
            "current_workload, -2147483649, is less than the minimum of -2147483648",
            "local_gb, 9223372036854775808, is greater than the maximum of 9223372036854775807",
            "memory_mb, 100000000000000000000000, is greater than the maximum of 9223372036854775807",
            "free_ram_mb, -9223372036854775809, is less than the minimum of -9223372036854775808",
            "hypervisor_version, 9223372036854775808, is greater than the maximum of 9223372036854775807"})
    void anIntegerBeyondItsColumnIsRefused(String field, String value, String reason) {
        String node = Host.named("compute-9").with(field, 0).nodeJson().toString()
                .replace("\"" + field + "\":0", "\"" + field + "\":" + value);
        assertFault(agent("/compute-nodes", "{\"compute_nodes\": [" + node + "]}"), 400, "badRequest",
                "Invalid input for field/attribute " + field + ". Value: " + value + ". " + value + " " + reason);
        assertThat(server.get("/v2.1/os-hypervisors", "2.53").json().get("hypervisors")).hasSize(3);
    }

    @Test
    void theLargestIntegersAreStoredAsTheyAre() {
        String uuid = server.seed(Host.named("compute-9").with("vcpus", 2147483647).with("memory_mb", Long.MAX_VALUE)
                .with("local_gb", Long.MAX_VALUE).with("free_disk_gb", Long.MIN_VALUE)).get("compute-9");
        JsonNode shown = server.get("/v2.1/os-hypervisors/" + uuid, "2.53").json().get("hypervisor");
        assertThat(shown.get("vcpus").asLong()).isEqualTo(2147483647L);
        assertThat(shown.get("memory_mb").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(shown.get("local_gb").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(shown.get("free_disk_gb").asLong()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void statisticsSumsThatWouldOverflowAreAnsweredSaturatedAndTheRestExact() {
        JsonNode before = server.get("/v2.1/os-hypervisors/statistics", "2.1").json().get("hypervisor_statistics");
        Map<String, String> uuids = server.seed(
                Host.named("big-1").with("vcpus", 2147483647).with("local_gb", Long.MAX_VALUE)
                        .with("memory_mb", Long.MAX_VALUE - 10).with("free_disk_gb", Long.MIN_VALUE)
                        .with("free_ram_mb", Long.MAX_VALUE).with("running_vms", 2147483647),
                Host.named("big-2").with("vcpus", 2147483647).with("local_gb", Long.MAX_VALUE)
                        .with("memory_mb", 10).with("free_disk_gb", Long.MIN_VALUE)
                        .with("free_ram_mb", -Long.MAX_VALUE).with("running_vms", 2147483647));
        JsonNode big1 = server.get("/v2.1/os-hypervisors/" + uuids.get("big-1"), "2.53").json().get("hypervisor");
        JsonNode big2 = server.get("/v2.1/os-hypervisors/" + uuids.get("big-2"), "2.53").json().get("hypervisor");
        ObjectNode expected = MAPPER.createObjectNode();
        ObjectNode sums = expected.putObject("hypervisor_statistics");
        before.fieldNames().forEachRemaining(field -> {
            BigInteger sum = before.get(field).bigIntegerValue();
            if (field.equals("count")) {
                sum = sum.add(BigInteger.TWO);
            } else {
                sum = sum.add(big1.get(field).bigIntegerValue()).add(big2.get(field).bigIntegerValue());
            }
            sums.put(field, sum.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE))
                    .longValueExact());
        });
        // Saturated: vcpus and running_vms are exact beyond 32 bits; free_ram_mb's two extremes cancel out exactly.
        assertThat(sums.get("local_gb").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(sums.get("memory_mb").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(sums.get("free_disk_gb").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(sums.get("vcpus").asLong()).isGreaterThan(2L * Integer.MAX_VALUE);
        assertThat(sums.get("free_ram_mb").asLong()).isEqualTo(before.get("free_ram_mb").asLong());
        // Compared as parsed text, so that small figures are the same kind of number on both sides.
        assertJson(server.get("/v2.1/os-hypervisors/statistics", "2.1"), 200, expected.toString());
    }

    @Test
    void aHugeLimitIsNoFailure() {
        assertThat(server.get("/v2.1/os-hypervisors?limit=99999999999999999999999", "2.53").json()
                .get("hypervisors")).hasSize(3);
    }

    /** A marker or id beyond 64 bits names nothing, as in Nova, whose database holds no such number either. */
    @ParameterizedTest(name = "{0} {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /v2.1/os-hypervisors?marker=99999999999999999999999 | 2.33 | 400 | badRequest   | marker [99999999999999999999999] not found
            GET    | /v2.1/os-hypervisors/99999999999999999999999        | 2.1  | 404 | itemNotFound | Hypervisor with ID '99999999999999999999999' could not be found.
            GET    | /v2.1/os-aggregates/99999999999999999999999         | 2.41 | 404 | itemNotFound | Aggregate 99999999999999999999999 could not be found.
            DELETE | /v2.1/os-services/99999999999999999999999           | 2.1  | 404 | itemNotFound | Service 99999999999999999999999 not found.
            """)
    void aNumberBeyond64BitsInAPathOrMarkerNamesNothing(String method, String path, String version, int status,
                                                        String fault, String message) {
        assertFault(server.send(method, path, null, Map.of("X-Auth-Token", TestServer.ADMIN,
                "OpenStack-API-Version", "compute " + version)), status, fault, message);
    }
}
