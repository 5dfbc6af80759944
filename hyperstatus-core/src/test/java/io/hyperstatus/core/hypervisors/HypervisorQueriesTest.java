package io.hyperstatus.core.hypervisors;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.port.HypervisorQuery;
import io.hyperstatus.core.port.HypervisorRow;
import io.hyperstatus.core.port.HypervisorStore;
import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.HypervisorStatistics;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A hypervisor's state is its service's liveness, decided from the stored row and the database clock. */
class HypervisorQueriesTest {
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    /** Two hypervisors: one heartbeating at noon, one forced down; the clock is noon plus a settable delay. */
    private static final class TestingHypervisorStore implements HypervisorStore {
        Instant now = NOON;
        final List<HypervisorRow> rows = List.of(row(1, false), row(2, true));

        private static HypervisorRow row(long id, boolean forcedDown) {
            ComputeNode node = new ComputeNode(id, "node-" + id, "host" + id, "host" + id + ".example.org",
                    new NodeResources("QEMU", 1, null, 1, 0, 1, 0, 1, 0, null, null, null, null, null, "{}", null));
            Service service = new Service(id, "svc-" + id, "host" + id, Service.COMPUTE_BINARY, false, null,
                    forcedDown, NOON.minus(Duration.ofDays(1)), NOON, NOON);
            return new HypervisorRow(node, service);
        }

        @Override
        public KeysetCursor<HypervisorRow> list(HypervisorQuery query) {
            return new KeysetCursor<>((afterId, limit, knownNow) -> {
                List<HypervisorRow> read = new ArrayList<>(rows.stream().filter(r -> r.node().id() > afterId)
                        .limit(limit).toList());
                return new KeysetCursor.Batch<>(read, knownNow != null ? knownNow : now, read.size(),
                        read.isEmpty() ? afterId : read.get(read.size() - 1).node().id());
            }, 10, Long.MIN_VALUE, OptionalInt.empty());
        }

        @Override
        public Optional<RowAt<HypervisorRow>> findById(long id) {
            return rows.stream().filter(r -> r.node().id() == id).findFirst().map(r -> new RowAt<>(r, now));
        }

        @Override
        public Optional<RowAt<HypervisorRow>> findByUuid(String uuid) {
            return rows.stream().filter(r -> r.node().uuid().equals(uuid)).findFirst().map(r -> new RowAt<>(r, now));
        }

        @Override
        public OptionalLong markerId(String marker, boolean byUuid) {
            return OptionalLong.empty();
        }

        @Override
        public Map<String, List<Instance>> instancesOnHosts(Collection<String> hosts) {
            return Map.of();
        }

        @Override
        public HypervisorStatistics statistics() {
            return new HypervisorStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public Optional<ComputeNode> firstNode(String host) {
            return Optional.empty();
        }
    }

    private final TestingHypervisorStore store = new TestingHypervisorStore();
    private final HypervisorQueries hypervisors = new HypervisorQueries(store, new Liveness(Duration.ofSeconds(60)));

    @Test
    void aListingJudgesEachHypervisorByTheDatabaseClockOfItsBatch() {
        store.now = NOON.plusSeconds(10);
        List<String> states = new ArrayList<>();
        hypervisors.list(HypervisorQuery.all()).forEachRemaining((Hypervisor h) -> states.add(h.node().uuid() + " "
                + h.state()));

        assertThat(states).containsExactly("node-1 UP", "node-2 DOWN");
    }

    @Test
    void aFoundHypervisorIsDownOnceItsServiceMissedTheDownTime() {
        store.now = NOON.plusSeconds(61);

        assertThat(hypervisors.findById(1).orElseThrow().state()).isEqualTo(ServiceState.DOWN);
        store.now = NOON.plusSeconds(60);
        assertThat(hypervisors.findByUuid("node-1").orElseThrow().state()).isEqualTo(ServiceState.UP);
    }
}
