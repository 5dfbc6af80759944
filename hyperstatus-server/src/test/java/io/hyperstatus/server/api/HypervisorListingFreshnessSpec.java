package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An API server keeps what rarely changes about each hypervisor between listings. Every change made after a listing,
 * through any path and through any API server on the same database, shows in the next one.
 */
class HypervisorListingFreshnessSpec {
    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.empty();
    private TestServer server;
    private final Map<String, String> nodes = new HashMap<>();

    @BeforeEach
    void seed() {
        nodes.putAll(server.seed(Host.named("alpha"), Host.named("beta")));
        listed(server); // remembered from here on
    }

    private static JsonNode listed(TestServer api) {
        Reply reply = api.get("/v2.1/os-hypervisors/detail", "2.53");
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("hypervisors");
    }

    private JsonNode alpha(TestServer api) {
        for (JsonNode hypervisor : listed(api)) {
            if (hypervisor.get("id").asText().equals(nodes.get("alpha"))) {
                return hypervisor;
            }
        }
        throw new AssertionError("alpha is not listed");
    }

    private String serviceUrl(String host) {
        return "/v2.1/os-services/" + server.serviceUuid(host, "nova-compute");
    }

    @Test
    void aNewNodeReportShowsItsNewResources() {
        server.seed(Host.named("alpha").with("host_ip", "198.51.100.7").with("vcpus_used", 30)
                .with("cpu_info", "{\"arch\": \"aarch64\"}"));
        JsonNode alpha = alpha(server);
        assertThat(alpha.get("host_ip").asText()).isEqualTo("198.51.100.7");
        assertThat(alpha.get("cpu_info").toString()).isEqualTo("{\"arch\":\"aarch64\"}");
        assertThat(server.get("/v2.1/os-hypervisors/detail", "2.1").json().get("hypervisors").get(0)
                .get("vcpus_used").asInt()).isEqualTo(30);
    }

    @Test
    void disablingShowsTheStatusAndReasonAndEnablingClearsTheReason() {
        server.put(serviceUrl("alpha"), "2.53", "{\"status\": \"disabled\", \"disabled_reason\": \"fan failure\"}");
        assertThat(alpha(server).get("status").asText()).isEqualTo("disabled");
        assertThat(alpha(server).get("service").get("disabled_reason").asText()).isEqualTo("fan failure");

        server.put(serviceUrl("alpha"), "2.53", "{\"status\": \"enabled\"}");
        assertThat(alpha(server).get("status").asText()).isEqualTo("enabled");
        assertThat(alpha(server).get("service").get("disabled_reason").isNull()).isTrue();
    }

    @Test
    void forcingDownShowsDownAndUnforcingShowsUpAgain() {
        server.put(serviceUrl("alpha"), "2.53", "{\"forced_down\": true}");
        assertThat(alpha(server).get("state").asText()).isEqualTo("down");
        server.put(serviceUrl("alpha"), "2.53", "{\"forced_down\": false}");
        assertThat(alpha(server).get("state").asText()).isEqualTo("up");
    }

    @Test
    void missedHeartbeatsShowDown() {
        server.ageHeartbeat("alpha", "nova-compute", 3600);
        assertThat(alpha(server).get("state").asText()).isEqualTo("down");
    }

    @Test
    void aDeletedServiceLeavesTheListAndAReRegisteredOneComesBackWithItsNewService() {
        String oldService = server.serviceUuid("alpha", "nova-compute");
        assertThat(server.delete(serviceUrl("alpha"), "2.53").status()).isEqualTo(204);
        assertThat(listed(server)).hasSize(1);

        nodes.putAll(server.seed(Host.named("alpha")));
        JsonNode alpha = alpha(server);
        assertThat(alpha.get("service").get("id").asText())
                .isEqualTo(server.serviceUuid("alpha", "nova-compute"))
                .isNotEqualTo(oldService);
    }

    @Test
    void aNodeReportedBeforeItsHostsComputeServiceRegistersIsListedFromTheRegistrationOn() {
        String gamma = server.report(Host.named("gamma")).get("gamma");
        assertThat(listed(server)).hasSize(2);
        assertThat(server.get("/v2.1/os-hypervisors/" + gamma, "2.53").status()).isEqualTo(404);

        server.seedService("gamma", "nova-compute");
        JsonNode hypervisors = listed(server);
        assertThat(hypervisors).hasSize(3);
        assertThat(hypervisors.get(2).get("id").asText()).isEqualTo(gamma);
        assertThat(hypervisors.get(2).get("service").get("id").asText())
                .isEqualTo(server.serviceUuid("gamma", "nova-compute"));
        assertThat(hypervisors.get(2).get("state").asText()).isEqualTo("up");
        assertThat(server.get("/v2.1/os-hypervisors/" + gamma, "2.53").json().get("hypervisor").get("service")
                .get("host").asText()).isEqualTo("gamma");
    }

    @Test
    void aNodeReportedFromAnotherHostIsRefusedAndStaysListedWithItsOwnHostsService() {
        server.seedService("gamma", "nova-compute");
        JsonNode before = alpha(server);

        assertThatThrownBy(() -> server.report(Host.named("gamma").uuid(nodes.get("alpha"))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("409");

        JsonNode after = alpha(server);
        assertThat(after).isEqualTo(before);
        assertThat(after.get("service").get("host").asText()).isEqualTo("alpha");
        assertThat(listed(server)).hasSize(2);
    }

    @Test
    void aChangeMadeThroughAnotherApiServerShowsInThisOnesNextListing() {
        try (TestServer other = server.sibling()) {
            listed(other);
            server.put(serviceUrl("beta"), "2.53", "{\"status\": \"disabled\", \"disabled_reason\": \"moved to rack 9\"}");
            server.seed(Host.named("alpha").with("host_ip", "203.0.113.5"));

            assertThat(alpha(other).get("host_ip").asText()).isEqualTo("203.0.113.5");
            JsonNode beta = listed(other).get(1);
            assertThat(beta.get("status").asText()).isEqualTo("disabled");
            assertThat(beta.get("service").get("disabled_reason").asText()).isEqualTo("moved to rack 9");
        }
    }

    @Test
    void aServerThatRemembersNothingListsTheSame() {
        server.put(serviceUrl("alpha"), "2.53", "{\"status\": \"disabled\", \"disabled_reason\": \"fan failure\"}");
        try (TestServer forgetful = TestServer.start(server.databaseUrl(), 0, "[api]\nhypervisor_cache_size = 0\n")) {
            assertThat(listed(forgetful)).isEqualTo(listed(server));
            assertThat(forgetful.get("/v2.1/os-hypervisors/detail", "2.1").json())
                    .isEqualTo(server.get("/v2.1/os-hypervisors/detail", "2.1").json());
        }
    }
}
