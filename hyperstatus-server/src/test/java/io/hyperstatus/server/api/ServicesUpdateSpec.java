package io.hyperstatus.server.api;

import static io.hyperstatus.server.api.ServiceBodies.ENUM;
import static io.hyperstatus.server.api.ServiceBodies.notAnObject;
import static io.hyperstatus.server.api.ServiceBodies.masked;
import static io.hyperstatus.server.api.ServiceBodies.service;
import static io.hyperstatus.server.api.ServiceBodies.updatedAt;
import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHosts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PUT /os-services/{service_id} from 2.53: status, disabled_reason and forced_down by service UUID. */
class ServicesUpdateSpec {
    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
    private static final String NO_UPDATES =
            "No updates were requested. Fields 'status' or 'forced_down' should be specified.";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;
    private ThreeHosts hosts;

    private String compute1(String status, String state, String reason, boolean forcedDown) {
        return service(hosts.service1, "compute-0001", status, state, reason, forcedDown).shown();
    }

    // ---- successes -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.53", "2.75", "2.104", "latest"})
    void disablingWithAReasonAnswersTheFullService(String version) {
        Reply reply = server.put("/v2.1/os-services/" + hosts.service1, version,
                "{\"status\": \"disabled\", \"disabled_reason\": \"maint\"}");
        assertJson(masked(reply), 200, compute1("disabled", "up", "maint", false));
    }

    @Test
    void theChangeIsVisibleInTheList() {
        server.put("/v2.1/os-services/" + hosts.service1, "2.53", "{\"status\": \"disabled\", \"disabled_reason\": \"maint\"}");
        assertJson(masked(server.get("/v2.1/os-services?host=compute-0001", "2.53")), 200,
                service(hosts.service1, "compute-0001", "disabled", "up", "maint", false).listed());
    }

    @Test
    void disablingWithoutAReasonStoresNoReason() {
        assertJson(masked(server.put("/v2.1/os-services/" + hosts.service1, "2.53", "{\"status\": \"disabled\"}")), 200,
                compute1("disabled", "up", null, false));
    }

    @Test
    void enablingClearsTheReasonAndLeavesForcedDownAlone() {
        assertJson(masked(server.put("/v2.1/os-services/" + hosts.service2, "2.53", "{\"status\": \"enabled\"}")), 200,
                service(hosts.service2, "compute-0002", "enabled", "down", null, true).shown());
    }

    @Test
    void enablingWithAnEmptyReasonFailsTheSchema() {
        assertFault(server.put("/v2.1/os-services/" + hosts.service2, "2.53",
                        "{\"status\": \"enabled\", \"disabled_reason\": \"\"}"), 400, "badRequest",
                "Invalid input for field/attribute disabled_reason. Value: . '' is too short");
    }

    @Test
    void forcingDownTakesTheServiceDownAndUnforcingBringsItBack() {
        assertJson(masked(server.put("/v2.1/os-services/" + hosts.service1, "2.53", "{\"forced_down\": true}")), 200,
                compute1("enabled", "down", null, true));
        assertJson(masked(server.put("/v2.1/os-services/" + hosts.service1, "2.53", "{\"forced_down\": false}")), 200,
                compute1("enabled", "up", null, false));
    }

    @Test
    void statusAndForcedDownChangeTogether() {
        assertJson(masked(server.put("/v2.1/os-services/" + hosts.service2, "2.53",
                "{\"status\": \"enabled\", \"forced_down\": \"False\"}")),
                200, service(hosts.service2, "compute-0002", "enabled", "up", null, false).shown());
        assertJson(masked(server.put("/v2.1/os-services/" + hosts.service1, "2.53",
                        "{\"status\": \"disabled\", \"disabled_reason\": \"broken\", \"forced_down\": \"yes\"}")), 200,
                compute1("disabled", "down", "broken", true));
    }

    @Test
    void aSaveThatChangesSomethingMovesUpdatedAt() {
        String before = updatedAt(server.get("/v2.1/os-services", "2.53"), "compute-0001");
        Reply reply = server.put("/v2.1/os-services/" + hosts.service1, "2.53", "{\"status\": \"disabled\"}");
        assertThat(reply.json().get("service").get("updated_at").asText()).isGreaterThan(before);
        assertThat(updatedAt(server.get("/v2.1/os-services", "2.53"), "compute-0001"))
                .isEqualTo(reply.json().get("service").get("updated_at").asText());
    }

    @Test
    void aSaveThatChangesNothingStillAnswersButLeavesUpdatedAtAlone() {
        String before = updatedAt(server.get("/v2.1/os-services", "2.53"), "compute-0001");
        Reply reply = server.put("/v2.1/os-services/" + hosts.service1, "2.53",
                "{\"status\": \"enabled\", \"forced_down\": \"False\"}");
        assertJson(masked(reply), 200, compute1("enabled", "up", null, false));
        assertThat(reply.json().get("service").get("updated_at").asText()).isEqualTo(before);
    }

    // ---- errors after a valid body ---------------------------------------------------------------------------------

    @Test
    void enablingWithAReasonIsABadRequest() {
        assertFault(server.put("/v2.1/os-services/" + hosts.service2, "2.53",
                        "{\"status\": \"enabled\", \"disabled_reason\": \"x\"}"), 400, "badRequest",
                "Specifying 'disabled_reason' with status 'enabled' is invalid.");
        assertThat(server.get("/v2.1/os-services?host=compute-0002", "2.53").json().get("services").get(0)
                .get("status").asText()).isEqualTo("disabled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"disabled_reason\": \"x\"}"})
    void aBodyWithoutStatusOrForcedDownRequestsNoUpdate(String body) {
        assertFault(server.put("/v2.1/os-services/" + hosts.service1, "2.53", body), 400, "badRequest", NO_UPDATES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"status\": \"disabled\"}", "{}"})
    void onlyNovaComputeServicesCanBeUpdatedAndThatIsCheckedFirst(String body) {
        assertFault(server.put("/v2.1/os-services/" + hosts.scheduler, "2.53", body), 400, "badRequest",
                "Updating a nova-scheduler service is not supported. Only nova-compute services can be updated.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"status\": \"enabled\"}", "{}"})
    void unknownServiceIsNotFound(String body) {
        assertFault(server.put("/v2.1/os-services/" + UNKNOWN, "2.53", body), 404, "itemNotFound",
                "Service " + UNKNOWN + " could not be found.");
    }

    @Test
    void aUuidWithoutDashesIsAcceptedButFindsNothing() {
        String undashed = hosts.service1.replace("-", "");
        assertFault(server.put("/v2.1/os-services/" + undashed, "2.53", "{\"status\": \"enabled\"}"), 404, "itemNotFound",
                "Service " + undashed + " could not be found.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "abc", "disable", "enable"})
    void anIdThatIsNotAUuidIsABadRequest(String id) {
        assertFault(server.put("/v2.1/os-services/" + id, "2.53", "{\"status\": \"disabled\"}"), 400, "badRequest",
                "Invalid uuid " + id);
    }

    @Test
    void theUuidIsCheckedAfterTheBody() {
        assertFault(server.put("/v2.1/os-services/abc", "2.53", "{\"status\": \"foo\"}"), 400, "badRequest",
                "Invalid input for field/attribute status. Value: foo. 'foo' is not one of ['enabled', 'disabled']");
    }

    @Test
    void aServiceUuidBefore253IsAnUnknownAction() {
        assertFault(server.put("/v2.1/os-services/" + hosts.service1, "2.52",
                        "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\"}"), 404, "itemNotFound", "Unknown action");
    }

    // ---- body validation -------------------------------------------------------------------------------------------

    /** The invalid bodies whose message is built: not an object, too long, not one of the boolean words. */
    static Stream<Arguments> notAnObjectTooLongOrNotABoolean() {
        String r256 = "r".repeat(256);
        return Stream.concat(notAnObject(), Stream.of(
                Arguments.of("{\"status\": \"disabled\", \"disabled_reason\": \"" + r256 + "\"}",
                        "Invalid input for field/attribute disabled_reason. Value: " + r256 + ". '" + r256 + "' is too long"),
                Arguments.of("{\"forced_down\": \"maybe\"}",
                        "Invalid input for field/attribute forced_down. Value: maybe. 'maybe' is not one of " + ENUM)));
    }

    // The last two rows: only the first error is reported (properties in declared order, then additionalProperties).
    @ParameterizedTest
    @MethodSource("notAnObjectTooLongOrNotABoolean")
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
            {"status": "foo"}                                | Invalid input for field/attribute status. Value: foo. 'foo' is not one of ['enabled', 'disabled']
            {"status": "ENABLED"}                            | Invalid input for field/attribute status. Value: ENABLED. 'ENABLED' is not one of ['enabled', 'disabled']
            {"status": 1}                                    | Invalid input for field/attribute status. Value: 1. 1 is not of type 'string'
            {"status": null}                                 | Invalid input for field/attribute status. Value: None. None is not of type 'string'
            {"status": "disabled", "disabled_reason": ""}    | Invalid input for field/attribute disabled_reason. Value: . '' is too short
            {"status": "disabled", "disabled_reason": null}  | Invalid input for field/attribute disabled_reason. Value: None. None is not of type 'string'
            {"forced_down": 1}                               | Invalid input for field/attribute forced_down. Value: 1. 1 is not of type 'boolean', 'string'
            {"forced_down": 1.5}                             | Invalid input for field/attribute forced_down. Value: 1.5. 1.5 is not of type 'boolean', 'string'
            {"status": "enabled", "foo": 1}                  | Additional properties are not allowed ('foo' was unexpected)
            {"host": "compute-0001"}                         | Additional properties are not allowed ('host' was unexpected)
            {"host": "compute-0001", "binary": "nova-compute", "forced_down": true}  | Additional properties are not allowed ('binary', 'host' were unexpected)
            {"host": "compute-0001", "binary": "nova-compute", "foo": 1, "bar": 2}   | Additional properties are not allowed ('bar', 'binary', 'foo', 'host' were unexpected)
            {"status": "foo", "bar": 1}                      | Invalid input for field/attribute status. Value: foo. 'foo' is not one of ['enabled', 'disabled']
            {"host": "compute-0001", "binary": "nova-compute", "disabled_reason": ""} | Invalid input for field/attribute disabled_reason. Value: . '' is too short
            """)
    void invalidBodyIsABadRequestWithJsonschemasMessage(String body, String message) {
        assertFault(server.put("/v2.1/os-services/" + hosts.service1, "2.53", body), 400, "badRequest", message);
        assertFault(server.put("/v2.1/os-services/" + hosts.service1, "latest", body), 400, "badRequest", message);
    }

    @Test
    void aMissingBodyIsNone() {
        assertFault(server.put("/v2.1/os-services/" + hosts.service1, "2.53", null), 400, "badRequest",
                "None is not of type 'object'");
        assertFault(server.send("PUT", "/v2.1/os-services/" + hosts.service1, null,
                TestServer.headers(TestServer.ADMIN, "2.53")), 400, "badRequest", "None is not of type 'object'");
    }

    @Test
    void anXmlBodyIsAnUnsupportedMediaType() {
        Map<String, String> headers = new LinkedHashMap<>(TestServer.headers(TestServer.ADMIN, "2.53"));
        headers.put("Content-Type", "application/xml");
        assertFault(server.send("PUT", "/v2.1/os-services/" + hosts.service1, "{\"status\": \"disabled\"}", headers),
                415, "badMediaType", "Unsupported Content-Type");
    }

    // ---- policy ----------------------------------------------------------------------------------------------------

    @Test
    void nonAdminIsForbiddenForAnyUuidKnownOrNot() {
        String message = "Policy doesn't allow os_compute_api:os-services:update to be performed.";
        assertFault(asMember("/v2.1/os-services/" + hosts.service1, "{\"status\": \"disabled\"}"), 403, "forbidden", message);
        assertFault(asMember("/v2.1/os-services/" + UNKNOWN, "{\"status\": \"enabled\"}"), 403, "forbidden", message);
        assertFault(asMember("/v2.1/os-services/" + hosts.scheduler, "{}"), 403, "forbidden", message);
        assertThat(server.get("/v2.1/os-services?host=compute-0001", "2.53").json().get("services").get(0)
                .get("status").asText()).isEqualTo("enabled");
    }

    @Test
    void forANonAdminTheBodyAndThenTheUuidAreCheckedBeforePolicy() {
        assertFault(asMember("/v2.1/os-services/" + hosts.service1, "{\"status\": \"foo\"}"), 400, "badRequest",
                "Invalid input for field/attribute status. Value: foo. 'foo' is not one of ['enabled', 'disabled']");
        assertFault(asMember("/v2.1/os-services/abc", "{\"status\": \"enabled\"}"), 400, "badRequest", "Invalid uuid abc");
    }

    private Reply asMember(String path, String body) {
        Map<String, String> headers = new LinkedHashMap<>(TestServer.headers(TestServer.MEMBER, "2.53"));
        headers.put("Content-Type", "application/json");
        return server.send("PUT", path, body, headers);
    }
}
