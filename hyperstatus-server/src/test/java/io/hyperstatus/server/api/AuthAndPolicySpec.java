package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static io.hyperstatus.server.testing.ThreeHosts.NODE1;
import static io.hyperstatus.server.testing.VersionHeaders.assertNoVersionHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHostsBodies;
import io.hyperstatus.server.testing.ThreeHosts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Authentication (401 without a token), the admin-only policy of every hypervisor action with Nova's order of
 * checks, and the project id in the URL.
 */
class AuthAndPolicySpec {
    private static final String PROJECT = "6f70656e737461636b20697320636f6f6c";
    private static final String UNAUTHORIZED = """
            {"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;

    private Reply get(String path, String token, String... headerPairs) {
        List<String> headers = new ArrayList<>();
        if (token != null) {
            headers.addAll(List.of("X-Auth-Token", token));
        }
        headers.addAll(List.of(headerPairs));
        return server.sendRaw("GET", path, null, headers);
    }

    /** GET as a project member at a microversion. */
    private Reply asMember(String path, String version) {
        return get(path, TestServer.MEMBER, "OpenStack-API-Version", "compute " + version);
    }

    private static String denied(String rule) {
        return "Policy doesn't allow os_compute_api:os-hypervisors:" + rule + " to be performed.";
    }

    private static void assertUnauthorized(Reply reply) {
        assertJson(reply, 401, UNAUTHORIZED);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertNoVersionHeaders(reply);
    }

    // ---- 401 ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/v2.1/os-hypervisors", "/v2.1/os-hypervisors/detail", "/v2.1/os-hypervisors/1",
            "/v2.1/os-services", "/v2.1/extensions", "/v2/" + PROJECT + "/os-hypervisors", "/v2/os-hypervisors"})
    void withoutATokenEveryApiCallIsUnauthorized(String path) {
        assertUnauthorized(get(path, null));
    }

    @Test
    void authenticationComesBeforeTheVersionHeader() {
        assertUnauthorized(get("/v2.1/os-hypervisors", null, "OpenStack-API-Version", "compute 2.999"));
        assertUnauthorized(get("/v2.1/os-hypervisors", null, "OpenStack-API-Version", "compute 2.x"));
    }

    @Test
    void authenticationComesBeforeTheBody() {
        assertUnauthorized(server.sendRaw("PUT", "/v2.1/os-services/enable", "{}",
                List.of("Content-Type", "application/json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2.1/nonexistent", "/v2.1/os-hypervisors/", "/v2/" + PROJECT + "/nonexistent",
            "/v2.1/nothex-project/os-hypervisors"})
    void authenticationComesBeforeRouting(String path) {
        assertUnauthorized(get(path, null));
        assertUnauthorized(server.sendRaw("POST", "/v2.1/os-hypervisors", "{}", List.of()));
    }

    @Test
    void anEmptyTokenIsAnAnonymousNonAdmin() {
        assertFault(get("/v2.1/os-hypervisors", ""), 403, "forbidden", denied("list"));
    }

    @Test
    void aTokenWithoutProjectIsItsOwnProjectAndAdminIsAdmin() {
        assertThat(get("/v2.1/os-hypervisors", "admin").json().get("hypervisors")).hasSize(3);
    }

    // ---- 403 ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "/v2.1/os-hypervisors, list",
            "/v2.1/os-hypervisors/detail, list-detail",
            "/v2.1/os-hypervisors/1, show",
            "/v2.1/os-hypervisors/statistics, statistics",
            "/v2.1/os-hypervisors/1/uptime, uptime",
            "/v2.1/os-hypervisors/compute/search, search",
            "/v2.1/os-hypervisors/compute/servers, servers"})
    void aNonAdminIsRefusedEveryHypervisorActionNamingItsRule(String path, String rule) {
        Reply reply = get(path, TestServer.MEMBER);
        assertFault(reply, 403, "forbidden", denied(rule));
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
        assertThat(reply.headerValues("Vary")).containsExactly("OpenStack-API-Version", "X-OpenStack-Nova-API-Version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.53", "2.88", "latest"})
    void aNonAdminIsRefusedTheListsAndShowAtLaterVersions(String version) {
        assertFault(get("/v2.1/os-hypervisors", TestServer.MEMBER, "OpenStack-API-Version", "compute " + version),
                403, "forbidden", denied("list"));
        assertFault(get("/v2.1/os-hypervisors/detail", TestServer.MEMBER, "OpenStack-API-Version", "compute " + version),
                403, "forbidden", denied("list-detail"));
        assertFault(get("/v2.1/os-hypervisors/" + NODE1, TestServer.MEMBER, "OpenStack-API-Version", "compute " + version),
                403, "forbidden", denied("show"));
    }

    @Test
    void policyComesBeforeTheIdCheckOfShow() {
        assertFault(get("/v2.1/os-hypervisors/abc", TestServer.MEMBER), 403, "forbidden", denied("show"));
        assertFault(asMember("/v2.1/os-hypervisors/abc", "2.53"),
                403, "forbidden", denied("show"));
        assertFault(asMember("/v2.1/os-hypervisors/abc/uptime", "2.53"),
                403, "forbidden", denied("uptime"));
    }

    // NODE1 stands for that node's UUID.
    @ParameterizedTest
    @CsvSource(delimiterString = " | ", quoteCharacter = '`', textBlock = """
            ?foo=bar               | 2.53 | 400 | badRequest   | Additional properties are not allowed ('foo' was unexpected)
            ?limit=abc             | 2.53 | 400 | badRequest   | Invalid input for query parameters limit. Value: abc. 'abc' does not match '^[0-9]*$'
            /NODE1?foo=bar         | 2.53 | 400 | badRequest   | Additional properties are not allowed ('foo' was unexpected)
            /statistics            | 2.88 | 404 | itemNotFound | The resource could not be found.
            /compute/search        | 2.53 | 404 | itemNotFound | The resource could not be found.
            """)
    void queryValidationAndRoutesOutsideTheVersionComeBeforePolicy(String path, String version, int status,
                                                                  String fault, String message) {
        assertFault(asMember("/v2.1/os-hypervisors" + path.replace("NODE1", NODE1), version), status, fault, message);
    }

    @Test
    void extensionsAreAllowedForAnyone() {
        assertThat(get("/v2.1/extensions", TestServer.MEMBER).json().get("extensions")).hasSize(99);
        assertJson(get("/v2.1/extensions/os-hypervisors", TestServer.MEMBER), 200, """
                {"extension": {"alias": "os-hypervisors", "description": "Admin-only hypervisor administration.",
                 "links": [], "name": "Hypervisors", "namespace": "http://docs.openstack.org/compute/ext/fake_xml",
                 "updated": "2014-12-03T00:00:00Z"}}""");
    }

    // ---- project id in the URL ------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"admin:otherproject, otherproject", "admin:admin, admin", "demo:otherproject, otherproject"})
    void aUrlProjectOtherThanTheTokensIsAMalformedUrl(String token, String tokenProject) {
        String message = "Malformed request URL: URL's project_id '" + PROJECT + "' doesn't match Context's project_id '"
                + tokenProject + "'";
        assertFault(get("/v2.1/" + PROJECT + "/os-hypervisors", token), 400, "badRequest", message);
        Reply at253 = get("/v2.1/" + PROJECT + "/os-hypervisors", token, "OpenStack-API-Version", "compute 2.53");
        assertFault(at253, 400, "badRequest", message);
        assertThat(at253.header("OpenStack-API-Version")).isEqualTo("compute 2.53");
    }

    @Test
    void aUrlProjectMismatchInTheLegacyApiHasNoVersionHeaders() {
        Reply reply = get("/v2/" + PROJECT + "/os-hypervisors", TestServer.MEMBER);
        assertFault(reply, 400, "badRequest", "Malformed request URL: URL's project_id '" + PROJECT
                + "' doesn't match Context's project_id 'demo'");
        assertThat(reply.header("OpenStack-API-Version")).isNull();
    }

    @Test
    void theUrlProjectOfTheTokenWorks() {
        assertJson(get("/v2.1/" + PROJECT + "/os-hypervisors", "admin:" + PROJECT), 200, ThreeHostsBodies.LIST_V21);
        assertThat(get("/v2.1/" + PROJECT + "/os-hypervisors/" + NODE1, "admin:" + PROJECT,
                "OpenStack-API-Version", "compute 2.53").status()).isEqualTo(200);
    }

    @Test
    void theUrlProjectOfANonAdminTokenIsStillRefusedByPolicy() {
        assertFault(get("/v2.1/" + PROJECT + "/os-hypervisors", "demo:" + PROJECT), 403, "forbidden", denied("list"));
        assertFault(get("/v2/" + PROJECT + "/os-hypervisors", "demo:" + PROJECT), 403, "forbidden", denied("list"));
    }

    // ---- the agent interface -------------------------------------------------------------------------------------

    @Test
    void theAgentInterfaceRefusesANonAdmin() {
        Reply reply = server.sendRaw("POST", "/agent/v1/heartbeats",
                "{\"heartbeats\": [{\"host\": \"compute-0001\", \"binary\": \"nova-compute\"}]}",
                List.of("X-Auth-Token", TestServer.MEMBER, "Content-Type", "application/json"));
        assertFault(reply, 403, "forbidden", "Policy doesn't allow hyperstatus:agent:report to be performed.");
    }

    @Test
    void theAgentInterfaceNeedsAToken() {
        assertUnauthorized(server.sendRaw("POST", "/agent/v1/heartbeats",
                "{\"heartbeats\": [{\"host\": \"compute-0001\", \"binary\": \"nova-compute\"}]}",
                List.of("Content-Type", "application/json")));
    }
}
