package io.hyperstatus.core.hypervisors;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.port.HypervisorQuery;
import io.hyperstatus.core.port.HypervisorRow;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.testing.TestingHypervisorStore;
import io.hyperstatus.core.testing.TestingServiceStore;
import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A hypervisor's state is its service's liveness, decided from the stored row and the database clock. */
class HypervisorQueriesTest {
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    private static HypervisorRow row(long id, boolean forcedDown) {
        ComputeNode node = new ComputeNode(id, "node-" + id, "host" + id, "host" + id + ".example.org",
                new NodeResources("QEMU", 1, null, 1, 0, 1, 0, 1, 0, null, null, null, null, null, "{}", null));
        Service service = new Service(id, "svc-" + id, "host" + id, Service.COMPUTE_BINARY, false, null,
                forcedDown, NOON.minus(Duration.ofDays(1)), NOON, NOON);
        return new HypervisorRow(node, service);
    }

    /** Two hypervisors: one heartbeating at noon, one forced down. */
    private final TestingHypervisorStore store = new TestingHypervisorStore(NOON);
    private final HypervisorQueries hypervisors = new HypervisorQueries(store,
            new ServiceQueries(new TestingServiceStore(), new Liveness(Duration.ofSeconds(60))));

    @BeforeEach
    void addTwoHypervisors() {
        store.add(row(1, false));
        store.add(row(2, true));
    }

    @Test
    void aListingJudgesEachHypervisorByTheDatabaseClockOfItsBatch() {
        store.setNow(NOON.plusSeconds(10));
        List<String> states = new ArrayList<>();
        hypervisors.list(HypervisorQuery.all()).forEachRemaining((Hypervisor h) -> states.add(h.node().uuid() + " "
                + h.state()));

        assertThat(states).containsExactly("node-1 UP", "node-2 DOWN");
    }

    @Test
    void aFoundHypervisorIsDownOnceItsServiceMissedTheDownTime() {
        store.setNow(NOON.plusSeconds(61));

        assertThat(hypervisors.findById(1).orElseThrow().state()).isEqualTo(ServiceState.DOWN);
        store.setNow(NOON.plusSeconds(60));
        assertThat(hypervisors.findByUuid("node-1").orElseThrow().state()).isEqualTo(ServiceState.UP);
    }
}
