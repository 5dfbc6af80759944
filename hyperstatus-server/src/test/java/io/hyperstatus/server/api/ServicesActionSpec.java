package io.hyperstatus.server.api;

import static io.hyperstatus.server.api.ServiceBodies.ENUM;
import static io.hyperstatus.server.api.ServiceBodies.notAnObject;
import static io.hyperstatus.server.api.ServiceBodies.TIMESTAMP;
import static io.hyperstatus.server.api.ServiceBodies.masked;
import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PUT /os-services/{action} before 2.53: enable, disable, disable-log-reason and (from 2.11) force-down. */
class ServicesActionSpec {
    private static final String COMPUTE1 = "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\"}";
    private static final String COMPUTE2 = "{\"host\": \"compute-0002\", \"binary\": \"nova-compute\"}";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;

    // ---- enable / disable / disable-log-reason ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.11", "2.52"})
    void enableAnswersHostBinaryAndStatusAndClearsTheReason(String version) {
        assertJson(server.put("/v2.1/os-services/enable", version, COMPUTE2), 200, """
                {"service": {"host": "compute-0002", "binary": "nova-compute", "status": "enabled"}}""");
        assertJson(masked(server.get("/v2.1/os-services?host=compute-0002", "2.1")), 200, """
                {"services": [{"id": 2, "binary": "nova-compute", "host": "compute-0002", "zone": "nova",
                  "status": "enabled", "state": "down", "updated_at": "%s", "disabled_reason": null}]}"""
                .formatted(TIMESTAMP));
    }

    @Test
    void enablingAnEnabledServiceSucceeds() {
        assertJson(server.put("/v2.1/os-services/enable", "2.1", COMPUTE1), 200, """
                {"service": {"host": "compute-0001", "binary": "nova-compute", "status": "enabled"}}""");
    }

    @Test
    void enableAcceptsAndDiscardsADisabledReason() {
        Reply reply = server.put("/v2.1/os-services/enable", "2.1",
                "{\"host\": \"compute-0002\", \"binary\": \"nova-compute\", \"disabled_reason\": \"x\"}");
        assertJson(reply, 200, """
                {"service": {"host": "compute-0002", "binary": "nova-compute", "status": "enabled"}}""");
        assertThat(server.get("/v2.1/os-services?host=compute-0002", "2.1").json().get("services").get(0)
                .get("disabled_reason").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.52"})
    void disableAnswersWithoutReason(String version) {
        assertJson(server.put("/v2.1/os-services/disable", version, COMPUTE1), 200, """
                {"service": {"host": "compute-0001", "binary": "nova-compute", "status": "disabled"}}""");
        assertJson(masked(server.get("/v2.1/os-services?host=compute-0001", "2.11")), 200, """
                {"services": [{"id": 1, "binary": "nova-compute", "host": "compute-0001", "zone": "nova",
                  "status": "disabled", "state": "up", "updated_at": "%s", "disabled_reason": null,
                  "forced_down": false}]}""".formatted(TIMESTAMP));
    }

    @Test
    void disableIgnoresAGivenReasonAndClearsAStoredOne() {
        assertJson(server.put("/v2.1/os-services/disable", "2.1",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"disabled_reason\": \"ignored?\"}"),
                200, "{\"service\": {\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"status\": \"disabled\"}}");
        assertThat(reasonOf("compute-0001")).isNull();
        assertJson(server.put("/v2.1/os-services/disable", "2.1", COMPUTE2), 200, """
                {"service": {"host": "compute-0002", "binary": "nova-compute", "status": "disabled"}}""");
        assertThat(reasonOf("compute-0002")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.52"})
    void disableLogReasonStoresTheReason(String version) {
        Reply reply = server.put("/v2.1/os-services/disable-log-reason", version,
                "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"disabled_reason\": \"maint\"}");
        assertJson(reply, 200, """
                {"service": {"host": "compute-0001", "binary": "nova-compute", "status": "disabled",
                  "disabled_reason": "maint"}}""");
        assertJson(masked(server.get("/v2.1/os-services?host=compute-0001", "2.1")), 200, """
                {"services": [{"id": 1, "binary": "nova-compute", "host": "compute-0001", "zone": "nova",
                  "status": "disabled", "state": "up", "updated_at": "%s", "disabled_reason": "maint"}]}"""
                .formatted(TIMESTAMP));
    }

    @Test
    void disableLogReasonWithoutAReasonIsABadRequest() {
        assertFault(server.put("/v2.1/os-services/disable-log-reason", "2.1", COMPUTE1), 400, "badRequest",
                "Missing disabled reason field");
        assertThat(statusOf("compute-0001")).isEqualTo("enabled");
    }

    // ---- force-down ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.10"})
    void forceDownIsAnUnknownActionBefore211(String version) {
        assertFault(server.put("/v2.1/os-services/force-down", version, COMPUTE1), 404, "itemNotFound", "Unknown action");
    }

    @Test
    void forcedDownInTheBodyBefore211FailsTheSchemaBeforeTheActionIsLookedUp() {
        assertFault(server.put("/v2.1/os-services/force-down", "2.10",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": true}"),
                400, "badRequest", "Additional properties are not allowed ('forced_down' was unexpected)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.11", "2.52"})
    void forceDownFrom211SetsTheFlagAndTheServiceGoesDown(String version) {
        assertJson(server.put("/v2.1/os-services/force-down", version,
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": true}"), 200, """
                {"service": {"host": "compute-0001", "binary": "nova-compute", "forced_down": true}}""");
        assertJson(masked(server.get("/v2.1/os-services?host=compute-0001", "2.11")), 200, """
                {"services": [{"id": 1, "binary": "nova-compute", "host": "compute-0001", "zone": "nova",
                  "status": "enabled", "state": "down", "updated_at": "%s", "disabled_reason": null,
                  "forced_down": true}]}""".formatted(TIMESTAMP));
    }

    @Test
    void unforcingBringsAHeartbeatingServiceBackUpAndKeepsItsStatus() {
        assertJson(server.put("/v2.1/os-services/force-down", "2.11",
                        "{\"host\": \"compute-0002\", \"binary\": \"nova-compute\", \"forced_down\": false}"), 200, """
                {"service": {"host": "compute-0002", "binary": "nova-compute", "forced_down": false}}""");
        assertJson(masked(server.get("/v2.1/os-services?host=compute-0002", "2.11")), 200, """
                {"services": [{"id": 2, "binary": "nova-compute", "host": "compute-0002", "zone": "nova",
                  "status": "disabled", "state": "up", "updated_at": "%s", "disabled_reason": "maintenance",
                  "forced_down": false}]}""".formatted(TIMESTAMP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "\"True\"", "\"1\"", "\"ON\""})
    void forcedDownStringsThatMeanTrueForceDown(String value) {
        assertJson(server.put("/v2.1/os-services/force-down", "2.11",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": " + value + "}"),
                200, "{\"service\": {\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": true}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"off\"", "\"False\"", "\"0\"", "\"no\""})
    void forcedDownStringsThatMeanFalseUnforce(String value) {
        assertJson(server.put("/v2.1/os-services/force-down", "2.11",
                        "{\"host\": \"compute-0002\", \"binary\": \"nova-compute\", \"forced_down\": " + value + "}"),
                200, "{\"service\": {\"host\": \"compute-0002\", \"binary\": \"nova-compute\", \"forced_down\": false}}");
        assertThat(stateOf("compute-0002")).isEqualTo("up");
    }

    @Test
    void forceDownWithoutForcedDownIsABadRequest() {
        assertFault(server.put("/v2.1/os-services/force-down", "2.11", COMPUTE1), 400, "badRequest",
                "Missing forced_down field");
    }

    @Test
    void forcedDownMustBeABooleanOrABooleanWord() {
        assertFault(server.put("/v2.1/os-services/force-down", "2.11",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": \"maybe\"}"),
                400, "badRequest",
                "Invalid input for field/attribute forced_down. Value: maybe. 'maybe' is not one of " + ENUM);
        assertFault(server.put("/v2.1/os-services/force-down", "2.11",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": 1}"),
                400, "badRequest", "Invalid input for field/attribute forced_down. Value: 1. 1 is not of type 'boolean', 'string'");
        assertFault(server.put("/v2.1/os-services/force-down", "2.11",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": null}"),
                400, "badRequest",
                "Invalid input for field/attribute forced_down. Value: None. None is not of type 'boolean', 'string'");
    }

    @Test
    void enableFrom211AcceptsForcedDownAndIgnoresIt() {
        assertJson(server.put("/v2.1/os-services/enable", "2.11",
                        "{\"host\": \"compute-0002\", \"binary\": \"nova-compute\", \"forced_down\": false}"), 200, """
                {"service": {"host": "compute-0002", "binary": "nova-compute", "status": "enabled"}}""");
        assertThat(stateOf("compute-0002")).isEqualTo("down");
    }

    // ---- errors after the body is valid ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"unknown-action", "Enable", "31bfbb40-558b-58b7-9d75-86cda558a1ce", "1"})
    void unknownActionIsNotFound(String action) {
        assertFault(server.put("/v2.1/os-services/" + action, "2.52", COMPUTE1), 404, "itemNotFound", "Unknown action");
    }

    @Test
    void unknownActionWithAnInvalidBodyFailsTheSchemaFirst() {
        assertFault(server.put("/v2.1/os-services/unknown-action", "2.1", "{}"), 400, "badRequest",
                "'host' is a required property");
    }

    @ParameterizedTest
    @ValueSource(strings = {"enable", "disable", "disable-log-reason"})
    void onlyNovaComputeServicesCanBeUpdated(String action) {
        assertFault(server.put("/v2.1/os-services/" + action, "2.1",
                        "{\"host\": \"controller\", \"binary\": \"nova-scheduler\", \"disabled_reason\": \"x\"}"),
                400, "badRequest",
                "Updating a nova-scheduler service is not supported. Only nova-compute services can be updated.");
        assertThat(server.get("/v2.1/os-services?binary=nova-scheduler", "2.1").json().get("services").get(0)
                .get("status").asText()).isEqualTo("enabled");
    }

    @Test
    void theBinaryIsCheckedBeforeTheHost() {
        assertFault(server.put("/v2.1/os-services/disable", "2.52", "{\"host\": \"nohost\", \"binary\": \"nova-conductor\"}"),
                400, "badRequest",
                "Updating a nova-conductor service is not supported. Only nova-compute services can be updated.");
        assertFault(server.put("/v2.1/os-services/force-down", "2.11",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-scheduler\", \"forced_down\": true}"),
                400, "badRequest",
                "Updating a nova-scheduler service is not supported. Only nova-compute services can be updated.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nohost", "controller", "COMPUTE-0001"})
    void hostWithoutAComputeServiceIsNotMappedToAnyCell(String host) {
        assertFault(server.put("/v2.1/os-services/enable", "2.1", "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\"}"),
                404, "itemNotFound", "Host '" + host + "' is not mapped to any cell");
    }

    @Test
    void actionRoutesAt253AreServiceIds() {
        assertFault(server.put("/v2.1/os-services/enable", "2.53", "{}"), 400, "badRequest", "Invalid uuid enable");
        assertFault(server.put("/v2.1/os-services/disable", "2.53", "{\"status\": \"disabled\"}"), 400, "badRequest",
                "Invalid uuid disable");
        assertFault(server.put("/v2.1/os-services/force-down", "latest", "{\"forced_down\": true}"), 400, "badRequest",
                "Invalid uuid force-down");
    }

    // ---- body validation -------------------------------------------------------------------------------------------

    static Stream<Arguments> invalidBodiesBefore253() {
        String h256 = "h".repeat(256);
        String r256 = "r".repeat(256);
        return Stream.concat(notAnObject(), Stream.of(
                Arguments.of("{}", "'host' is a required property"),
                Arguments.of("{\"host\": \"compute-0001\"}", "'binary' is a required property"),
                Arguments.of("{\"binary\": \"nova-compute\"}", "'host' is a required property"),
                Arguments.of("{\"host\": \"a b\", \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host. Value: a b. 'a b' does not match '^[a-zA-Z0-9-._]*$'"),
                Arguments.of("{\"host\": \"\", \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host. Value: . '' is too short"),
                Arguments.of("{\"host\": \"" + h256 + "\", \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host. Value: " + h256 + ". '" + h256 + "' is too long"),
                Arguments.of("{\"host\": 1, \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host. Value: 1. 1 is not of type 'string'"),
                Arguments.of("{\"host\": null, \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host. Value: None. None is not of type 'string'"),
                Arguments.of("{\"host\": [\"a\"], \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host. Value: ['a']. ['a'] is not of type 'string'"),
                Arguments.of("{\"host\": {\"a\": 1}, \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host. Value: {'a': 1}. {'a': 1} is not of type 'string'"),
                Arguments.of("{\"host\": \"h\\u00e9\", \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host. Value: h\u00e9. 'h\u00e9' does not match '^[a-zA-Z0-9-._]*$'"),
                Arguments.of("{\"host\": \"it's\", \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host. Value: it's. \"it's\" does not match '^[a-zA-Z0-9-._]*$'"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"\"}",
                        "Invalid input for field/attribute binary. Value: . '' is too short"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"" + h256 + "\"}",
                        "Invalid input for field/attribute binary. Value: " + h256 + ". '" + h256 + "' is too long"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": 1}",
                        "Invalid input for field/attribute binary. Value: 1. 1 is not of type 'string'"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"foo\": 1}",
                        "Additional properties are not allowed ('foo' was unexpected)"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"foo\": 1, \"bar\": 2}",
                        "Additional properties are not allowed ('bar', 'foo' were unexpected)"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"disabled_reason\": \"\"}",
                        "Invalid input for field/attribute disabled_reason. Value: . '' is too short"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"disabled_reason\": \"" + r256 + "\"}",
                        "Invalid input for field/attribute disabled_reason. Value: " + r256 + ". '" + r256 + "' is too long"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"disabled_reason\": null}",
                        "Invalid input for field/attribute disabled_reason. Value: None. None is not of type 'string'"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"disabled_reason\": true}",
                        "Invalid input for field/attribute disabled_reason. Value: True. True is not of type 'string'"),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": true}",
                        "Additional properties are not allowed ('forced_down' was unexpected)"),
                // Only the first error is reported: properties in declared order, then required, then additional.
                Arguments.of("{\"host\": \"a b\", \"binary\": \"\"}",
                        "Invalid input for field/attribute host. Value: a b. 'a b' does not match '^[a-zA-Z0-9-._]*$'"),
                Arguments.of("{\"host\": \"compute-0001\", \"foo\": 1}", "'binary' is a required property")));
    }

    @ParameterizedTest
    @MethodSource("invalidBodiesBefore253")
    void invalidBodyAt21IsABadRequestWithJsonschemasMessage(String body, String message) {
        assertFault(server.put("/v2.1/os-services/enable", "2.1", body), 400, "badRequest", message);
        assertThat(statusOf("compute-0001")).isEqualTo("enabled");
    }

    @Test
    void nonAsciiInAMessageIsSentAsAJsonEscape() {
        Reply reply = server.put("/v2.1/os-services/enable", "2.1", "{\"host\": \"h\u00e9\", \"binary\": \"nova-compute\"}");
        assertThat(reply.body()).contains("Value: h\\u00e9. 'h\\u00e9' does not match");
    }

    @Test
    void aMissingBodyIsNoneWithOrWithoutAContentType() {
        assertFault(server.send("PUT", "/v2.1/os-services/enable", null, TestServer.headers(TestServer.ADMIN, "2.1")),
                400, "badRequest", "None is not of type 'object'");
        assertFault(server.put("/v2.1/os-services/disable", "2.11", null), 400, "badRequest", "None is not of type 'object'");
        assertFault(server.put("/v2.1/os-services/disable", "2.11", ""), 400, "badRequest", "None is not of type 'object'");
    }

    @Test
    void theSchemaAt211AllowsForcedDownOnEveryAction() {
        assertFault(server.put("/v2.1/os-services/disable", "2.11",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": \"maybe\"}"),
                400, "badRequest",
                "Invalid input for field/attribute forced_down. Value: maybe. 'maybe' is not one of " + ENUM);
        assertFault(server.put("/v2.1/os-services/enable", "2.52",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"foo\": 1}"),
                400, "badRequest", "Additional properties are not allowed ('foo' was unexpected)");
    }

    @Test
    void oldStyleBodiesAt253FailThe253Schema() {
        assertFault(server.put("/v2.1/os-services/enable", "2.53", "{\"host\": \"compute-0001\"}"), 400, "badRequest",
                "Additional properties are not allowed ('host' was unexpected)");
        assertFault(server.put("/v2.1/os-services/disable", "2.53", COMPUTE1), 400, "badRequest",
                "Additional properties are not allowed ('binary', 'host' were unexpected)");
        assertFault(server.put("/v2.1/os-services/enable", "2.53",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"foo\": 1, \"bar\": 2}"),
                400, "badRequest", "Additional properties are not allowed ('bar', 'binary', 'foo', 'host' were unexpected)");
        assertFault(server.put("/v2.1/os-services/enable", "2.53",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"disabled_reason\": \"\"}"),
                400, "badRequest", "Invalid input for field/attribute disabled_reason. Value: . '' is too short");
    }

    // ---- content type ----------------------------------------------------------------------------------------------

    @Test
    void jsonBodiesAreAcceptedAsJsonTextPlainOrWithoutContentType() {
        for (String type : new String[] {"application/json", "text/plain", "application/vnd.openstack.compute+json", null}) {
            Map<String, String> headers = new java.util.LinkedHashMap<>(TestServer.headers(TestServer.ADMIN, "2.1"));
            if (type != null) {
                headers.put("Content-Type", type);
            }
            assertJson(server.send("PUT", "/v2.1/os-services/enable", COMPUTE1, headers), 200, """
                    {"service": {"host": "compute-0001", "binary": "nova-compute", "status": "enabled"}}""");
        }
    }

    @Test
    void otherContentTypesAreUnsupported() {
        for (String type : List.of("application/xml", "application/x-www-form-urlencoded")) {
            Map<String, String> headers = new java.util.LinkedHashMap<>(TestServer.headers(TestServer.ADMIN, "2.1"));
            headers.put("Content-Type", type);
            assertFault(server.send("PUT", "/v2.1/os-services/disable", COMPUTE1, headers), 415, "badMediaType",
                    "Unsupported Content-Type");
        }
        assertThat(statusOf("compute-0001")).isEqualTo("enabled");
    }

    // ---- policy ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"enable", "disable", "unknown-action"})
    void nonAdminIsForbiddenBeforeTheActionIsLookedUp(String action) {
        assertFault(asMember("/v2.1/os-services/" + action, "2.1", COMPUTE1), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-services:update to be performed.");
        assertThat(statusOf("compute-0001")).isEqualTo("enabled");
    }

    @Test
    void bodyValidationComesBeforePolicy() {
        assertFault(asMember("/v2.1/os-services/enable", "2.1", "{}"), 400, "badRequest", "'host' is a required property");
        assertFault(asMember("/v2.1/os-services/force-down", "2.11",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"forced_down\": 1}"),
                400, "badRequest", "Invalid input for field/attribute forced_down. Value: 1. 1 is not of type 'boolean', 'string'");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Reply asMember(String path, String version, String body) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(TestServer.headers(TestServer.MEMBER, version));
        headers.put("Content-Type", "application/json");
        return server.send("PUT", path, body, headers);
    }

    private com.fasterxml.jackson.databind.JsonNode serviceOf(String host) {
        return server.get("/v2.1/os-services?host=" + host + "&binary=nova-compute", "2.11").json().get("services").get(0);
    }

    private String reasonOf(String host) {
        com.fasterxml.jackson.databind.JsonNode reason = serviceOf(host).get("disabled_reason");
        return reason.isNull() ? null : reason.asText();
    }

    private String statusOf(String host) {
        return serviceOf(host).get("status").asText();
    }

    private String stateOf(String host) {
        return serviceOf(host).get("state").asText();
    }
}
