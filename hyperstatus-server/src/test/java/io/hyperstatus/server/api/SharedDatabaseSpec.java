package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.ThreeHosts;
import org.junit.jupiter.api.Test;

/** Several API servers on one database answer alike, and a change through one is seen by the other. */
class SharedDatabaseSpec {
    @Test
    void twoApiServersOnOneDatabaseGiveTheSameAnswers() {
        try (TestServer first = TestServer.start(); TestServer second = first.sibling()) {
            ThreeHosts hosts = ThreeHosts.seed(first);
            for (String path : new String[] {"/v2.1/os-hypervisors/detail", "/v2.1/os-hypervisors?limit=2"}) {
                String fromFirst = first.get(path, "2.53").body().replace(first.baseUrl(), "BASE");
                String fromSecond = second.get(path, "2.53").body().replace(second.baseUrl(), "BASE");
                assertThat(fromSecond).isEqualTo(fromFirst);
            }
            first.put("/v2.1/os-services/" + hosts.service1, "2.53",
                    "{\"status\": \"disabled\", \"disabled_reason\": \"rack 12 power\"}");
            assertThat(second.get("/v2.1/os-hypervisors/detail", "2.53").json().get("hypervisors").get(0)
                    .get("service").get("disabled_reason").asText()).isEqualTo("rack 12 power");
        }
    }
}
