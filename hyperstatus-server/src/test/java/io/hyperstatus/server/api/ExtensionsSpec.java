package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static io.hyperstatus.server.testing.VersionHeaders.assertNoVersionHeaders;
import static io.hyperstatus.server.testing.VersionHeaders.assertVersionHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestResources;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /extensions}: the static lists of Nova's samples (99 entries in v2.1, 100 in the legacy v2 API with
 * {@code OS-EXT-VIF-NET}), one extension by alias, and the query parameters.
 */
class ExtensionsSpec {
    private static final String PROJECT = "6f70656e737461636b20697320636f6f6c";
    private static final String LEGACY_TOKEN = "admin:" + PROJECT;
    private static final String HYPERVISOR_STATUS = """
            {"extension": {"alias": "os-hypervisor-status", "description": "Show hypervisor status.", "links": [],
             "name": "HypervisorStatus", "namespace": "http://docs.openstack.org/compute/ext/fake_xml",
             "updated": "2014-12-03T00:00:00Z"}}""";
    private static final String VIF_NET = """
            {"extension": {"alias": "OS-EXT-VIF-NET", "description": "Adds network id parameter to the virtual interface list.",
             "links": [], "name": "ExtendedVIFNet", "namespace": "http://docs.openstack.org/compute/ext/fake_xml",
             "updated": "2014-12-03T00:00:00Z"}}""";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.empty();
    private TestServer server;

    private Reply get(String path, String token, String... headerPairs) {
        List<String> headers = new ArrayList<>(List.of("X-Auth-Token", token));
        headers.addAll(List.of(headerPairs));
        return server.sendRaw("GET", path, null, headers);
    }

    private static JsonNode sample(String name) {
        return Reply.parse(TestResources.text("nova-api-samples/extension-info/" + name));
    }

    // ---- lists -------------------------------------------------------------------------------------------------

    @Test
    void v21ListIsNovasSampleOf99ExtensionsSortedByAlias() {
        Reply reply = get("/v2.1/extensions", TestServer.ADMIN);
        assertJson(reply, 200, sample("extensions-list-resp.json"));
        assertThat(reply.json().get("extensions")).hasSize(99);
        assertVersionHeaders(reply, "2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/" + PROJECT + "/extensions", "/v2/extensions"})
    void legacyV2ListIsTheCompatibleSampleOf100WithExtendedVifNet(String path) {
        Reply reply = get(path, LEGACY_TOKEN);
        assertJson(reply, 200, sample("extensions-list-resp-v21-compatible.json"));
        assertThat(reply.json().get("extensions")).hasSize(100);
        assertThat(reply.json().get("extensions").get(8).get("alias").asText()).isEqualTo("OS-EXT-VIF-NET");
        assertNoVersionHeaders(reply);
    }

    @Test
    void aProjectScopedV21UrlListsTheSame() {
        assertJson(get("/v2.1/" + PROJECT + "/extensions", LEGACY_TOKEN), 200, sample("extensions-list-resp.json"));
    }

    // ---- one extension -------------------------------------------------------------------------------------------

    @Test
    void oneExtensionByAlias() {
        Reply reply = get("/v2.1/extensions/os-hypervisor-status", TestServer.ADMIN);
        assertJson(reply, 200, HYPERVISOR_STATUS);
        assertVersionHeaders(reply, "2.1");
        Reply legacy = get("/v2/" + PROJECT + "/extensions/os-hypervisor-status", LEGACY_TOKEN);
        assertJson(legacy, 200, HYPERVISOR_STATUS);
        assertNoVersionHeaders(legacy);
    }

    @Test
    void extendedVifNetExistsOnlyInTheLegacyApi() {
        assertFault(get("/v2.1/extensions/OS-EXT-VIF-NET", TestServer.ADMIN), 404, "itemNotFound",
                "The resource could not be found.");
        assertJson(get("/v2/" + PROJECT + "/extensions/OS-EXT-VIF-NET", LEGACY_TOKEN), 200, VIF_NET);
    }

    @Test
    void anUnknownAliasIsAJsonNotFound() {
        Reply reply = get("/v2.1/extensions/nonexistent", TestServer.ADMIN);
        assertFault(reply, 404, "itemNotFound", "The resource could not be found.");
        assertVersionHeaders(reply, "2.1");
        assertFault(get("/v2.1/extensions/nonexistent", TestServer.ADMIN, "Accept", "application/json"), 404,
                "itemNotFound", "The resource could not be found.");
        Reply legacy = get("/v2/" + PROJECT + "/extensions/nonexistent", LEGACY_TOKEN);
        assertFault(legacy, 404, "itemNotFound", "The resource could not be found.");
        assertNoVersionHeaders(legacy);
    }

    @Test
    void aliasesAreCaseSensitive() {
        assertFault(get("/v2.1/extensions/OS-HYPERVISORS", TestServer.ADMIN), 404, "itemNotFound",
                "The resource could not be found.");
    }

    // ---- query parameters ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.93", "2.101"})
    void unknownQueryParametersAreStrippedBefore2102(String version) {
        Reply reply = get("/v2.1/extensions?foo=bar", TestServer.ADMIN, "OpenStack-API-Version", "compute " + version);
        assertJson(reply, 200, sample("extensions-list-resp.json"));
        assertVersionHeaders(reply, version);
        assertJson(get("/v2.1/extensions/os-hypervisor-status?foo=bar", TestServer.ADMIN,
                "OpenStack-API-Version", "compute " + version), 200, HYPERVISOR_STATUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.102", "2.104", "latest"})
    void unknownQueryParametersAreRefusedFrom2102(String version) {
        Reply reply = get("/v2.1/extensions?foo=bar", TestServer.ADMIN, "OpenStack-API-Version", "compute " + version);
        assertFault(reply, 400, "badRequest", "Additional properties are not allowed ('foo' was unexpected)");
        assertVersionHeaders(reply, version.equals("2.102") ? "2.102" : "2.104");
    }

    @Test
    void theLegacyApiIgnoresTheVersionHeaderAndStripsUnknownParameters() {
        Reply reply = get("/v2/" + PROJECT + "/extensions?foo=bar", LEGACY_TOKEN, "OpenStack-API-Version", "compute 2.102");
        assertJson(reply, 200, sample("extensions-list-resp-v21-compatible.json"));
        assertNoVersionHeaders(reply);
    }
}
