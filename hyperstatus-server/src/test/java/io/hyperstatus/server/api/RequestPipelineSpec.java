package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order of the steps every call goes through, where two of them would refuse the same request: size limit,
 * authentication, HEAD, the project id's form, microversion, the route's version range, the project check.
 */
class RequestPipelineSpec {
    /** A hex project id that is not the token's. */
    private static final String OTHER_PROJECT = "0123abcdef";

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("[oslo_middleware]\nmax_request_body_size = 2048\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply get(String path, String... headerPairs) {
        return server.sendRaw("GET", path, null, List.of(headerPairs));
    }

    @Test
    void theSizeLimitComesBeforeAuthentication() {
        Reply reply = server.sendRaw("GET", "/v2.1/os-hypervisors", "x".repeat(4096), List.of());
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("overLimit").get("message").asText()).isEqualTo("Request is too large.");
    }

    @Test
    void authenticationComesBeforeTheRefusalOfHead() {
        assertThat(server.sendRaw("HEAD", "/v2.1/os-hypervisors", null, List.of()).status()).isEqualTo(401);
    }

    @Test
    void aProjectIdOfTheWrongFormIsNotFoundBeforeTheVersionIsRead() {
        Reply reply = get("/v2.1/not-hex/os-hypervisors", "X-Auth-Token", TestServer.ADMIN,
                "OpenStack-API-Version", "compute 2.x");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("OpenStack-API-Version")).isNull();
    }

    @Test
    void theMicroversionComesBeforeTheProjectCheck() {
        Reply reply = get("/v2.1/" + OTHER_PROJECT + "/os-hypervisors", "X-Auth-Token", TestServer.ADMIN,
                "OpenStack-API-Version", "compute 2.999");
        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2.999");
    }

    @Test
    void theRouteVersionRangeComesBeforeTheProjectCheck() {
        Reply reply = get("/v2.1/" + OTHER_PROJECT + "/os-hypervisors/statistics", "X-Auth-Token", TestServer.ADMIN,
                "OpenStack-API-Version", "compute 2.88");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().toString())
                .isEqualTo("{\"itemNotFound\":{\"code\":404,\"message\":\"The resource could not be found.\"}}");
    }

    @Test
    void theProjectCheckComesBeforeTheAction() {
        Reply reply = get("/v2.1/" + OTHER_PROJECT + "/os-hypervisors/statistics", "X-Auth-Token", TestServer.MEMBER);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("badRequest").get("message").asText()).isEqualTo("Malformed request URL: URL's"
                + " project_id '" + OTHER_PROJECT + "' doesn't match Context's project_id 'demo'");
    }
}
