package io.hyperstatus.core.hypervisors;

import io.hyperstatus.core.liveness.DetectorOptions;
import io.hyperstatus.core.port.HypervisorQuery;
import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.core.zones.StateCounts;
import io.hyperstatus.domain.Aggregate;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hypervisor board of hyperstatus's API: every hypervisor with its zone and aggregates, filtered, sorted and
 * paged, and the zones' counts. Each answer scans every hypervisor (in batches, as Nova's listing does) and
 * filters, sorts and pages in memory: state is decided here, from the database clock, so the database cannot
 * filter or sort by it, and zones and aggregates come from the aggregates' metadata. The cost is linear in the
 * hypervisors (docs/performance/hypervisor-board.md).
 */
public record HypervisorBoard(HypervisorQueries hypervisors, ServiceZones zones, DetectorOptions zoneRule) {
    /**
     * {@code zones}: also where the aggregates' names are read; {@code zoneRule}: the liveness detector's, which
     * says when a zone's share of down hosts is a disruption.
     */
    public HypervisorBoard {
        Objects.requireNonNull(hypervisors, "hypervisors");
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(zoneRule, "zoneRule");
    }

    /** The page the query asks for, and how many hypervisors match its filters. */
    public BoardPage list(BoardQuery query) {
        Map<String, List<String>> names = aggregateNames();
        List<BoardEntry> matching = new ArrayList<>();
        Instant now = scan((hypervisor, zone) -> {
            BoardEntry entry = new BoardEntry(hypervisor, zone,
                    names.getOrDefault(hypervisor.service().host(), List.of()));
            if (query.filter().matches(entry)) {
                matching.add(entry);
            }
        });
        matching.sort(query.order());
        int from = Math.min(query.offset(), matching.size());
        int to = (int) Math.min(matching.size(), (long) from + query.limit());
        return new BoardPage(matching.subList(from, to), matching.size(), now);
    }

    /** Every zone that has a hypervisor, sorted by name, with its counts. */
    public ZoneSummaries zoneSummaries() {
        StateCounts counts = new StateCounts();
        Instant now = scan((hypervisor, zone) -> counts.add(zone, Service.COMPUTE_BINARY, hypervisor.state(),
                hypervisor.status()));
        // The counts come sorted by zone: each zone's cells are consecutive.
        Map<String, int[]> cells = new LinkedHashMap<>();
        counts.sorted().forEach((key, count) -> cells.computeIfAbsent(key.zone(), zone -> new int[4])
                [cell(key.state(), key.status())] += count);
        List<ZoneSummary> summaries = new ArrayList<>(cells.size());
        cells.forEach((zone, cell) -> {
            int total = cell[0] + cell[1] + cell[2] + cell[3];
            summaries.add(new ZoneSummary(zone, cell[0], cell[1], cell[2], cell[3],
                    zoneRule.disrupts(cell[2] + cell[3], total)));
        });
        return new ZoneSummaries(summaries, now);
    }

    private static int cell(ServiceState state, ServiceStatus status) {
        return (state == ServiceState.UP ? 0 : 2) + (status == ServiceStatus.ENABLED ? 0 : 1);
    }

    /** What a scan hands on: a hypervisor and its zone. */
    @FunctionalInterface
    private interface Visitor {
        void visit(Hypervisor hypervisor, String zone);
    }

    /** Every hypervisor with its zone (one read of the aggregates); answers the database clock they were judged by. */
    private Instant scan(Visitor visitor) {
        ServiceZones.Snapshot snapshot = zones.snapshot();
        KeysetCursor<Hypervisor> cursor = hypervisors.list(HypervisorQuery.all());
        cursor.forEachRemaining(hypervisor -> visitor.visit(hypervisor, snapshot.zoneOf(hypervisor.service())));
        return cursor.now().orElseThrow();
    }

    /** The names of each host's aggregates, sorted. */
    private Map<String, List<String>> aggregateNames() {
        Map<String, List<String>> names = new HashMap<>();
        for (Aggregate aggregate : zones.aggregates().list()) {
            for (String host : aggregate.hosts()) {
                names.computeIfAbsent(host, h -> new ArrayList<>()).add(aggregate.name());
            }
        }
        names.replaceAll((host, list) -> list.stream().sorted().toList());
        return names;
    }
}
