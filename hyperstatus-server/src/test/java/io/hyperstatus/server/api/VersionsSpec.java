package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static io.hyperstatus.server.testing.VersionHeaders.assertNoVersionHeaders;
import static io.hyperstatus.server.testing.VersionHeaders.assertVersionHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The version discovery documents at {@code /}, {@code /v2.1} and {@code /v2}: Nova's samples
 * (doc/api_samples/versions) with the test server's hrefs. They need no token.
 */
class VersionsSpec {
    /** versions-get-resp.json; {@code %1$s} is the base URL. */
    private static final String VERSIONS = """
            {"versions": [
              {"id": "v2.0", "links": [{"href": "%1$s/v2/", "rel": "self"}], "status": "DEPRECATED",
               "version": "", "min_version": "", "updated": "2025-07-04T12:00:00Z"},
              {"id": "v2.1", "links": [{"href": "%1$s/v2.1/", "rel": "self"}], "status": "CURRENT",
               "version": "2.104", "min_version": "2.1", "updated": "2013-07-23T11:33:21Z"}]}""";

    /** v21-version-get-resp.json. */
    private static final String V21 = """
            {"version": {"id": "v2.1",
              "links": [{"href": "%1$s/v2.1/", "rel": "self"},
                        {"href": "http://docs.openstack.org/", "rel": "describedby", "type": "text/html"}],
              "media-types": [{"base": "application/json", "type": "application/vnd.openstack.compute+json;version=2.1"}],
              "status": "CURRENT", "version": "2.104", "min_version": "2.1", "updated": "2013-07-23T11:33:21Z"}}""";

    /** v2-version-get-resp.json. */
    private static final String V2 = """
            {"version": {"id": "v2.0",
              "links": [{"href": "%1$s/v2/", "rel": "self"},
                        {"href": "http://docs.openstack.org/", "rel": "describedby", "type": "text/html"}],
              "media-types": [{"base": "application/json", "type": "application/vnd.openstack.compute+json;version=2"}],
              "status": "DEPRECATED", "version": "", "min_version": "", "updated": "2025-07-04T12:00:00Z"}}""";

    /** The 300 answer for {@code %2$s}, a path outside both APIs. */
    private static final String CHOICES = """
            {"choices": [
              {"id": "v2.0", "status": "DEPRECATED", "links": [{"rel": "self", "href": "%1$s/v2%2$s"}],
               "media-types": [{"base": "application/json", "type": "application/vnd.openstack.compute+json;version=2"}]},
              {"id": "v2.1", "status": "CURRENT", "links": [{"rel": "self", "href": "%1$s/v2.1%2$s"}],
               "media-types": [{"base": "application/json", "type": "application/vnd.openstack.compute+json;version=2.1"}]}]}""";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.empty();
    private TestServer server;

    private Reply anonymous(String method, String path, String... headerPairs) {
        return server.sendRaw(method, path, null, List.of(headerPairs));
    }

    // ---- / ----------------------------------------------------------------------------------------------------

    @Test
    void rootListsBothVersionsWithoutAToken() {
        Reply reply = anonymous("GET", "/");
        assertJson(reply, 200, VERSIONS.formatted(server.baseUrl()));
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertNoVersionHeaders(reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compute 2.53", "compute 2.x", "compute 2.999"})
    void rootIgnoresVersionHeaders(String header) {
        Reply reply = anonymous("GET", "/", "OpenStack-API-Version", header, "X-Auth-Token", TestServer.ADMIN);
        assertJson(reply, 200, VERSIONS.formatted(server.baseUrl()));
        assertNoVersionHeaders(reply);
    }

    @Test
    void postToRootAlsoListsTheVersions() {
        Reply reply = server.send("POST", "/", "{}", Map.of("Content-Type", "application/json"));
        assertJson(reply, 200, VERSIONS.formatted(server.baseUrl()));
        assertNoVersionHeaders(reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nonexistent", "/v3", "/v2.2"})
    void aPathOutsideBothApisGivesTheChoicesWhereItWouldLive(String path) {
        Reply reply = anonymous("GET", path);
        assertJson(reply, 300, CHOICES.formatted(server.baseUrl(), path));
        assertNoVersionHeaders(reply);
    }

    @Test
    void linksUseTheComputeLinkPrefixWhenSet() {
        try (TestServer prefixed = TestServer.start("[api]\ncompute_link_prefix = https://compute.example.org:8774/\n")) {
            String base = "https://compute.example.org:8774";
            assertJson(prefixed.sendRaw("GET", "/", null, List.of()), 200, VERSIONS.formatted(base));
            assertJson(prefixed.sendRaw("GET", "/v2.1/", null, List.of()), 200, V21.formatted(base));
            assertJson(prefixed.sendRaw("GET", "/v2/", null, List.of()), 200, V2.formatted(base));
        }
    }

    // ---- /v2.1 ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/v2.1", "/v2.1/"})
    void v21DocumentNeedsNoTokenAndIsServedAs21(String path) {
        Reply reply = anonymous("GET", path);
        assertJson(reply, 200, V21.formatted(server.baseUrl()));
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertVersionHeaders(reply, "2.1");
    }

    @Test
    void v21DocumentEchoesTheRequestedVersion() {
        Reply reply = anonymous("GET", "/v2.1/", "OpenStack-API-Version", "compute 2.53");
        assertJson(reply, 200, V21.formatted(server.baseUrl()));
        assertVersionHeaders(reply, "2.53");
        assertVersionHeaders(anonymous("GET", "/v2.1", "X-OpenStack-Nova-API-Version", "latest"), "2.104");
    }

    @Test
    void v21DocumentIsJsonWhateverTheAcceptHeader() {
        Reply reply = anonymous("GET", "/v2.1/", "Accept", "application/xml");
        assertJson(reply, 200, V21.formatted(server.baseUrl()));
    }

    @Test
    void v21DocumentRefusesAMalformedVersionWithoutVersionHeaders() {
        Reply reply = anonymous("GET", "/v2.1/", "OpenStack-API-Version", "compute 2.x");
        assertFault(reply, 400, "badRequest",
                "API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum.");
        assertNoVersionHeaders(reply);
    }

    @Test
    void v21DocumentRefusesAVersionOutOfRangeEchoingIt() {
        Reply reply = anonymous("GET", "/v2.1", "OpenStack-API-Version", "compute 2.999");
        assertFault(reply, 406, "computeFault",
                "Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.104.");
        assertVersionHeaders(reply, "2.999");
    }

    // ---- /v2 --------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/v2", "/v2/"})
    void v2DocumentNeedsNoTokenAndHasNoVersionHeaders(String path) {
        Reply reply = anonymous("GET", path);
        assertJson(reply, 200, V2.formatted(server.baseUrl()));
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertNoVersionHeaders(reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compute 2.53", "compute 2.x", "compute 2.999"})
    void v2DocumentIgnoresVersionHeaders(String header) {
        Reply reply = anonymous("GET", "/v2/", "OpenStack-API-Version", header);
        assertJson(reply, 200, V2.formatted(server.baseUrl()));
        assertNoVersionHeaders(reply);
    }

    @Test
    void versionDocumentAlsoAnswersBehindAuthenticationUnderAProjectAndAtVersions() {
        Reply underProject = server.send("GET", "/v2.1/6f70656e737461636b/", null,
                TestServer.headers("admin:6f70656e737461636b", null));
        assertJson(underProject, 200, V21.formatted(server.baseUrl()));
        assertVersionHeaders(underProject, "2.1");
        assertJson(server.get("/v2.1/versions/v2.1"), 200, V21.formatted(server.baseUrl()));
        assertThat(anonymous("GET", "/v2.1/versions/v2.1").status()).isEqualTo(401);
    }

    @Test
    void versionsV20IsTheV2DocumentLinkingToV21() {
        Reply reply = server.get("/v2.1/versions/v2.0");
        assertJson(reply, 200, V2.formatted(server.baseUrl()).replace("/v2/", "/v2.1/"));
        assertFault(server.get("/v2.1/versions/v3"), 404, "itemNotFound", "The resource could not be found.");
    }
}
