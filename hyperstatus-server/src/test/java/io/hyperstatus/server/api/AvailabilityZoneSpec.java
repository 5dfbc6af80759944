package io.hyperstatus.server.api;

import static io.hyperstatus.server.api.AggregatesSpec.masked;
import static io.hyperstatus.server.api.AggregatesSpec.post;
import static io.hyperstatus.server.api.AggregatesSpec.send;
import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * /os-availability-zone and /os-availability-zone/detail as Nova 26 answers them: a zone is available while one of
 * its services is enabled; the list hides the internal zone; the detail lists each enabled service with
 * "available" (up) and "active" (enabled).
 */
class AvailabilityZoneSpec {
    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;

    private static final String DETAIL = """
            {"availabilityZoneInfo": [
              {"zoneName": "internal", "zoneState": {"available": true}, "hosts": {
                "controller": {"nova-scheduler": {"available": true, "active": true, "updated_at": "<timestamp>"}}}},
              {"zoneName": "nova", "zoneState": {"available": true}, "hosts": {
                "compute-0001": {"nova-compute": {"available": true, "active": true, "updated_at": "<timestamp>"}},
                "compute-0003": {"nova-compute": {"available": true, "active": true, "updated_at": "<timestamp>"}}}}]}""";

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.40", "2.41", "2.42", "2.43", "2.104", "latest"})
    void listShowsTheZonesButNotTheInternalOne(String version) {
        assertJson(server.get("/v2.1/os-availability-zone", version), 200, """
                {"availabilityZoneInfo": [{"zoneName": "nova", "zoneState": {"available": true}, "hosts": null}]}""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.40", "2.41", "2.42", "2.43", "2.104", "latest"})
    void detailShowsEveryZoneWithItsEnabledServices(String version) {
        assertJson(masked(server.get("/v2.1/os-availability-zone/detail", version)), 200, DETAIL);
    }

    @Test
    void aZoneWhoseServicesAreAllDisabledIsNotAvailable() {
        post(server, "/v2.1/os-aggregates", "2.1", "{\"aggregate\": {\"name\": \"r\", \"availability_zone\": \"az1\"}}");
        assertThat(post(server, "/v2.1/os-aggregates/1/action", "2.1", "{\"add_host\": {\"host\": \"compute-0002\"}}")
                .status()).isEqualTo(200);
        assertJson(server.get("/v2.1/os-availability-zone", "2.1"), 200, """
                {"availabilityZoneInfo": [{"zoneName": "nova", "zoneState": {"available": true}, "hosts": null},
                  {"zoneName": "az1", "zoneState": {"available": false}, "hosts": null}]}""");
        assertJson(masked(server.get("/v2.1/os-availability-zone/detail", "2.1")), 200, """
                {"availabilityZoneInfo": [
                  {"zoneName": "internal", "zoneState": {"available": true}, "hosts": {
                    "controller": {"nova-scheduler": {"available": true, "active": true, "updated_at": "<timestamp>"}}}},
                  {"zoneName": "nova", "zoneState": {"available": true}, "hosts": {
                    "compute-0001": {"nova-compute": {"available": true, "active": true, "updated_at": "<timestamp>"}},
                    "compute-0003": {"nova-compute": {"available": true, "active": true, "updated_at": "<timestamp>"}}}},
                  {"zoneName": "az1", "zoneState": {"available": false}, "hosts": null}]}""");
    }

    @Test
    void aggregateZonesMoveHostsAndADownServiceIsNotAvailableButStillActive() {
        post(server, "/v2.1/os-aggregates", "2.1", "{\"aggregate\": {\"name\": \"r\", \"availability_zone\": \"az1\"}}");
        post(server, "/v2.1/os-aggregates/1/action", "2.1", "{\"add_host\": {\"host\": \"compute-0003\"}}");
        server.ageHeartbeat("compute-0003", "nova-compute", 120);
        assertJson(masked(server.get("/v2.1/os-availability-zone/detail", "2.1")), 200, """
                {"availabilityZoneInfo": [
                  {"zoneName": "az1", "zoneState": {"available": true}, "hosts": {
                    "compute-0003": {"nova-compute": {"available": false, "active": true, "updated_at": "<timestamp>"}}}},
                  {"zoneName": "internal", "zoneState": {"available": true}, "hosts": {
                    "controller": {"nova-scheduler": {"available": true, "active": true, "updated_at": "<timestamp>"}}}},
                  {"zoneName": "nova", "zoneState": {"available": true}, "hosts": {
                    "compute-0001": {"nova-compute": {"available": true, "active": true, "updated_at": "<timestamp>"}}}}]}""");
        assertJson(server.get("/v2.1/os-availability-zone", "2.1"), 200, """
                {"availabilityZoneInfo": [{"zoneName": "az1", "zoneState": {"available": true}, "hosts": null},
                  {"zoneName": "nova", "zoneState": {"available": true}, "hosts": null}]}""");
    }

    @Test
    void listIsForEveryoneButDetailForAdmins() {
        assertJson(send(server, "GET", "/v2.1/os-availability-zone", "2.1", null, TestServer.MEMBER), 200, """
                {"availabilityZoneInfo": [{"zoneName": "nova", "zoneState": {"available": true}, "hosts": null}]}""");
        assertFault(send(server, "GET", "/v2.1/os-availability-zone/detail", "2.1", null, TestServer.MEMBER), 403,
                "forbidden", "Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
    }

    @Test
    void unknownQueryParametersAreIgnoredUntil2102() {
        assertThat(server.get("/v2.1/os-availability-zone?foo=1", "2.101").status()).isEqualTo(200);
        assertFault(server.get("/v2.1/os-availability-zone?foo=1", "2.102"), 400, "badRequest",
                "Additional properties are not allowed ('foo' was unexpected)");
        assertFault(server.get("/v2.1/os-availability-zone/detail?foo=1", "latest"), 400, "badRequest",
                "Additional properties are not allowed ('foo' was unexpected)");
    }
}
