package io.hyperstatus.core.hypervisors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hyperstatus.core.liveness.DetectorOptions;
import io.hyperstatus.core.port.HypervisorRow;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.testing.TestingAggregateStore;
import io.hyperstatus.core.testing.TestingHypervisorStore;
import io.hyperstatus.core.testing.TestingServiceStore;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The board lists every hypervisor with its zone and aggregates, filters by text, state, status, zone and
 * aggregate, sorts by any column with stable ties and pages; the zone summary counts each zone's hypervisors.
 */
class HypervisorBoardTest {
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration DOWN_TIME = Duration.ofSeconds(60);
    private static final Duration RETENTION = Duration.ofDays(30);

    private final TestingHypervisorStore store = new TestingHypervisorStore(NOON);
    private final TestingAggregateStore aggregates = new TestingAggregateStore();
    private final ServiceZones zones = new ServiceZones(aggregates, "nova", "internal");
    private final HypervisorQueries hypervisors = new HypervisorQueries(store, serviceQueries());
    private final HypervisorBoard board = board(0.55);

    private HypervisorBoard board(double massDownThreshold) {
        return new HypervisorBoard(hypervisors, zones, new DetectorOptions(massDownThreshold, RETENTION));
    }

    /** A hypervisor whose service last heartbeated at {@code lastSeenUp} (null: never). */
    private static HypervisorRow row(long id, String host, String hostname, String type, Integer runningVms,
                                     boolean disabled, boolean forcedDown, Instant lastSeenUp) {
        ComputeNode node = new ComputeNode(id, "node-" + id, host, hostname, new NodeResources(type, 1, null, 1, 0, 1,
                0, 1, 0, null, null, null, runningVms, null, "{}", null));
        Service service = new Service(id, "svc-" + id, host, Service.COMPUTE_BINARY, disabled,
                disabled ? "maintenance" : null, forcedDown, NOON.minus(Duration.ofDays(1)), NOON, lastSeenUp);
        return new HypervisorRow(node, service);
    }

    /**
     * Zone az-east (aggregate "east"): cmp-b up and enabled, also in aggregate "gpu"; cmp-a up and disabled;
     * ironic-1 (hostname CMP-C) forced down. Zone nova (no aggregate): edge-1 down since its heartbeat is two minutes
     * old, edge-2 disabled and never heartbeated.
     */
    @BeforeEach
    void fiveHypervisorsInTwoZones() {
        store.add(row(1, "cmp-b", "cmp-b.example.org", "QEMU", 3, false, false, NOON));
        store.add(row(2, "cmp-a", "cmp-a.example.org", "QEMU", 0, true, false, NOON));
        store.add(row(3, "ironic-1", "CMP-C.example.org", "ironic", null, false, true, NOON.minusSeconds(10)));
        store.add(row(4, "edge-1", "edge-1.example.org", "QEMU", 1, false, false, NOON.minusSeconds(120)));
        store.add(row(5, "edge-2", "edge-2.example.org", "lxc", 5, true, false, null));
        long east = aggregates.create("east", "az-east").id();
        long gpu = aggregates.create("gpu", null).id();
        aggregates.addHost(east, "cmp-b");
        aggregates.addHost(east, "cmp-a");
        aggregates.addHost(east, "ironic-1");
        aggregates.addHost(gpu, "cmp-b");
    }

    private static BoardQuery filtered(Optional<String> text, Optional<ServiceState> state,
                                       Optional<ServiceStatus> status, Optional<String> zone,
                                       Optional<String> aggregate) {
        return new BoardQuery(new BoardFilter(text, state, status, zone, aggregate), BoardSort.HOSTNAME, false, 0,
                100);
    }

    private static BoardQuery sorted(BoardSort sort, boolean descending) {
        return new BoardQuery(BoardFilter.NONE, sort, descending, 0, 100);
    }

    private List<String> hosts(BoardQuery query) {
        return board.list(query).hypervisors().stream().map(e -> e.hypervisor().node().host()).toList();
    }

    private List<String> withText(String text) {
        return hosts(filtered(Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    @Test
    void aListingShowsEachHypervisorByHostnameWithItsStateZoneAggregatesAndTheClockItWasJudgedBy() {
        store.setNow(NOON.plusSeconds(30));

        BoardPage page = board.list(BoardQuery.page(0, 100));

        List<String> shown = new ArrayList<>();
        for (BoardEntry entry : page.hypervisors()) {
            shown.add(entry.hypervisor().node().hypervisorHostname() + " " + entry.hypervisor().state().wireName()
                    + " " + entry.hypervisor().status().wireName() + " " + entry.zone() + " " + entry.aggregates());
        }
        assertThat(shown).containsExactly(
                "cmp-a.example.org up disabled az-east [east]",
                "cmp-b.example.org up enabled az-east [east, gpu]",
                "CMP-C.example.org down enabled az-east [east]",
                "edge-1.example.org down enabled nova []",
                "edge-2.example.org down disabled nova []");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.now()).isEqualTo(NOON.plusSeconds(30));
    }

    @Test
    void theTextIsASubstringOfTheHostnameOrTheHostIgnoringCase() {
        assertThat(withText("cmp")).containsExactly("cmp-a", "cmp-b", "ironic-1");
        assertThat(withText("EDGE-1.Example")).containsExactly("edge-1");
        assertThat(withText("ironic")).as("the host, not the hostname").containsExactly("ironic-1");
        assertThat(withText("")).hasSize(5);
        assertThat(withText("nowhere")).isEmpty();
    }

    @Test
    void stateStatusZoneAndAggregateFilterExactlyAndTogetherAndTheTotalCountsTheMatches() {
        Optional<String> none = Optional.empty();
        assertThat(hosts(filtered(none, Optional.of(ServiceState.DOWN), Optional.empty(), none, none)))
                .containsExactly("ironic-1", "edge-1", "edge-2");
        assertThat(hosts(filtered(none, Optional.empty(), Optional.of(ServiceStatus.DISABLED), none, none)))
                .containsExactly("cmp-a", "edge-2");
        assertThat(hosts(filtered(none, Optional.empty(), Optional.empty(), Optional.of("nova"), none)))
                .containsExactly("edge-1", "edge-2");
        assertThat(hosts(filtered(none, Optional.empty(), Optional.empty(), Optional.of("az"), none))).isEmpty();
        assertThat(hosts(filtered(none, Optional.empty(), Optional.empty(), none, Optional.of("gpu"))))
                .containsExactly("cmp-b");
        BoardQuery upInEast = filtered(none, Optional.of(ServiceState.UP), Optional.empty(), Optional.of("az-east"),
                Optional.of("east"));
        assertThat(hosts(upInEast)).containsExactly("cmp-a", "cmp-b");
        assertThat(board.list(upInEast).total()).isEqualTo(2);
    }

    @Test
    void eachSortOrdersByItsColumnWithTiesByHostnameAndDescendingIsTheReverse() {
        assertThat(hosts(sorted(BoardSort.STATE, false))).containsExactly("ironic-1", "edge-1", "edge-2", "cmp-a",
                "cmp-b");
        assertThat(hosts(sorted(BoardSort.STATUS, false))).containsExactly("cmp-a", "edge-2", "cmp-b", "ironic-1",
                "edge-1");
        assertThat(hosts(sorted(BoardSort.ZONE, false))).containsExactly("cmp-a", "cmp-b", "ironic-1", "edge-1",
                "edge-2");
        assertThat(hosts(sorted(BoardSort.LAST_HEARTBEAT, false))).as("never first")
                .containsExactly("edge-2", "edge-1", "ironic-1", "cmp-a", "cmp-b");
        assertThat(hosts(sorted(BoardSort.RUNNING_VMS, false))).as("none reported first")
                .containsExactly("ironic-1", "cmp-a", "edge-1", "cmp-b", "edge-2");
        assertThat(hosts(sorted(BoardSort.HYPERVISOR_TYPE, false))).containsExactly("cmp-a", "cmp-b", "edge-1",
                "ironic-1", "edge-2");
        for (BoardSort sort : BoardSort.values()) {
            List<String> ascending = new ArrayList<>(hosts(sorted(sort, false)));
            Collections.reverse(ascending);
            assertThat(hosts(sorted(sort, true))).as(sort.wireName()).isEqualTo(ascending);
        }
    }

    @Test
    void hypervisorsOfTheSameHostnameAreOrderedByIdSoThatPagesDoNotOverlap() {
        TestingHypervisorStore twins = new TestingHypervisorStore(NOON);
        twins.add(row(7, "bm-1", "same.example.org", "ironic", 0, false, false, NOON));
        twins.add(row(8, "bm-2", "same.example.org", "ironic", 0, false, false, NOON));
        HypervisorBoard twinBoard = new HypervisorBoard(new HypervisorQueries(twins, serviceQueries()), zones,
                new DetectorOptions(0.55, RETENTION));

        assertThat(twinBoard.list(BoardQuery.page(0, 1)).hypervisors().get(0).hypervisor().node().id()).isEqualTo(7);
        assertThat(twinBoard.list(BoardQuery.page(1, 1)).hypervisors().get(0).hypervisor().node().id()).isEqualTo(8);
        BoardQuery descending = new BoardQuery(BoardFilter.NONE, BoardSort.STATE, true, 0, 1);
        assertThat(twinBoard.list(descending).hypervisors().get(0).hypervisor().node().id()).isEqualTo(8);
    }

    @Test
    void pagesFollowOneAnotherAndAnOffsetPastTheEndIsAnEmptyPageWithTheTotal() {
        assertThat(hosts(BoardQuery.page(0, 2))).containsExactly("cmp-a", "cmp-b");
        assertThat(hosts(BoardQuery.page(2, 2))).containsExactly("ironic-1", "edge-1");
        assertThat(hosts(BoardQuery.page(4, 2))).containsExactly("edge-2");
        BoardPage past = board.list(BoardQuery.page(10_000_000, 1000));
        assertThat(past.hypervisors()).isEmpty();
        assertThat(past.total()).isEqualTo(5);
    }

    @Test
    void theZoneSummaryCountsEachZonesHypervisorsByStateAndStatusSortedByName() {
        store.setNow(NOON.plusSeconds(5));

        ZoneSummaries summaries = board.zoneSummaries();

        assertThat(summaries.zones()).containsExactly(
                new ZoneSummary("az-east", 1, 1, 1, 0, false),
                new ZoneSummary("nova", 0, 0, 1, 1, false));
        assertThat(summaries.zones().get(0).hypervisors()).isEqualTo(3);
        assertThat(summaries.now()).isEqualTo(NOON.plusSeconds(5));
    }

    @Test
    void aZoneIsDisruptedWhenMoreThanTheThresholdIsDownAndItIsLargeEnoughForTheDetectorsRule() {
        // az-east: 1 of 3 down; nova: 2 of 2 down, but smaller than the rule's smallest zone.
        assertThat(board(0.3).zoneSummaries().zones()).extracting(ZoneSummary::zone, ZoneSummary::disrupted)
                .containsExactly(tuple("az-east", true),
                        tuple("nova", false));
        assertThat(board(0.34).zoneSummaries().zones()).extracting(ZoneSummary::disrupted).containsExactly(false, false);
    }

    @Test
    void withoutHypervisorsTheBoardIsEmptyAndStillTellsTheClock() {
        TestingHypervisorStore empty = new TestingHypervisorStore(NOON);
        HypervisorBoard emptyBoard = new HypervisorBoard(new HypervisorQueries(empty, serviceQueries()), zones,
                new DetectorOptions(0.55, RETENTION));

        BoardPage page = emptyBoard.list(BoardQuery.page(0, 100));
        assertThat(page.hypervisors()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.now()).isEqualTo(NOON);
        assertThat(emptyBoard.zoneSummaries().zones()).isEmpty();
    }

    /** The rule the hypervisors' services are judged by (their rows are the hypervisor store's). */
    private static ServiceQueries serviceQueries() {
        return new ServiceQueries(new TestingServiceStore(), new Liveness(DOWN_TIME));
    }
}
