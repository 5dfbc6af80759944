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
    /**
     * What Nova's documents say of a version; each body below is built from these, with {@code %1$s} for the base
     * URL.
     */
    private record ApiVersion(String id, String path, String status, String version, String minVersion, String updated,
                              String mediaTypeVersion) {
        /** Its entry in versions-get-resp.json. */
        String listed() {
            return "{\"id\": \"%s\", \"links\": [{\"href\": \"%%1$s%s\", \"rel\": \"self\"}], %s}"
                    .formatted(id, path, state());
        }

        /** v21-version-get-resp.json, v2-version-get-resp.json. */
        String document() {
            return ("{\"version\": {\"id\": \"%s\", \"links\": [{\"href\": \"%%1$s%s\", \"rel\": \"self\"}, "
                    + "{\"href\": \"http://docs.openstack.org/\", \"rel\": \"describedby\", \"type\": \"text/html\"}], "
                    + "%s, %s}}").formatted(id, path, mediaTypes(), state());
        }

        /** Its entry in the 300 answer for {@code %2$s}, a path outside both APIs. */
        String choice() {
            return "{\"id\": \"%s\", \"status\": \"%s\", \"links\": [{\"rel\": \"self\", \"href\": \"%%1$s%s%%2$s\"}], %s}"
                    .formatted(id, status, path.substring(0, path.length() - 1), mediaTypes());
        }

        private String state() {
            return "\"status\": \"%s\", \"version\": \"%s\", \"min_version\": \"%s\", \"updated\": \"%s\""
                    .formatted(status, version, minVersion, updated);
        }

        private String mediaTypes() {
            return "\"media-types\": [{\"base\": \"application/json\", "
                    + "\"type\": \"application/vnd.openstack.compute+json;version=%s\"}]".formatted(mediaTypeVersion);
        }
    }

    private static final ApiVersion V2_0 =
            new ApiVersion("v2.0", "/v2/", "DEPRECATED", "", "", "2025-07-04T12:00:00Z", "2");
    private static final ApiVersion V2_1 =
            new ApiVersion("v2.1", "/v2.1/", "CURRENT", "2.104", "2.1", "2013-07-23T11:33:21Z", "2.1");

    private static final String VERSIONS = "{\"versions\": [" + V2_0.listed() + ", " + V2_1.listed() + "]}";
    private static final String V21 = V2_1.document();
    private static final String V2 = V2_0.document();
    private static final String CHOICES = "{\"choices\": [" + V2_0.choice() + ", " + V2_1.choice() + "]}";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.empty();
    private TestServer server;

    private Reply anonymous(String method, String path, String... headerPairs) {
        return server.sendRaw(method, path, null, List.of(headerPairs));
    }

    /** The reply is the 200 answer {@code document} with this server's base URL, as JSON. */
    private void assertDocument(Reply reply, String document) {
        assertJson(reply, 200, document.formatted(server.baseUrl()));
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }

    // ---- / ----------------------------------------------------------------------------------------------------

    @Test
    void rootListsBothVersionsWithoutAToken() {
        Reply reply = anonymous("GET", "/");
        assertDocument(reply, VERSIONS);
        assertNoVersionHeaders(reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compute 2.53", "compute 2.x", "compute 2.999"})
    void rootIgnoresVersionHeaders(String header) {
        Reply reply = anonymous("GET", "/", "OpenStack-API-Version", header, "X-Auth-Token", TestServer.ADMIN);
        assertDocument(reply, VERSIONS);
        assertNoVersionHeaders(reply);
    }

    @Test
    void postToRootAlsoListsTheVersions() {
        Reply reply = server.send("POST", "/", "{}", Map.of("Content-Type", "application/json"));
        assertDocument(reply, VERSIONS);
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
        assertDocument(reply, V21);
        assertVersionHeaders(reply, "2.1");
    }

    @Test
    void v21DocumentEchoesTheRequestedVersion() {
        Reply reply = anonymous("GET", "/v2.1/", "OpenStack-API-Version", "compute 2.53");
        assertDocument(reply, V21);
        assertVersionHeaders(reply, "2.53");
        assertVersionHeaders(anonymous("GET", "/v2.1", "X-OpenStack-Nova-API-Version", "latest"), "2.104");
    }

    @Test
    void v21DocumentIsJsonWhateverTheAcceptHeader() {
        Reply reply = anonymous("GET", "/v2.1/", "Accept", "application/xml");
        assertDocument(reply, V21);
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
        assertDocument(reply, V2);
        assertNoVersionHeaders(reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"compute 2.53", "compute 2.x", "compute 2.999"})
    void v2DocumentIgnoresVersionHeaders(String header) {
        Reply reply = anonymous("GET", "/v2/", "OpenStack-API-Version", header);
        assertDocument(reply, V2);
        assertNoVersionHeaders(reply);
    }

    @Test
    void versionDocumentAlsoAnswersBehindAuthenticationUnderAProjectAndAtVersions() {
        Reply underProject = server.send("GET", "/v2.1/6f70656e737461636b/", null,
                TestServer.headers("admin:6f70656e737461636b", null));
        assertDocument(underProject, V21);
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
