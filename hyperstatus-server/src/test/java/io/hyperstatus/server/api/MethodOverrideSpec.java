package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import io.hyperstatus.server.testing.ThreeHosts;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Headers that ask some frameworks to treat a request as another method are ignored, as Nova ignores them: the
 * method on the request line is the one that runs, so proxies and audit rules that go by it are not fooled.
 */
class MethodOverrideSpec {
    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;
    private ThreeHosts hosts;

    private Reply send(String method, String path, String body, String overrideHeader, String overridingMethod) {
        return server.send(method, path, body, Map.of("X-Auth-Token", TestServer.ADMIN,
                "OpenStack-API-Version", "compute 2.53", "Content-Type", "application/json",
                overrideHeader, overridingMethod));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
    void aGetAskingToBeADeleteDoesNotDeleteTheAggregate(String header) {
        Reply created = server.send("POST", "/v2.1/os-aggregates", "{\"aggregate\": {\"name\": \"rack-1\"}}",
                Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json"));
        String id = created.json().get("aggregate").get("id").asText();

        Reply reply = send("GET", "/v2.1/os-aggregates/" + id, null, header, "DELETE");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("aggregate").get("name").asText()).isEqualTo("rack-1");
        assertThat(server.get("/v2.1/os-aggregates/" + id, "2.53").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
    void aGetAskingToBeAPutDoesNotDisableTheService(String header) {
        Reply reply = send("GET", "/v2.1/os-services/" + hosts.service1,
                "{\"status\": \"disabled\", \"disabled_reason\": \"fooled\"}", header, "PUT");

        assertThat(reply.status()).isEqualTo(404);
        Reply listed = server.get("/v2.1/os-services?host=compute-0001", "2.53");
        assertThat(listed.json().get("services").get(0).get("status").asText()).isEqualTo("enabled");
        assertThat(listed.json().get("services").get(0).get("disabled_reason").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
    void aPostAskingToBeADeleteIsThePostItSays(String header) {
        Reply reply = send("POST", "/v2.1/os-aggregates", "{\"aggregate\": {\"name\": \"rack-2\"}}", header,
                "DELETE");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("aggregate").get("name").asText()).isEqualTo("rack-2");
    }
}
