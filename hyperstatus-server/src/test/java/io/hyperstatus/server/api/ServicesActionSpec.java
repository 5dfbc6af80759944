package io.hyperstatus.server.api;

import static io.hyperstatus.server.api.ServiceBodies.ENUM;
import static io.hyperstatus.server.api.ServiceBodies.notAnObject;
import static io.hyperstatus.server.api.ServiceBodies.masked;
import static io.hyperstatus.server.api.ServiceBodies.service;
import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.api.ServiceBodies.ServiceRow;
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
import org.junit.jupiter.params.provider.CsvSource;
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
        assertListed("2.1", service(2, "compute-0002", "enabled", "down", null));
    }

    @Test
    void enablingAnEnabledServiceSucceeds() {
        assertJson(server.put("/v2.1/os-services/enable", "2.1", COMPUTE1), 200, """
                {"service": {"host": "compute-0001", "binary": "nova-compute", "status": "enabled"}}""");
    }

    @Test
    void enableAcceptsAndDiscardsADisabledReason() {
        Reply reply = server.put("/v2.1/os-services/enable", "2.1",
                compute("compute-0002", "disabled_reason", "\"x\""));
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
        assertListed("2.11", service(1, "compute-0001", "disabled", "up", null, false));
    }

    @Test
    void disableIgnoresAGivenReasonAndClearsAStoredOne() {
        assertJson(server.put("/v2.1/os-services/disable", "2.1",
                        compute("compute-0001", "disabled_reason", "\"ignored?\"")),
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
                compute("compute-0001", "disabled_reason", "\"maint\""));
        assertJson(reply, 200, """
                {"service": {"host": "compute-0001", "binary": "nova-compute", "status": "disabled",
                  "disabled_reason": "maint"}}""");
        assertListed("2.1", service(1, "compute-0001", "disabled", "up", "maint"));
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
        assertFault(forceDown("2.10", "compute-0001", "true"), 400, "badRequest",
                "Additional properties are not allowed ('forced_down' was unexpected)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.11", "2.52"})
    void forceDownFrom211SetsTheFlagAndTheServiceGoesDown(String version) {
        assertJson(forceDown(version, "compute-0001", "true"), 200, forcedDownAnswer("compute-0001", true));
        assertListed("2.11", service(1, "compute-0001", "enabled", "down", null, true));
    }

    @Test
    void unforcingBringsAHeartbeatingServiceBackUpAndKeepsItsStatus() {
        assertJson(forceDown("2.11", "compute-0002", "false"), 200, forcedDownAnswer("compute-0002", false));
        assertListed("2.11", service(2, "compute-0002", "disabled", "up", "maintenance", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "\"True\"", "\"1\"", "\"ON\""})
    void forcedDownStringsThatMeanTrueForceDown(String value) {
        assertJson(forceDown("2.11", "compute-0001", value), 200, forcedDownAnswer("compute-0001", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"off\"", "\"False\"", "\"0\"", "\"no\""})
    void forcedDownStringsThatMeanFalseUnforce(String value) {
        assertJson(forceDown("2.11", "compute-0002", value), 200, forcedDownAnswer("compute-0002", false));
        assertThat(stateOf("compute-0002")).isEqualTo("up");
    }

    @Test
    void forceDownWithoutForcedDownIsABadRequest() {
        assertFault(server.put("/v2.1/os-services/force-down", "2.11", COMPUTE1), 400, "badRequest",
                "Missing forced_down field");
    }

    @Test
    void forcedDownMustBeABooleanOrABooleanWord() {
        String invalid = "Invalid input for field/attribute forced_down. ";
        assertFault(forceDown("2.11", "compute-0001", "\"maybe\""), 400, "badRequest",
                invalid + "Value: maybe. 'maybe' is not one of " + ENUM);
        assertFault(forceDown("2.11", "compute-0001", "1"), 400, "badRequest",
                invalid + "Value: 1. 1 is not of type 'boolean', 'string'");
        assertFault(forceDown("2.11", "compute-0001", "null"), 400, "badRequest",
                invalid + "Value: None. None is not of type 'boolean', 'string'");
    }

    @Test
    void enableFrom211AcceptsForcedDownAndIgnoresIt() {
        assertJson(server.put("/v2.1/os-services/enable", "2.11",
                        compute("compute-0002", "forced_down", "false")), 200, """
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

    static Stream<Arguments> notAnObjectOrAFieldTooLong() {
        String x256 = "x".repeat(256);
        String tooLong = ". Value: " + x256 + ". '" + x256 + "' is too long";
        return Stream.concat(notAnObject(), Stream.of(
                Arguments.of("{\"host\": \"" + x256 + "\", \"binary\": \"nova-compute\"}",
                        "Invalid input for field/attribute host" + tooLong),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"" + x256 + "\"}",
                        "Invalid input for field/attribute binary" + tooLong),
                Arguments.of("{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"disabled_reason\": \"" + x256 + "\"}",
                        "Invalid input for field/attribute disabled_reason" + tooLong)));
    }

    // The last two rows: only the first error is reported (properties in declared order, then required, then
    // additional).
    @ParameterizedTest
    @MethodSource("notAnObjectOrAFieldTooLong")
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
            {}                                                  | 'host' is a required property
            {"host": "compute-0001"}                            | 'binary' is a required property
            {"binary": "nova-compute"}                          | 'host' is a required property
            {"host": "a b", "binary": "nova-compute"}           | Invalid input for field/attribute host. Value: a b. 'a b' does not match '^[a-zA-Z0-9-._]*$'
            {"host": "", "binary": "nova-compute"}              | Invalid input for field/attribute host. Value: . '' is too short
            {"host": 1, "binary": "nova-compute"}               | Invalid input for field/attribute host. Value: 1. 1 is not of type 'string'
            {"host": null, "binary": "nova-compute"}            | Invalid input for field/attribute host. Value: None. None is not of type 'string'
            {"host": ["a"], "binary": "nova-compute"}           | Invalid input for field/attribute host. Value: ['a']. ['a'] is not of type 'string'
            {"host": {"a": 1}, "binary": "nova-compute"}        | Invalid input for field/attribute host. Value: {'a': 1}. {'a': 1} is not of type 'string'
            {"host": "h\\u00e9", "binary": "nova-compute"}      | Invalid input for field/attribute host. Value: h\u00e9. 'h\u00e9' does not match '^[a-zA-Z0-9-._]*$'
            {"host": "it's", "binary": "nova-compute"}          | Invalid input for field/attribute host. Value: it's. "it's" does not match '^[a-zA-Z0-9-._]*$'
            {"host": "compute-0001", "binary": ""}              | Invalid input for field/attribute binary. Value: . '' is too short
            {"host": "compute-0001", "binary": 1}               | Invalid input for field/attribute binary. Value: 1. 1 is not of type 'string'
            {"host": "compute-0001", "binary": "nova-compute", "foo": 1}              | Additional properties are not allowed ('foo' was unexpected)
            {"host": "compute-0001", "binary": "nova-compute", "foo": 1, "bar": 2}    | Additional properties are not allowed ('bar', 'foo' were unexpected)
            {"host": "compute-0001", "binary": "nova-compute", "disabled_reason": ""}   | Invalid input for field/attribute disabled_reason. Value: . '' is too short
            {"host": "compute-0001", "binary": "nova-compute", "disabled_reason": null} | Invalid input for field/attribute disabled_reason. Value: None. None is not of type 'string'
            {"host": "compute-0001", "binary": "nova-compute", "disabled_reason": true} | Invalid input for field/attribute disabled_reason. Value: True. True is not of type 'string'
            {"host": "compute-0001", "binary": "nova-compute", "forced_down": true}     | Additional properties are not allowed ('forced_down' was unexpected)
            {"host": "a b", "binary": ""}                       | Invalid input for field/attribute host. Value: a b. 'a b' does not match '^[a-zA-Z0-9-._]*$'
            {"host": "compute-0001", "foo": 1}                  | 'binary' is a required property
            """)
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
                        compute("compute-0001", "forced_down", "\"maybe\"")),
                400, "badRequest",
                "Invalid input for field/attribute forced_down. Value: maybe. 'maybe' is not one of " + ENUM);
        assertFault(server.put("/v2.1/os-services/enable", "2.52",
                        compute("compute-0001", "foo", "1")),
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
                        compute("compute-0001", "disabled_reason", "\"\"")),
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
                        compute("compute-0001", "forced_down", "1")),
                400, "badRequest", "Invalid input for field/attribute forced_down. Value: 1. 1 is not of type 'boolean', 'string'");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The list at {@code version} of the one host of {@code service}: that service alone, as given. */
    private void assertListed(String version, ServiceRow service) {
        assertJson(masked(server.get("/v2.1/os-services?host=" + service.host(), version)), 200,
                service.listed());
    }

    private Reply forceDown(String version, String host, String forcedDown) {
        return server.put("/v2.1/os-services/force-down", version, compute(host, "forced_down", forcedDown));
    }

    private static String forcedDownAnswer(String host, boolean forcedDown) {
        return "{\"service\": {\"host\": \"" + host + "\", \"binary\": \"nova-compute\", \"forced_down\": " + forcedDown + "}}";
    }

    /** The body naming host's nova-compute, with {@code field} set to the JSON {@code value}. */
    private static String compute(String host, String field, String value) {
        return "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\", \"" + field + "\": " + value + "}";
    }

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
