package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static io.hyperstatus.server.testing.VersionHeaders.assertNoVersionHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a request that no route takes gets (webob's plain 404, chosen by {@code Accept}, never a JSON fault),
 * the request id on every answer, and the request body size limit.
 */
class RoutingSpec {
    private static final String PROJECT = "6f70656e737461636b20697320636f6f6c";
    /** webob's 404 bodies, byte for byte as real Nova sends them. */
    private static final String PLAIN_404 = "404 Not Found\n\nThe resource could not be found.\n\n   ";
    private static final String JSON_404 = """
            {"message": "The resource could not be found.<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}""";
    private static final String HTML_404 = "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n"
            + "  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>";
    private static final String REQUEST_ID = "req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;

    private Reply send(String method, String path, String token, String... headerPairs) {
        List<String> headers = new ArrayList<>(List.of("X-Auth-Token", token));
        headers.addAll(List.of(headerPairs));
        return server.sendRaw(method, path, method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")
                ? null : "{}", headers);
    }

    private static void assertPlain404(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo(PLAIN_404);
        assertMediaType(reply, "text/plain;charset=UTF-8");
        assertNoVersionHeaders(reply);
    }

    /** Media type and charset as webob spells them (Jetty lower-cases the charset; parameters are case-insensitive). */
    private static void assertMediaType(Reply reply, String expected) {
        assertThat(reply.header("Content-Type").replace(" ", "")).isEqualToIgnoringCase(expected);
    }

    // ---- unrouted requests ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/v2.1/nonexistent", "/v2.1/os-hypervisors/", "/v2.1/os-hypervisors/detail/extra",
            "/v2.1/os-hypervisors.json", "/v2.1/os-hypervisors/1/uptime/", "/v2.1/os-services/abc",
            "/v2/" + PROJECT + "/nonexistent", "/v2/" + PROJECT + "/os-hypervisors/"})
    void anUnknownPathIsAPlainNotFound(String path) {
        assertPlain404(send("GET", path, "admin:" + PROJECT));
    }

    @ParameterizedTest
    @CsvSource({"POST, /v2.1/os-hypervisors", "DELETE, /v2.1/os-hypervisors/1", "PUT, /v2.1/os-hypervisors/1",
            "POST, /v2.1/os-services", "PATCH, /v2.1/os-services/enable", "GET, /v2.1/os-services/enable",
            "POST, /v2.1/extensions", "DELETE, /v2/os-hypervisors/1"})
    void aMethodThePathDoesNotDeclareIsAPlainNotFoundNotAMethodNotAllowed(String method, String path) {
        assertPlain404(send(method, path, TestServer.ADMIN));
    }

    @Test
    void theBodyOfTheNotFoundDependsOnAccept() {
        assertPlain404(send("POST", "/v2.1/os-hypervisors", TestServer.ADMIN, "Accept", "text/plain"));

        Reply json = send("POST", "/v2.1/os-hypervisors", TestServer.ADMIN, "Accept", "application/json");
        assertJson(json, 404, JSON_404);
        assertThat(json.header("Content-Type")).isEqualTo("application/json");
        assertNoVersionHeaders(json);

        for (String accept : List.of("*/*", "text/html", "application/xml")) {
            Reply html = send("POST", "/v2.1/os-hypervisors", TestServer.ADMIN, "Accept", accept);
            assertThat(html.status()).isEqualTo(404);
            assertThat(html.body()).as(accept).isEqualTo(HTML_404);
            assertMediaType(html, "text/html;charset=UTF-8");
            assertNoVersionHeaders(html);
        }
    }

    @Test
    void headIsNeverRouted() {
        Reply reply = send("HEAD", "/v2.1/os-hypervisors", TestServer.ADMIN, "Accept", "*/*");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEmpty();
        assertMediaType(reply, "text/html;charset=UTF-8");
        assertNoVersionHeaders(reply);
        assertThat(send("HEAD", "/v2.1/os-hypervisors", TestServer.MEMBER).status()).isEqualTo(404);
        assertThat(send("HEAD", "/v2.1/os-hypervisors/1", TestServer.ADMIN).status()).isEqualTo(404);
    }

    @Test
    void routingComesBeforeVersionParsing() {
        assertPlain404(send("GET", "/v2.1/nonexistent", TestServer.ADMIN, "OpenStack-API-Version", "compute 2.x"));
        assertPlain404(send("GET", "/v2.1/nonexistent", TestServer.ADMIN, "OpenStack-API-Version", "compute 2.999"));
    }

    @Test
    void aProjectIdThatIsNotHexIsNotFound() {
        assertPlain404(send("GET", "/v2.1/nothex-project/os-hypervisors", TestServer.MEMBER));
        assertPlain404(send("GET", "/v2.1/nothex-project/os-hypervisors", "admin:nothex-project"));
        assertPlain404(send("GET", "/v2/nothex-project/os-hypervisors", "admin:nothex-project"));
    }

    @Test
    void aRouteThatExistsButNotAtTheVersionIsAJsonNotFoundInstead() {
        Reply reply = send("GET", "/v2.1/os-hypervisors/statistics", TestServer.ADMIN, "OpenStack-API-Version", "compute 2.88");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().toString()).isEqualTo(
                "{\"itemNotFound\":{\"code\":404,\"message\":\"The resource could not be found.\"}}");
    }

    // ---- request id -------------------------------------------------------------------------------------------

    @Test
    void everyAnswerCarriesARequestId() {
        List<Reply> replies = List.of(
                send("GET", "/v2.1/os-hypervisors", TestServer.ADMIN),
                send("GET", "/v2.1/os-hypervisors?foo=bar", TestServer.ADMIN, "OpenStack-API-Version", "compute 2.53"),
                send("GET", "/v2.1/os-hypervisors", TestServer.MEMBER),
                send("GET", "/v2.1/os-hypervisors", TestServer.ADMIN, "OpenStack-API-Version", "compute 2.x"),
                send("GET", "/v2.1/os-hypervisors", TestServer.ADMIN, "OpenStack-API-Version", "compute 2.999"),
                send("GET", "/v2.1/os-hypervisors/statistics", TestServer.ADMIN, "OpenStack-API-Version", "compute 2.88"),
                send("GET", "/v2.1/nonexistent", TestServer.ADMIN),
                send("HEAD", "/v2.1/os-hypervisors", TestServer.ADMIN),
                server.sendRaw("GET", "/v2.1/os-hypervisors", null, List.of()),
                server.sendRaw("GET", "/", null, List.of()),
                server.sendRaw("GET", "/v2.1/", null, List.of()),
                server.sendRaw("GET", "/v2/", null, List.of()),
                server.sendRaw("GET", "/nonexistent", null, List.of()),
                send("GET", "/v2/" + PROJECT + "/os-hypervisors", "admin:" + PROJECT));
        Set<String> ids = new HashSet<>();
        for (Reply reply : replies) {
            String id = reply.header("x-openstack-request-id");
            assertThat(id).as("request id of a %d answer", reply.status()).matches(REQUEST_ID);
            assertThat(reply.header("x-compute-request-id")).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).as("a new id for every request").hasSize(replies.size());
    }

    // ---- request body size ----------------------------------------------------------------------------------------

    @Test
    void aBodyLargerThanTheLimitIsOverLimit() {
        try (TestServer small = TestServer.start("[oslo_middleware]\nmax_request_body_size = 2048\n")) {
            String big = "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"pad\": \"" + "x".repeat(4096) + "\"}";
            for (String path : List.of("/v2.1/os-services/enable", "/v2/os-services/enable")) {
                Reply reply = small.sendRaw("PUT", path, big,
                        List.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json"));
                assertOverLimit(reply);
            }
            Reply agent = small.sendRaw("POST", "/agent/v1/heartbeats", "{\"heartbeats\": [], \"pad\": \""
                    + "x".repeat(4096) + "\"}", List.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json"));
            assertOverLimit(agent);
        }
    }

    @Test
    void aBodyWithinTheLimitIsRead() {
        try (TestServer small = TestServer.start("[oslo_middleware]\nmax_request_body_size = 2048\n")) {
            small.seed(Host.named("compute-0001"));
            Reply reply = small.sendRaw("PUT", "/v2.1/os-services/disable", "{\"host\": \"compute-0001\", \"binary\": \"nova-compute\"}",
                    List.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json"));
            assertJson(reply, 200, "{\"service\": {\"host\": \"compute-0001\", \"binary\": \"nova-compute\", \"status\": \"disabled\"}}");
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedOnAnyRouteBeforeTheBodyIsRead() {
        try (TestServer small = TestServer.start("[oslo_middleware]\nmax_request_body_size = 2048\n")) {
            Reply reply = small.sendRaw("GET", "/v2.1/os-hypervisors", "x".repeat(4096),
                    List.of("X-Auth-Token", TestServer.ADMIN));
            assertOverLimit(reply);
        }
    }

    private static void assertOverLimit(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.json().get("overLimit").get("code").asInt()).isEqualTo(413);
        assertThat(reply.json().get("overLimit").get("message").asText()).startsWith("Request is too large");
        assertThat(reply.header("x-openstack-request-id")).matches(REQUEST_ID);
    }
}
