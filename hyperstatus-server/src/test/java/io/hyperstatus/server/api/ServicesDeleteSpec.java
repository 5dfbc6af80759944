package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static io.hyperstatus.server.testing.ThreeHosts.NODE1;
import static io.hyperstatus.server.testing.ThreeHosts.NODE2;
import static io.hyperstatus.server.testing.ThreeHosts.NODE3;
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
import org.junit.jupiter.params.provider.ValueSource;

/** DELETE /os-services/{service_id}: integer ids before 2.53, UUIDs from 2.53. */
class ServicesDeleteSpec {
    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
    private static final String HOSTING = "Unable to delete compute service that is hosting instances. "
            + "Migrate or delete the instances first.";

    @RegisterExtension static final TestServerExtension SERVER = TestServerExtension.withThreeHosts();
    private TestServer server;
    private ThreeHosts hosts;

    // ---- successes -------------------------------------------------------------------------------------------------

    @Test
    void deletingTheSchedulerByIntegerIdAt21AnswersNoContentAndUnlistsIt() {
        Reply reply = server.delete("/v2.1/os-services/4", "2.1");
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
        assertThat(listed("2.1")).containsExactly(
                "1/compute-0001/nova-compute", "2/compute-0002/nova-compute", "3/compute-0003/nova-compute");
        assertFault(server.delete("/v2.1/os-services/4", "2.1"), 404, "itemNotFound", "Service 4 not found.");
    }

    @Test
    void deletingByIntegerIdStillWorksAt252() {
        assertThat(server.delete("/v2.1/os-services/4", "2.52").status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.53", "2.104", "latest"})
    void deletingTheSchedulerByUuidFrom253AnswersNoContentAndUnlistsIt(String version) {
        Reply reply = server.delete("/v2.1/os-services/" + hosts.scheduler, version);
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(listed("2.53")).containsExactly(hosts.service1 + "/compute-0001/nova-compute",
                hosts.service2 + "/compute-0002/nova-compute", hosts.service3 + "/compute-0003/nova-compute");
        assertFault(server.delete("/v2.1/os-services/" + hosts.scheduler, version), 404, "itemNotFound",
                "Service " + hosts.scheduler + " not found.");
    }

    @Test
    void deletingAComputeServiceWithoutInstancesRemovesItsHypervisors() {
        assertThat(server.delete("/v2.1/os-services/" + hosts.service3, "2.53").status()).isEqualTo(204);
        assertJson(server.get("/v2.1/os-hypervisors", "2.53"), 200, ThreeHostsBodies.listByUuid(1, 2));
        assertFault(server.get("/v2.1/os-hypervisors/" + NODE3, "2.53"), 404, "itemNotFound",
                "Hypervisor with ID '" + NODE3 + "' could not be found.");
        assertThat(listed("2.53")).doesNotContain(hosts.service3 + "/compute-0003/nova-compute");
    }

    @Test
    void deletingAComputeServiceByIntegerIdRemovesItsHypervisors() {
        assertThat(server.delete("/v2.1/os-services/3", "2.1").status()).isEqualTo(204);
        assertJson(server.get("/v2.1/os-hypervisors", "2.1"), 200, ThreeHostsBodies.list(1, 2));
        assertFault(server.get("/v2.1/os-hypervisors/bm-node/search", "2.1"), 404, "itemNotFound",
                "No hypervisor matching 'bm-node' could be found.");
    }

    @Test
    void aDeletedComputeServiceCanNoLongerBeUpdated() {
        server.delete("/v2.1/os-services/" + hosts.service3, "2.53");
        assertFault(server.put("/v2.1/os-services/" + hosts.service3, "2.53", "{\"status\": \"enabled\"}"), 404,
                "itemNotFound", "Service " + hosts.service3 + " could not be found.");
        assertFault(server.put("/v2.1/os-services/enable", "2.1", "{\"host\": \"compute-0003\", \"binary\": \"nova-compute\"}"),
                404, "itemNotFound", "Host 'compute-0003' is not mapped to any cell");
    }

    // ---- conflicts -------------------------------------------------------------------------------------------------

    @Test
    void aComputeServiceHostingInstancesCannotBeDeleted() {
        assertFault(server.delete("/v2.1/os-services/1", "2.1"), 409, "conflictingRequest", HOSTING);
        assertFault(server.delete("/v2.1/os-services/" + hosts.service1, "2.53"), 409, "conflictingRequest", HOSTING);
        assertThat(listed("2.53")).contains(hosts.service1 + "/compute-0001/nova-compute");
        assertThat(server.get("/v2.1/os-hypervisors", "2.53").json().get("hypervisors")).hasSize(3);
    }

    // ---- invalid and unknown ids -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", UNKNOWN})
    void aNonIntegerIdBefore253IsABadRequest(String id) {
        assertFault(server.delete("/v2.1/os-services/" + id, "2.52"), 400, "badRequest",
                "Invalid input received: id must be an integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "-1", "0"})
    void anUnknownIntegerIdIsNotFound(String id) {
        assertFault(server.delete("/v2.1/os-services/" + id, "2.1"), 404, "itemNotFound", "Service " + id + " not found.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "999", "4"})
    void anIdThatIsNotAUuidFrom253IsABadRequest(String id) {
        assertFault(server.delete("/v2.1/os-services/" + id, "2.53"), 400, "badRequest", "Invalid uuid " + id);
        assertThat(listed("2.1")).hasSize(4);
    }

    @Test
    void anUnknownUuidIsNotFound() {
        assertFault(server.delete("/v2.1/os-services/" + UNKNOWN, "2.53"), 404, "itemNotFound",
                "Service " + UNKNOWN + " not found.");
    }

    // ---- policy ----------------------------------------------------------------------------------------------------

    @Test
    void nonAdminIsForbiddenBeforeTheIdIsLookedAt() {
        String message = "Policy doesn't allow os_compute_api:os-services:delete to be performed.";
        assertFault(asMember("/v2.1/os-services/4", "2.1"), 403, "forbidden", message);
        assertFault(asMember("/v2.1/os-services/abc", "2.1"), 403, "forbidden", message);
        assertFault(asMember("/v2.1/os-services/" + hosts.scheduler, "2.53"), 403, "forbidden", message);
        assertFault(asMember("/v2.1/os-services/abc", "2.53"), 403, "forbidden", message);
        assertFault(asMember("/v2.1/os-services/" + UNKNOWN, "2.53"), 403, "forbidden", message);
        assertThat(listed("2.1")).hasSize(4);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Reply asMember(String path, String version) {
        return server.send("DELETE", path, null, TestServer.headers(TestServer.MEMBER, version));
    }

    private List<String> listed(String version) {
        List<String> seen = new ArrayList<>();
        server.get("/v2.1/os-services", version).json().get("services").forEach(s -> seen.add(
                s.get("id").asText() + "/" + s.get("host").asText() + "/" + s.get("binary").asText()));
        return seen;
    }
}
