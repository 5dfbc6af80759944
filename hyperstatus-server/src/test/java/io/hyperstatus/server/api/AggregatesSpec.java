package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * /os-aggregates: list, create, show, update, delete and the add_host, remove_host and set_metadata actions, at the
 * 2.40/2.41 boundary (uuid) and at the latest version, with Nova's error answers (checked against Nova 26).
 */
class AggregatesSpec {
    static final String TS = "<timestamp>";
    static final String UUID = "<uuid>";
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
    private static final Pattern UUID_FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;

    // ---- helpers ---------------------------------------------------------------------------------------------

    static Reply post(TestServer server, String path, String version, String body) {
        return send(server, "POST", path, version, body, TestServer.ADMIN);
    }

    static Reply send(TestServer server, String method, String path, String version, String body, String token) {
        Map<String, String> headers = new LinkedHashMap<>(TestServer.headers(token, version));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return server.send(method, path, body, headers);
    }

    /** Timestamps and uuids replaced by placeholders once their format is checked; the rest compared whole. */
    static Reply masked(Reply reply) {
        JsonNode json = reply.json();
        mask(json);
        return new Reply(reply.status(), reply.headers(), json.toString());
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : new String[] {"created_at", "updated_at"}) {
                JsonNode value = object.get(field);
                if (value != null && value.isTextual() && TIMESTAMP.matcher(value.asText()).matches()) {
                    object.put(field, TS);
                }
            }
            JsonNode uuid = object.get("uuid");
            if (uuid != null && uuid.isTextual() && UUID_FORMAT.matcher(uuid.asText()).matches()) {
                object.put("uuid", UUID);
            }
        }
        node.forEach(AggregatesSpec::mask);
    }

    private Reply create(String name, String zone) {
        String body = zone == null ? "{\"aggregate\": {\"name\": \"%s\"}}".formatted(name)
                : "{\"aggregate\": {\"name\": \"%s\", \"availability_zone\": \"%s\"}}".formatted(name, zone);
        Reply reply = post(server, "/v2.1/os-aggregates", "2.1", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private Reply action(long id, String body) {
        return post(server, "/v2.1/os-aggregates/" + id + "/action", "2.1", body);
    }

    private Reply addHost(long id, String host) {
        return action(id, "{\"add_host\": {\"host\": \"" + host + "\"}}");
    }

    // ---- create ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.40"})
    void createBefore241AnswersWithoutUuidHostsOrMetadata(String version) {
        assertJson(masked(post(server, "/v2.1/os-aggregates", version,
                "{\"aggregate\": {\"name\": \"rack-1\", \"availability_zone\": \"az1\"}}")), 200, """
                {"aggregate": {"id": 1, "name": "rack-1", "created_at": "<timestamp>", "updated_at": null,
                  "deleted_at": null, "deleted": false, "availability_zone": "az1"}}""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.41", "2.104", "latest"})
    void createFrom241AddsTheUuid(String version) {
        Reply reply = post(server, "/v2.1/os-aggregates", version, "{\"aggregate\": {\"name\": \"rack-1\"}}");
        assertJson(masked(reply), 200, """
                {"aggregate": {"id": 1, "uuid": "<uuid>", "name": "rack-1", "created_at": "<timestamp>",
                  "updated_at": null, "deleted_at": null, "deleted": false, "availability_zone": null}}""");
    }

    @Test
    void createStripsNothingButRejectsLeadingSpacesAndANullZoneIsNoZone() {
        assertFault(post(server, "/v2.1/os-aggregates", "2.1", "{\"aggregate\": {\"name\": \" lead\"}}"), 400,
                "badRequest", "An invalid 'name' value was provided. The name must be: printable characters. "
                        + "Can not start or end with whitespace.");
        assertJson(masked(post(server, "/v2.1/os-aggregates", "2.1",
                "{\"aggregate\": {\"name\": \"x\", \"availability_zone\": null}}")), 200, """
                {"aggregate": {"id": 1, "name": "x", "created_at": "<timestamp>", "updated_at": null,
                  "deleted_at": null, "deleted": false, "availability_zone": null}}""");
    }

    @Test
    void aDuplicateNameIsAConflictButADeletedAggregatesNameIsFree() {
        create("rack-1", null);
        assertFault(post(server, "/v2.1/os-aggregates", "2.1", "{\"aggregate\": {\"name\": \"rack-1\"}}"), 409,
                "conflictingRequest", "Aggregate rack-1 already exists.");
        assertThat(send(server, "DELETE", "/v2.1/os-aggregates/1", "2.1", null, TestServer.ADMIN).status()).isEqualTo(200);
        assertThat(create("rack-1", null).json().get("aggregate").get("id").asLong()).isEqualTo(2);
        // Names are case-sensitive, on every database.
        create("RACK-1", null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"aggregate\": {\"name\": \"\"}}|Invalid input for field/attribute name. Value: . '' is too short",
        "{\"aggregate\": {\"name\": 5}}|Invalid input for field/attribute name. Value: 5. 5 is not of type 'string'",
        "{\"aggregate\": {}}|Invalid input for field/attribute aggregate. Value: {}. 'name' is a required property",
        "{\"aggregate\": {\"name\": \"x\", \"foo\": 1}}|Invalid input for field/attribute aggregate. Value: "
                + "{'name': 'x', 'foo': 1}. Additional properties are not allowed ('foo' was unexpected)",
        "{}|'aggregate' is a required property",
        "{\"aggregate\": {\"name\": \"x\", \"availability_zone\": \"a:b\"}}|Invalid input for field/attribute "
                + "availability_zone. Value: a:b. 'a:b' is not valid under any of the given schemas",
        "{\"aggregate\": {\"name\": \"x\", \"availability_zone\": \"\"}}|Invalid input for field/attribute "
                + "availability_zone. Value: . '' is not valid under any of the given schemas",
        "{\"aggregate\": {\"name\": \"x\", \"availability_zone\": 5}}|Invalid input for field/attribute "
                + "availability_zone. Value: 5. 5 is not valid under any of the given schemas",
        "{\"aggregate\": {\"name\": \"x\", \"availability_zone\": \" az\"}}|Invalid input for field/attribute "
                + "availability_zone. Value:  az. ' az' is not valid under any of the given schemas",
    })
    void createValidatesTheBodyAsNova(String body, String message) {
        assertFault(post(server, "/v2.1/os-aggregates", "2.1", body), 400, "badRequest", message);
    }

    // ---- list and show ---------------------------------------------------------------------------------------

    private void twoAggregates() {
        create("rack-1", "az1");
        create("rack-2", null);
        addHost(1, "compute-0001");
    }

    private static final String LIST_V21 = """
            {"aggregates": [
              {"id": 1, "name": "rack-1", "hosts": ["compute-0001"], "metadata": {"availability_zone": "az1"},
               "created_at": "<timestamp>", "updated_at": null, "deleted_at": null, "deleted": false,
               "availability_zone": "az1"},
              {"id": 2, "name": "rack-2", "hosts": [], "metadata": {}, "created_at": "<timestamp>",
               "updated_at": null, "deleted_at": null, "deleted": false, "availability_zone": null}]}""";

    private static final String LIST_V241 = """
            {"aggregates": [
              {"id": 1, "uuid": "<uuid>", "name": "rack-1", "hosts": ["compute-0001"],
               "metadata": {"availability_zone": "az1"}, "created_at": "<timestamp>", "updated_at": null,
               "deleted_at": null, "deleted": false, "availability_zone": "az1"},
              {"id": 2, "uuid": "<uuid>", "name": "rack-2", "hosts": [], "metadata": {}, "created_at": "<timestamp>",
               "updated_at": null, "deleted_at": null, "deleted": false, "availability_zone": null}]}""";

    @Test
    void listIsEmptyAtFirst() {
        assertJson(server.get("/v2.1/os-aggregates", "2.1"), 200, "{\"aggregates\": []}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.40"})
    void listBefore241(String version) {
        twoAggregates();
        assertJson(masked(server.get("/v2.1/os-aggregates", version)), 200, LIST_V21);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.41", "2.101", "latest"})
    void listFrom241(String version) {
        twoAggregates();
        assertJson(masked(server.get("/v2.1/os-aggregates", version)), 200, LIST_V241);
    }

    @Test
    void theUuidIsStable() {
        twoAggregates();
        String uuid = server.get("/v2.1/os-aggregates", "2.41").json().get("aggregates").get(0).get("uuid").asText();
        assertThat(server.get("/v2.1/os-aggregates/1", "2.41").json().get("aggregate").get("uuid").asText()).isEqualTo(uuid);
    }

    @Test
    void listRejectsUnknownQueryParametersFrom2102Only() {
        assertJson(server.get("/v2.1/os-aggregates?foo=1", "2.101"), 200, "{\"aggregates\": []}");
        assertFault(server.get("/v2.1/os-aggregates?foo=1", "2.102"), 400, "badRequest",
                "Additional properties are not allowed ('foo' was unexpected)");
    }

    @Test
    void showAtEachSideOf241() {
        twoAggregates();
        assertJson(masked(server.get("/v2.1/os-aggregates/1", "2.40")), 200,
                "{\"aggregate\": " + Reply.parse(LIST_V21).get("aggregates").get(0) + "}");
        assertJson(masked(server.get("/v2.1/os-aggregates/2", "2.41")), 200,
                "{\"aggregate\": " + Reply.parse(LIST_V241).get("aggregates").get(1) + "}");
    }

    @Test
    void showErrors() {
        assertFault(server.get("/v2.1/os-aggregates/99", "2.1"), 404, "itemNotFound", "Aggregate 99 could not be found.");
        assertFault(server.get("/v2.1/os-aggregates/abc", "2.1"), 400, "badRequest",
                "Invalid input received: id must be an integer");
    }

    // ---- update ------------------------------------------------------------------------------------------------

    @Test
    void renameStripsSpacesAndMovesUpdatedAt() {
        twoAggregates();
        Reply reply = send(server, "PUT", "/v2.1/os-aggregates/2", "2.41", "{\"aggregate\": {\"name\": \" spaced \"}}",
                TestServer.ADMIN);
        assertJson(masked(reply), 200, """
                {"aggregate": {"id": 2, "uuid": "<uuid>", "name": "spaced", "hosts": [], "metadata": {},
                  "created_at": "<timestamp>", "updated_at": "<timestamp>", "deleted_at": null, "deleted": false,
                  "availability_zone": null}}""");
        assertThat(server.get("/v2.1/os-aggregates/2", "2.1").json().get("aggregate").get("updated_at").isNull()).isFalse();
    }

    @Test
    void updateTheZoneAnswersWithUpdatedAtButStoresNone() {
        create("rack-2", null);
        assertJson(masked(send(server, "PUT", "/v2.1/os-aggregates/1", "2.1",
                "{\"aggregate\": {\"availability_zone\": \"az9\"}}", TestServer.ADMIN)), 200, """
                {"aggregate": {"id": 1, "name": "rack-2", "hosts": [], "metadata": {"availability_zone": "az9"},
                  "created_at": "<timestamp>", "updated_at": "<timestamp>", "deleted_at": null, "deleted": false,
                  "availability_zone": "az9"}}""");
        assertThat(server.get("/v2.1/os-aggregates/1", "2.1").json().get("aggregate").get("updated_at").isNull()).isTrue();
    }

    @Test
    void updateErrors() {
        twoAggregates();
        create("rack-3", "az2");
        assertFault(send(server, "PUT", "/v2.1/os-aggregates/2", "2.1", "{\"aggregate\": {\"name\": \"rack-1\"}}",
                TestServer.ADMIN), 409, "conflictingRequest", "Aggregate rack-1 already exists.");
        assertFault(send(server, "PUT", "/v2.1/os-aggregates/2", "2.1", "{\"aggregate\": {}}", TestServer.ADMIN), 400,
                "badRequest", "Invalid input for field/attribute aggregate. Value: {}. {} is not valid under any of the given schemas");
        assertFault(send(server, "PUT", "/v2.1/os-aggregates/2", "2.1", "{\"aggregate\": {\"name\": \"  \"}}",
                TestServer.ADMIN), 400, "badRequest", "An invalid 'name' value was provided. The name must be: "
                + "printable characters with at least one non space character");
        assertFault(send(server, "PUT", "/v2.1/os-aggregates/99", "2.1", "{\"aggregate\": {\"name\": \"x\"}}",
                TestServer.ADMIN), 404, "itemNotFound", "Aggregate 99 could not be found.");
        assertFault(send(server, "PUT", "/v2.1/os-aggregates/x", "2.1", "{\"aggregate\": {\"name\": \"x\"}}",
                TestServer.ADMIN), 400, "badRequest", "Invalid input received: id must be an integer");
        assertFault(send(server, "PUT", "/v2.1/os-aggregates/2", "2.1", "{\"aggregate\": {\"availability_zone\": null}}",
                TestServer.ADMIN), 400, "badRequest",
                "Cannot update aggregate 2. Reason: Aggregate rack-2 does not support empty named availability zone.");
        // compute-0001 has instances: its only aggregate may not move it to another zone.
        assertFault(send(server, "PUT", "/v2.1/os-aggregates/1", "2.1", "{\"aggregate\": {\"availability_zone\": \"az5\"}}",
                TestServer.ADMIN), 400, "badRequest",
                "Cannot update aggregate 1. Reason: One or more hosts contain instances in this zone.");
        addHost(2, "compute-0001");
        assertFault(send(server, "PUT", "/v2.1/os-aggregates/2", "2.1", "{\"aggregate\": {\"availability_zone\": \"az9\"}}",
                TestServer.ADMIN), 400, "badRequest",
                "Cannot update aggregate 2. Reason: One or more hosts already in availability zone(s) ['az1'].");
    }

    // ---- delete ------------------------------------------------------------------------------------------------

    @Test
    void deleteAnswers200WithAnEmptyBody() {
        create("rack-1", "az1");
        Reply reply = send(server, "DELETE", "/v2.1/os-aggregates/1", "2.1", null, TestServer.ADMIN);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertFault(server.get("/v2.1/os-aggregates/1", "2.1"), 404, "itemNotFound", "Aggregate 1 could not be found.");
        assertJson(server.get("/v2.1/os-aggregates", "2.1"), 200, "{\"aggregates\": []}");
    }

    @Test
    void deleteErrors() {
        twoAggregates();
        assertFault(send(server, "DELETE", "/v2.1/os-aggregates/1", "2.1", null, TestServer.ADMIN), 400, "badRequest",
                "Cannot remove host from aggregate 1. Reason: Host aggregate is not empty.");
        assertFault(send(server, "DELETE", "/v2.1/os-aggregates/77", "2.1", null, TestServer.ADMIN), 404, "itemNotFound",
                "Aggregate 77 could not be found.");
        assertFault(send(server, "DELETE", "/v2.1/os-aggregates/abc", "2.1", null, TestServer.ADMIN), 400, "badRequest",
                "Invalid input received: id must be an integer");
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    @Test
    void addAndRemoveHostsKeepTheStoredUpdatedAt() {
        create("rack-1", "az1");
        assertJson(masked(addHost(1, "compute-0002")), 200, """
                {"aggregate": {"id": 1, "name": "rack-1", "hosts": ["compute-0002"],
                  "metadata": {"availability_zone": "az1"}, "created_at": "<timestamp>", "updated_at": null,
                  "deleted_at": null, "deleted": false, "availability_zone": "az1"}}""");
        assertJson(masked(addHost(1, "compute-0003")), 200, """
                {"aggregate": {"id": 1, "name": "rack-1", "hosts": ["compute-0002", "compute-0003"],
                  "metadata": {"availability_zone": "az1"}, "created_at": "<timestamp>", "updated_at": null,
                  "deleted_at": null, "deleted": false, "availability_zone": "az1"}}""");
        assertJson(masked(post(server, "/v2.1/os-aggregates/1/action", "2.41",
                "{\"remove_host\": {\"host\": \"compute-0002\"}}")), 200, """
                {"aggregate": {"id": 1, "uuid": "<uuid>", "name": "rack-1", "hosts": ["compute-0003"],
                  "metadata": {"availability_zone": "az1"}, "created_at": "<timestamp>", "updated_at": null,
                  "deleted_at": null, "deleted": false, "availability_zone": "az1"}}""");
    }

    @Test
    void addHostErrors() {
        twoAggregates();
        assertFault(addHost(1, "compute-0001"), 409, "conflictingRequest", "Aggregate 1 already has host compute-0001.");
        assertFault(addHost(1, "nohost"), 404, "itemNotFound", "Compute host nohost could not be found.");
        assertFault(addHost(1, "controller"), 404, "itemNotFound", "Compute host controller could not be found.");
        assertFault(addHost(99, "compute-0001"), 404, "itemNotFound", "Aggregate 99 could not be found.");
        assertFault(addHost(99, "nohost"), 404, "itemNotFound", "Compute host nohost could not be found.");
    }

    @Test
    void aHostMayNotBeInTwoZones() {
        twoAggregates();
        action(2, "{\"set_metadata\": {\"metadata\": {\"availability_zone\": \"az2\"}}}");
        assertFault(addHost(2, "compute-0001"), 409, "conflictingRequest",
                "Cannot add host to aggregate 2. Reason: One or more hosts already in availability zone(s) ['az1'].");
        // The same zone is no conflict, nor is an aggregate without a zone.
        action(2, "{\"set_metadata\": {\"metadata\": {\"availability_zone\": \"az1\"}}}");
        assertThat(addHost(2, "compute-0001").status()).isEqualTo(200);
        create("rack-3", null);
        assertThat(addHost(3, "compute-0001").status()).isEqualTo(200);
        assertFault(action(2, "{\"set_metadata\": {\"metadata\": {\"availability_zone\": \"az9\"}}}"), 400, "badRequest",
                "Cannot update metadata of aggregate 2. Reason: One or more hosts already in availability zone(s) ['az1'].");
    }

    @Test
    void removeHostErrorsAreAll404NamingHostAndAggregate() {
        twoAggregates();
        assertFault(action(1, "{\"remove_host\": {\"host\": \"compute-0002\"}}"), 404, "itemNotFound",
                "Cannot remove host compute-0002 in aggregate 1");
        assertFault(action(1, "{\"remove_host\": {\"host\": \"nohost\"}}"), 404, "itemNotFound",
                "Cannot remove host nohost in aggregate 1");
        assertFault(action(99, "{\"remove_host\": {\"host\": \"compute-0001\"}}"), 404, "itemNotFound",
                "Cannot remove host compute-0001 in aggregate 99");
        assertFault(post(server, "/v2.1/os-aggregates/abc/action", "2.1", "{\"remove_host\": {\"host\": \"compute-0001\"}}"),
                400, "badRequest", "Invalid input received: id must be an integer");
    }

    @Test
    void setMetadataMergesRemovesNullsAndAnswersWithUpdatedAt() {
        create("rack-2", null);
        assertJson(masked(action(1, "{\"set_metadata\": {\"metadata\": {\"availability_zone\": \"az1\", \"foo\": \"bar\"}}}")),
                200, """
                {"aggregate": {"id": 1, "name": "rack-2", "hosts": [], "metadata": {"availability_zone": "az1", "foo": "bar"},
                  "created_at": "<timestamp>", "updated_at": "<timestamp>", "deleted_at": null, "deleted": false,
                  "availability_zone": "az1"}}""");
        assertJson(masked(action(1, "{\"set_metadata\": {\"metadata\": {\"foo\": null, \"k2\": \"v\"}}}")), 200, """
                {"aggregate": {"id": 1, "name": "rack-2", "hosts": [], "metadata": {"availability_zone": "az1", "k2": "v"},
                  "created_at": "<timestamp>", "updated_at": "<timestamp>", "deleted_at": null, "deleted": false,
                  "availability_zone": "az1"}}""");
        assertJson(masked(server.get("/v2.1/os-aggregates/1", "2.1")), 200, """
                {"aggregate": {"id": 1, "name": "rack-2", "hosts": [], "metadata": {"availability_zone": "az1", "k2": "v"},
                  "created_at": "<timestamp>", "updated_at": null, "deleted_at": null, "deleted": false,
                  "availability_zone": "az1"}}""");
    }

    @Test
    void actionBodyErrors() {
        create("rack-2", null);
        assertFault(action(1, "{\"bogus\": {}}"), 400, "badRequest", "There is no such action: bogus");
        assertFault(action(1, "{}"), 400, "badRequest", "Malformed request body");
        assertFault(action(1, "{\"add_host\": {\"host\": \"compute-0002\"}, \"remove_host\": {\"host\": \"x\"}}"), 400,
                "badRequest", "Malformed request body");
        assertFault(action(1, "{\"set_metadata\": {\"metadata\": {\"bad key!\": \"x\"}}}"), 400, "badRequest",
                "Invalid input for field/attribute metadata. Value: {'bad key!': 'x'}. 'bad key!' does not match any of "
                        + "the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'");
        assertFault(action(1, "{\"add_host\": {\"host\": \"bad host\"}}"), 400, "badRequest",
                "Invalid input for field/attribute host. Value: bad host. 'bad host' does not match '^[a-zA-Z0-9-._]*$'");
        assertFault(action(1, "{\"set_metadata\": {\"metadata\": {\"availability_zone\": null}}}"), 400, "badRequest",
                "Cannot update metadata of aggregate 1. Reason: Aggregate rack-2 does not support empty named "
                        + "availability zone.");
        assertFault(action(99, "{\"set_metadata\": {\"metadata\": {\"a\": \"b\"}}}"), 404, "itemNotFound",
                "Aggregate 99 could not be found.");
    }

    // ---- policy ------------------------------------------------------------------------------------------------

    @Test
    void everyAggregateActionIsAdminOnly() {
        create("rack-1", null);
        String member = TestServer.MEMBER;
        assertFault(send(server, "GET", "/v2.1/os-aggregates", "2.1", null, member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-aggregates:index to be performed.");
        assertFault(send(server, "POST", "/v2.1/os-aggregates", "2.1", "{\"aggregate\": {\"name\": \"x\"}}", member), 403,
                "forbidden", "Policy doesn't allow os_compute_api:os-aggregates:create to be performed.");
        assertFault(send(server, "GET", "/v2.1/os-aggregates/1", "2.1", null, member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-aggregates:show to be performed.");
        assertFault(send(server, "PUT", "/v2.1/os-aggregates/1", "2.1", "{\"aggregate\": {\"name\": \"x\"}}", member), 403,
                "forbidden", "Policy doesn't allow os_compute_api:os-aggregates:update to be performed.");
        assertFault(send(server, "DELETE", "/v2.1/os-aggregates/1", "2.1", null, member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-aggregates:delete to be performed.");
        assertFault(send(server, "POST", "/v2.1/os-aggregates/1/action", "2.1",
                "{\"add_host\": {\"host\": \"compute-0001\"}}", member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-aggregates:add_host to be performed.");
        assertFault(send(server, "POST", "/v2.1/os-aggregates/1/action", "2.1",
                "{\"remove_host\": {\"host\": \"compute-0001\"}}", member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-aggregates:remove_host to be performed.");
        assertFault(send(server, "POST", "/v2.1/os-aggregates/1/action", "2.1",
                "{\"set_metadata\": {\"metadata\": {}}}", member), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-aggregates:set_metadata to be performed.");
    }

    // ---- services and zones ------------------------------------------------------------------------------------

    @Test
    void deletingAComputeServiceTakesItsHostOutOfItsAggregates() {
        create("rack-1", "az1");
        addHost(1, "compute-0002");
        addHost(1, "compute-0003");
        String service = server.serviceUuid("compute-0002", "nova-compute");
        assertThat(server.delete("/v2.1/os-services/" + service, "2.53").status()).isEqualTo(204);
        assertThat(server.get("/v2.1/os-aggregates/1", "2.1").json().get("aggregate").get("hosts").toString())
                .isEqualTo("[\"compute-0003\"]");
    }
}
