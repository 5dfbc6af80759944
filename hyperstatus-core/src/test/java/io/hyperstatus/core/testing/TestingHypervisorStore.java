package io.hyperstatus.core.testing;

import io.hyperstatus.core.port.HypervisorQuery;
import io.hyperstatus.core.port.HypervisorRow;
import io.hyperstatus.core.port.HypervisorStore;
import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.HypervisorStatistics;
import io.hyperstatus.domain.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Hypervisor rows in memory, listed in node id order in batches of 10, with a settable database clock. */
public final class TestingHypervisorStore implements HypervisorStore {
    private static final int BATCH = 10;

    private final List<HypervisorRow> rows = new ArrayList<>();
    private Instant now;

    public TestingHypervisorStore(Instant now) {
        this.now = now;
    }

    /** Rows are kept in the order added, which must be their node ids' order. */
    public void add(HypervisorRow row) {
        rows.add(row);
    }

    public void setNow(Instant instant) {
        now = instant;
    }

    @Override
    public KeysetCursor<HypervisorRow> list(HypervisorQuery query) {
        return new KeysetCursor<>((afterId, limit, knownNow) -> {
            List<HypervisorRow> read = new ArrayList<>(rows.stream().filter(r -> r.node().id() > afterId)
                    .limit(limit).toList());
            return new KeysetCursor.Batch<>(read, knownNow != null ? knownNow : now, read.size(),
                    read.isEmpty() ? afterId : read.get(read.size() - 1).node().id());
        }, BATCH, Long.MIN_VALUE, OptionalInt.empty());
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
