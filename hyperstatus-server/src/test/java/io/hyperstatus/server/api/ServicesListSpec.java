package io.hyperstatus.server.api;

import static io.hyperstatus.server.api.ServiceBodies.TIMESTAMP;
import static io.hyperstatus.server.api.ServiceBodies.masked;
import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHosts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /os-services at every microversion boundary: body shape, state, status, zone, filters, query validation. */
class ServicesListSpec {
    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;
    private ThreeHosts hosts;

    /** The fixture at 2.1: integer ids, no forced_down; compute-0002 is disabled and forced down. */
    private static final String LIST_V21 = """
            {"services": [
              {"id": 1, "binary": "nova-compute", "host": "compute-0001", "zone": "nova", "status": "enabled",
               "state": "up", "updated_at": "%1$s", "disabled_reason": null},
              {"id": 2, "binary": "nova-compute", "host": "compute-0002", "zone": "nova", "status": "disabled",
               "state": "down", "updated_at": "%1$s", "disabled_reason": "maintenance"},
              {"id": 3, "binary": "nova-compute", "host": "compute-0003", "zone": "nova", "status": "enabled",
               "state": "up", "updated_at": "%1$s", "disabled_reason": null},
              {"id": 4, "binary": "nova-scheduler", "host": "controller", "zone": "internal", "status": "enabled",
               "state": "up", "updated_at": "%1$s", "disabled_reason": null}]}""".formatted(TIMESTAMP);

    private static final String LIST_V211 = """
            {"services": [
              {"id": 1, "binary": "nova-compute", "host": "compute-0001", "zone": "nova", "status": "enabled",
               "state": "up", "updated_at": "%1$s", "disabled_reason": null, "forced_down": false},
              {"id": 2, "binary": "nova-compute", "host": "compute-0002", "zone": "nova", "status": "disabled",
               "state": "down", "updated_at": "%1$s", "disabled_reason": "maintenance", "forced_down": true},
              {"id": 3, "binary": "nova-compute", "host": "compute-0003", "zone": "nova", "status": "enabled",
               "state": "up", "updated_at": "%1$s", "disabled_reason": null, "forced_down": false},
              {"id": 4, "binary": "nova-scheduler", "host": "controller", "zone": "internal", "status": "enabled",
               "state": "up", "updated_at": "%1$s", "disabled_reason": null, "forced_down": false}]}"""
            .formatted(TIMESTAMP);

    private String listV253() {
        return """
                {"services": [
                  {"id": "%2$s", "binary": "nova-compute", "host": "compute-0001", "zone": "nova", "status": "enabled",
                   "state": "up", "updated_at": "%1$s", "disabled_reason": null, "forced_down": false},
                  {"id": "%3$s", "binary": "nova-compute", "host": "compute-0002", "zone": "nova", "status": "disabled",
                   "state": "down", "updated_at": "%1$s", "disabled_reason": "maintenance", "forced_down": true},
                  {"id": "%4$s", "binary": "nova-compute", "host": "compute-0003", "zone": "nova", "status": "enabled",
                   "state": "up", "updated_at": "%1$s", "disabled_reason": null, "forced_down": false},
                  {"id": "%5$s", "binary": "nova-scheduler", "host": "controller", "zone": "internal", "status": "enabled",
                   "state": "up", "updated_at": "%1$s", "disabled_reason": null, "forced_down": false}]}"""
                .formatted(TIMESTAMP, hosts.service1, hosts.service2, hosts.service3, hosts.scheduler);
    }

    // ---- body per microversion -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.10"})
    void listBefore211ShowsIntegerIdsWithoutForcedDown(String version) {
        assertJson(masked(server.get("/v2.1/os-services", version)), 200, LIST_V21);
    }

    @Test
    void listWithoutVersionHeaderIsServedAs21() {
        Reply reply = server.get("/v2.1/os-services");
        assertJson(masked(reply), 200, LIST_V21);
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.11", "2.52"})
    void listFrom211AddsForcedDown(String version) {
        assertJson(masked(server.get("/v2.1/os-services", version)), 200, LIST_V211);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.53", "2.74", "2.75", "2.104", "latest"})
    void listFrom253UsesServiceUuidsAsIds(String version) {
        assertJson(masked(server.get("/v2.1/os-services", version)), 200, listV253());
    }

    @Test
    void updatedAtIsANaiveUtcTimestampWithMicroseconds() {
        for (JsonNode service : server.get("/v2.1/os-services", "2.53").json().get("services")) {
            assertThat(service.get("updated_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
        }
    }

    @Test
    void aServiceThatNeverReportedHasNoUpdatedAtAndIsUpWhileFreshlyCreated() {
        server.seed(Host.named("compute-0004").withoutHeartbeat());
        assertJson(server.get("/v2.1/os-services?host=compute-0004", "2.53"), 200, """
                {"services": [{"id": "%s", "binary": "nova-compute", "host": "compute-0004", "zone": "nova",
                  "status": "enabled", "state": "up", "updated_at": null, "disabled_reason": null,
                  "forced_down": false}]}""".formatted(server.serviceUuid("compute-0004", "nova-compute")));
        server.ageHeartbeat("compute-0004", "nova-compute", 61);
        assertThat(stateOf("compute-0004", "nova-compute")).isEqualTo("down");
    }

    // ---- state -------------------------------------------------------------------------------------------------

    @Test
    void serviceWhoseHeartbeatIsOlderThanServiceDownTimeIsDownUntilItReportsAgain() {
        server.ageHeartbeat("controller", "nova-scheduler", 50);
        assertThat(stateOf("controller", "nova-scheduler")).isEqualTo("up");
        server.ageHeartbeat("controller", "nova-scheduler", 11);
        assertThat(stateOf("controller", "nova-scheduler")).isEqualTo("down");
        server.heartbeat("controller", "nova-scheduler");
        assertThat(stateOf("controller", "nova-scheduler")).isEqualTo("up");
    }

    @Test
    void forcedDownServiceIsDownEvenWithAFreshHeartbeat() {
        server.heartbeat("compute-0002", "nova-compute");
        assertThat(stateOf("compute-0002", "nova-compute")).isEqualTo("down");
    }

    @Test
    void aDownServiceKeepsItsStatusAndReason() {
        server.ageHeartbeat("compute-0001", "nova-compute", 120);
        Reply reply = server.get("/v2.1/os-services?host=compute-0001", "2.11");
        assertJson(masked(reply), 200, """
                {"services": [{"id": 1, "binary": "nova-compute", "host": "compute-0001", "zone": "nova",
                  "status": "enabled", "state": "down", "updated_at": "%s", "disabled_reason": null,
                  "forced_down": false}]}""".formatted(TIMESTAMP));
    }

    // ---- zone and listed binaries --------------------------------------------------------------------------------

    @Test
    void zonesComeFromTheAvailabilityZoneOptions() {
        try (TestServer zoned = TestServer.start(
                "[DEFAULT]\ndefault_availability_zone = az-1\ninternal_service_availability_zone = infra\n")) {
            ThreeHosts.seed(zoned);
            List<String> zones = new ArrayList<>();
            zoned.get("/v2.1/os-services", "2.53").json().get("services").forEach(s -> zones.add(s.get("zone").asText()));
            assertThat(zones).containsExactly("az-1", "az-1", "az-1", "infra");
        }
    }

    @Test
    void otherRpcServicesAreListedInTheInternalZoneButApiServicesNever() {
        server.seedService("controller", "nova-conductor");
        server.seedService("controller", "nova-osapi_compute");
        server.seedService("controller", "nova-metadata");
        assertJson(masked(server.get("/v2.1/os-services?host=controller", "2.1")), 200, """
                {"services": [
                  {"id": 4, "binary": "nova-scheduler", "host": "controller", "zone": "internal", "status": "enabled",
                   "state": "up", "updated_at": "%1$s", "disabled_reason": null},
                  {"id": %2$d, "binary": "nova-conductor", "host": "controller", "zone": "internal", "status": "enabled",
                   "state": "up", "updated_at": "%1$s", "disabled_reason": null}]}"""
                .formatted(TIMESTAMP, server.serviceId("controller", "nova-conductor")));
    }

    // ---- host and binary filters ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.53", "2.75"})
    void hostFilterIsAnExactMatch(String version) {
        assertThat(hostsOf("/v2.1/os-services?host=compute-0001", version)).containsExactly("compute-0001/nova-compute");
        assertJson(server.get("/v2.1/os-services?host=compute", version), 200, "{\"services\": []}");
        assertJson(server.get("/v2.1/os-services?host=nohost", version), 200, "{\"services\": []}");
    }

    @Test
    void hostFilterIsCaseSensitiveOnEveryDatabase() {
        assertJson(server.get("/v2.1/os-services?host=COMPUTE-0001", "2.75"), 200, "{\"services\": []}");
        assertJson(server.get("/v2.1/os-services?binary=NOVA-COMPUTE", "2.75"), 200, "{\"services\": []}");
    }

    @Test
    void binaryFilterIsAnExactMatch() {
        assertThat(hostsOf("/v2.1/os-services?binary=nova-compute", "2.75")).containsExactly(
                "compute-0001/nova-compute", "compute-0002/nova-compute", "compute-0003/nova-compute");
        assertThat(hostsOf("/v2.1/os-services?binary=nova-scheduler", "2.1")).containsExactly("controller/nova-scheduler");
        assertJson(server.get("/v2.1/os-services?binary=nova", "2.1"), 200, "{\"services\": []}");
    }

    @Test
    void hostAndBinaryFiltersCombine() {
        assertThat(hostsOf("/v2.1/os-services?host=controller&binary=nova-scheduler", "2.53"))
                .containsExactly("controller/nova-scheduler");
        assertJson(server.get("/v2.1/os-services?host=controller&binary=nova-compute", "2.53"), 200,
                "{\"services\": []}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.75"})
    void emptyFilterValuesMeanNoFilter(String version) {
        assertThat(hostsOf("/v2.1/os-services?host=", version)).hasSize(4);
        assertThat(hostsOf("/v2.1/os-services?binary=&host=", version)).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.11", "2.53", "2.75", "latest"})
    void repeatedFilterTakesTheLastValueAtEveryVersion(String version) {
        assertThat(hostsOf("/v2.1/os-services?host=compute-0001&host=compute-0002", version))
                .containsExactly("compute-0002/nova-compute");
        assertThat(hostsOf("/v2.1/os-services?binary=nova-compute&binary=nova-scheduler", version))
                .containsExactly("controller/nova-scheduler");
        assertThat(hostsOf("/v2.1/os-services?host=compute-0001&host=", version)).hasSize(4);
    }

    // ---- query validation ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.11", "2.53", "2.74"})
    void unknownQueryParametersAreStrippedBefore275(String version) {
        assertThat(hostsOf("/v2.1/os-services?foo=bar", version)).hasSize(4);
        assertThat(hostsOf("/v2.1/os-services?host=compute-0001&foo=bar", version))
                .containsExactly("compute-0001/nova-compute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.75", "2.104", "latest"})
    void unknownQueryParametersAreRejectedFrom275(String version) {
        assertFault(server.get("/v2.1/os-services?foo=bar", version), 400, "badRequest",
                "Additional properties are not allowed ('foo' was unexpected)");
        assertFault(server.get("/v2.1/os-services?host=compute-0001&zzz=1&foo=bar", version), 400, "badRequest",
                "Additional properties are not allowed ('foo', 'zzz' were unexpected)");
        assertFault(server.get("/v2.1/os-services?HOST=compute-0001", version), 400, "badRequest",
                "Additional properties are not allowed ('HOST' was unexpected)");
    }

    // ---- policy ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.53", "2.75"})
    void nonAdminIsForbidden(String version) {
        assertFault(asMember("/v2.1/os-services", version), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-services:list to be performed.");
    }

    @Test
    void queryValidationComesBeforePolicy() {
        assertFault(asMember("/v2.1/os-services?foo=bar", "2.75"), 400, "badRequest",
                "Additional properties are not allowed ('foo' was unexpected)");
        assertFault(asMember("/v2.1/os-services?foo=bar", "2.74"), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-services:list to be performed.");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Reply asMember(String path, String version) {
        return server.send("GET", path, null, TestServer.headers(TestServer.MEMBER, version));
    }

    private List<String> hostsOf(String path, String version) {
        Reply reply = server.get(path, version);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        reply.json().get("services").forEach(s -> seen.add(s.get("host").asText() + "/" + s.get("binary").asText()));
        return seen;
    }

    private String stateOf(String host, String binary) {
        for (JsonNode service : server.get("/v2.1/os-services?host=" + host, "2.53").json().get("services")) {
            if (service.get("binary").asText().equals(binary)) {
                return service.get("state").asText();
            }
        }
        throw new AssertionError("no " + binary + " on " + host);
    }
}
