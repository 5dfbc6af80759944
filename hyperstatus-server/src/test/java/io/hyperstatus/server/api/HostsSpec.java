package io.hyperstatus.server.api;

import static io.hyperstatus.server.api.AggregatesSpec.post;
import static io.hyperstatus.server.api.AggregatesSpec.send;
import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;

import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The deprecated /os-hosts, 2.1 to 2.42, as Nova 26 answers it with a libvirt compute; gone from 2.43. */
class HostsSpec {
    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;

    private static final String LIST = """
            {"hosts": [
              {"host_name": "compute-0001", "service": "compute", "zone": "nova"},
              {"host_name": "compute-0003", "service": "compute", "zone": "nova"},
              {"host_name": "controller", "service": "scheduler", "zone": "internal"}]}""";

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.40", "2.41", "2.42"})
    void listShowsEnabledServicesOnly(String version) {
        assertJson(server.get("/v2.1/os-hosts", version), 200, LIST);
    }

    @Test
    void listFiltersByZoneWhereTheLastValueWinsAndOtherParametersAreIgnored() {
        assertJson(server.get("/v2.1/os-hosts?zone=internal", "2.1"), 200, """
                {"hosts": [{"host_name": "controller", "service": "scheduler", "zone": "internal"}]}""");
        assertJson(server.get("/v2.1/os-hosts?zone=internal&zone=nova", "2.1"), 200, """
                {"hosts": [{"host_name": "compute-0001", "service": "compute", "zone": "nova"},
                  {"host_name": "compute-0003", "service": "compute", "zone": "nova"}]}""");
        assertJson(server.get("/v2.1/os-hosts?zone=", "2.1"), 200, LIST);
        assertJson(server.get("/v2.1/os-hosts?foo=1", "2.1"), 200, LIST);
        assertJson(server.get("/v2.1/os-hosts?zone=nowhere", "2.1"), 200, "{\"hosts\": []}");
    }

    @Test
    void listShowsAggregateZones() {
        post(server, "/v2.1/os-aggregates", "2.1", "{\"aggregate\": {\"name\": \"r\", \"availability_zone\": \"az1\"}}");
        post(server, "/v2.1/os-aggregates/1/action", "2.1", "{\"add_host\": {\"host\": \"compute-0003\"}}");
        assertJson(server.get("/v2.1/os-hosts?zone=az1", "2.1"), 200, """
                {"hosts": [{"host_name": "compute-0003", "service": "compute", "zone": "az1"}]}""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.42"})
    void showGivesTheNodesTotalsAndUseAndZeroUsedMax(String version) {
        assertJson(server.get("/v2.1/os-hosts/compute-0001", version), 200, """
                {"host": [
                  {"resource": {"host": "compute-0001", "project": "(total)", "cpu": 32, "memory_mb": 131072, "disk_gb": 1000}},
                  {"resource": {"host": "compute-0001", "project": "(used_now)", "cpu": 4, "memory_mb": 8704, "disk_gb": 80}},
                  {"resource": {"host": "compute-0001", "project": "(used_max)", "cpu": 0, "memory_mb": 0, "disk_gb": 0}}]}""");
        assertJson(server.get("/v2.1/os-hosts/compute-0003", version), 200, """
                {"host": [
                  {"resource": {"host": "compute-0003", "project": "(total)", "cpu": 48, "memory_mb": 65536, "disk_gb": 500}},
                  {"resource": {"host": "compute-0003", "project": "(used_now)", "cpu": 0, "memory_mb": 512, "disk_gb": 0}},
                  {"resource": {"host": "compute-0003", "project": "(used_max)", "cpu": 0, "memory_mb": 0, "disk_gb": 0}}]}""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"controller", "nohost"})
    void showOfAHostWithoutComputeIsNotMapped(String host) {
        assertFault(server.get("/v2.1/os-hosts/" + host, "2.1"), 404, "itemNotFound",
                "Host '" + host + "' is not mapped to any cell");
    }

    @Test
    void updateEchoesStatusAndAnswers501ForMaintenanceMode() {
        assertJson(send(server, "PUT", "/v2.1/os-hosts/compute-0001", "2.1", "{\"status\": \"Disable\"}", TestServer.ADMIN),
                200, "{\"host\": \"compute-0001\", \"status\": \"disabled\"}");
        assertJson(send(server, "PUT", "/v2.1/os-hosts/compute-0001", "2.42", "{\"status\": \"enable\"}", TestServer.ADMIN),
                200, "{\"host\": \"compute-0001\", \"status\": \"enabled\"}");
        assertJson(send(server, "PUT", "/v2.1/os-hosts/nohost", "2.1", "{}", TestServer.ADMIN), 200, "{\"host\": \"nohost\"}");
        assertFault(send(server, "PUT", "/v2.1/os-hosts/nohost", "2.1", "{\"status\": \"enable\"}", TestServer.ADMIN), 404,
                "itemNotFound", "Host 'nohost' is not mapped to any cell");
        assertFault(send(server, "PUT", "/v2.1/os-hosts/compute-0001", "2.1", "{\"maintenance_mode\": \"enable\"}",
                TestServer.ADMIN), 501, "notImplemented", "The requested functionality is not supported.");
        assertFault(send(server, "PUT", "/v2.1/os-hosts/compute-0001", "2.1", "{\"status\": \"x\"}", TestServer.ADMIN), 400,
                "badRequest", "Invalid input for field/attribute status. Value: x. 'x' is not one of ['enable', 'disable', "
                        + "'Enable', 'Disable', 'ENABLE', 'DISABLE']");
        assertFault(send(server, "PUT", "/v2.1/os-hosts/compute-0001", "2.1", "{\"foo\": 1}", TestServer.ADMIN), 400,
                "badRequest", "Additional properties are not allowed ('foo' was unexpected)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"startup", "shutdown", "reboot"})
    void powerActionsAreNotSupportedByTheDriver(String action) {
        assertFault(server.get("/v2.1/os-hosts/compute-0001/" + action, "2.1"), 501, "notImplemented",
                "The requested functionality is not supported.");
        assertFault(server.get("/v2.1/os-hosts/nohost/" + action, "2.42"), 404, "itemNotFound",
                "Host 'nohost' is not mapped to any cell");
    }

    @ParameterizedTest
    @CsvSource({"GET,/v2.1/os-hosts", "GET,/v2.1/os-hosts/compute-0001", "PUT,/v2.1/os-hosts/compute-0001",
        "GET,/v2.1/os-hosts/compute-0001/startup", "GET,/v2.1/os-hosts/compute-0001/shutdown",
        "GET,/v2.1/os-hosts/compute-0001/reboot"})
    void everyRouteIsGoneFrom243(String method, String path) {
        for (String version : new String[] {"2.43", "2.104", "latest"}) {
            assertFault(send(server, method, path, version, method.equals("PUT") ? "{\"status\": \"enable\"}" : null,
                    TestServer.ADMIN), 404, "itemNotFound", "The resource could not be found.");
        }
    }

    @Test
    void everyHostsActionIsAdminOnly() {
        String member = TestServer.MEMBER;
        assertFault(send(server, "GET", "/v2.1/os-hosts", "2.1", null, member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hosts:list to be performed.");
        assertFault(send(server, "GET", "/v2.1/os-hosts/compute-0001", "2.1", null, member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hosts:show to be performed.");
        assertFault(send(server, "PUT", "/v2.1/os-hosts/compute-0001", "2.1", "{}", member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hosts:update to be performed.");
        assertFault(send(server, "GET", "/v2.1/os-hosts/compute-0001/startup", "2.1", null, member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hosts:start to be performed.");
        assertFault(send(server, "GET", "/v2.1/os-hosts/compute-0001/shutdown", "2.1", null, member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hosts:shutdown to be performed.");
        assertFault(send(server, "GET", "/v2.1/os-hosts/compute-0001/reboot", "2.1", null, member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-hosts:reboot to be performed.");
    }

    @Test
    void aComputeServiceWithoutANodeIsNotFound() {
        server.seedService("compute-0009", "nova-compute");
        assertFault(server.get("/v2.1/os-hosts/compute-0009", "2.1"), 404, "itemNotFound",
                "Compute host compute-0009 could not be found.");
    }
}
