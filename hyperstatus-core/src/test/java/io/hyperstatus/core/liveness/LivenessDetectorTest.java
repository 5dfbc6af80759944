package io.hyperstatus.core.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.ZoneDisruption;
import io.hyperstatus.core.testing.TestingAggregateStore;
import io.hyperstatus.core.testing.TestingEventStore;
import io.hyperstatus.core.testing.TestingLivenessStore;
import io.hyperstatus.core.testing.TestingTransactions;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.DatabaseOutage;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The detector's decisions, pass by pass, on a database clock the test advances (service_down_time 60 s). */
class LivenessDetectorTest {
    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration DOWN_TIME = Duration.ofSeconds(60);
    private static final String COMPUTE = Service.COMPUTE_BINARY;

    private final TestingLivenessStore store = new TestingLivenessStore(START);
    private final TestingEventStore log = new TestingEventStore(store::now);
    private final TestingAggregateStore aggregates = new TestingAggregateStore();
    private final AtomicReference<Optional<DatabaseOutage>> outage = new AtomicReference<>(Optional.empty());
    private final TestingTransactions transactions = new TestingTransactions();

    {
        store.countIn(log);
    }

    private LivenessDetector detector(String holder) {
        return detector(holder, 0.55);
    }

    private LivenessDetector detector(String holder, double threshold) {
        return new LivenessDetector(store, log, transactions, new ServiceZones(aggregates, "nova", "internal"),
                new Liveness(DOWN_TIME), outage::get, new DetectorOptions(threshold, Duration.ofDays(90)), holder);
    }

    /** A compute service forced down, then 90 s without a heartbeat: longer than the down time. */
    private void forceDownThroughALapse(LivenessDetector detector, String host) {
        store.add(host, COMPUTE);
        store.forceDown(host, true);
        run(detector, 90);
    }

    /** Passes every second for {@code seconds}, as the scheduled thread would. */
    private void run(LivenessDetector detector, int seconds) {
        for (int i = 0; i < seconds; i++) {
            store.advance(Duration.ofSeconds(1));
            detector.pass();
        }
    }

    private List<EventRecord> transitions() {
        return log.records().stream().filter(e -> e.kind() != EventKind.ZONE_DISRUPTED).toList();
    }

    private List<EventRecord> disruptions() {
        return log.records().stream().filter(e -> e.kind() == EventKind.ZONE_DISRUPTED).toList();
    }

    @Test
    void aLapsedHeartbeatIsRecordedDownOnceWithTheDeadlineAsItsTimeAndTheLastHeartbeat() {
        LivenessDetector detector = detector("api-1");
        Service service = store.add("compute-1", COMPUTE);
        Instant lastHeartbeat = store.now();
        run(detector, 59);
        assertThat(log.records()).isEmpty();

        run(detector, 10);

        EventRecord wentDown = transitions().get(0);
        assertThat(transitions()).hasSize(1);
        assertThat(wentDown.kind()).isEqualTo(EventKind.WENT_DOWN);
        assertThat(wentDown.time()).isEqualTo(lastHeartbeat.plus(DOWN_TIME));
        assertThat(wentDown.lastHeartbeat()).isEqualTo(lastHeartbeat);
        assertThat(wentDown.subject().serviceUuid()).isEqualTo(service.uuid());
        assertThat(wentDown.zone()).isEqualTo("nova");
        assertThat(wentDown.actor()).isEqualTo(Actor.liveness());
        assertThat(wentDown.before()).isEqualTo(new EventSnapshot(ServiceState.UP, ServiceStatus.ENABLED, null, false));
        assertThat(wentDown.after()).isEqualTo(new EventSnapshot(ServiceState.DOWN, ServiceStatus.ENABLED, null, false));
    }

    @Test
    void theDeadlineIsRecordedWithinTheNextPass() {
        LivenessDetector detector = detector("api-1");
        store.add("compute-1", COMPUTE);
        run(detector, 61);
        assertThat(transitions()).isEmpty();
        run(detector, 1);
        assertThat(transitions()).extracting(EventRecord::kind).containsExactly(EventKind.WENT_DOWN);
    }

    @Test
    void theFirstHeartbeatAfterIsRecordedAsCameUpAtItsTime() {
        LivenessDetector detector = detector("api-1");
        store.add("compute-1", COMPUTE);
        run(detector, 90);
        store.heartbeat("compute-1");
        Instant heartbeat = store.now();
        run(detector, 5);

        assertThat(transitions()).extracting(EventRecord::kind).containsExactly(EventKind.WENT_DOWN, EventKind.CAME_UP);
        EventRecord cameUp = transitions().get(1);
        assertThat(cameUp.time()).isEqualTo(heartbeat);
        assertThat(cameUp.lastHeartbeat()).isNull();
        assertThat(cameUp.before().state()).isEqualTo(ServiceState.DOWN);
        assertThat(cameUp.after().state()).isEqualTo(ServiceState.UP);
        assertThat(store.recordedDown("compute-1")).isFalse();
    }

    @Test
    void aHeartbeatingServiceIsNeverRecorded() {
        LivenessDetector detector = detector("api-1");
        store.add("compute-1", COMPUTE);
        for (int i = 0; i < 10; i++) {
            run(detector, 50);
            store.heartbeat("compute-1");
        }
        assertThat(log.records()).isEmpty();
    }

    @Test
    void servicesStaleWhenTheDetectorStartsGetAFreshServiceDownTimeBeforeTheyAreDeclaredDown() {
        store.add("stale", COMPUTE);
        store.add("dead", COMPUTE);
        store.advance(Duration.ofMinutes(10));
        LivenessDetector detector = detector("api-1");
        detector.pass();
        Instant started = store.now();
        run(detector, 30);
        store.heartbeat("stale");
        run(detector, 29);
        assertThat(log.records()).as("within the grace").isEmpty();

        run(detector, 2);

        // The dead one is recorded, with the deadline it passed long ago; the one that heartbeated in time is not.
        assertThat(transitions()).extracting(e -> e.subject().host()).containsExactly("dead");
        assertThat(transitions().get(0).time()).isEqualTo(START.plus(DOWN_TIME));
        assertThat(store.now()).isAfter(started.plus(DOWN_TIME));
    }

    @Test
    void aServiceTheOutagesGraceKeepsUpIsRecordedDownOnlyWhenTheGraceEndsAndWithThatDeadline() {
        LivenessDetector detector = detector("api-1");
        store.add("compute-1", COMPUTE);
        // A short outage another API server recorded: the service was alive when it began.
        Instant began = START.plusSeconds(30);
        Instant recovered = START.plusSeconds(50);
        outage.set(Optional.of(new DatabaseOutage(began, recovered)));
        // Without it the service would be down after 60 s; the API shows it up until 60 s after the return.
        run(detector, 110);
        assertThat(log.records()).isEmpty();

        run(detector, 2);

        assertThat(transitions()).hasSize(1);
        assertThat(transitions().get(0).time()).isEqualTo(recovered.plus(DOWN_TIME));
    }

    @Test
    void afterAFailedPassEveryServiceGetsAFreshGrace() {
        LivenessDetector detector = detector("api-1");
        store.add("compute-1", COMPUTE);
        run(detector, 40);
        store.unreachable(true);
        run(detector, 90);
        store.unreachable(false);
        store.heartbeat("compute-1");
        run(detector, 5);
        assertThat(log.records()).as("heartbeated within the grace after the outage").isEmpty();

        run(detector, 61);
        assertThat(transitions()).hasSize(1);
    }

    @Test
    void onlyTheLeaseHolderRecordsAndAnotherTakesOverWithinTheLeaseWhenItStops() {
        LivenessDetector first = detector("api-1");
        LivenessDetector second = detector("api-2");
        store.add("compute-1", COMPUTE);
        store.add("compute-2", COMPUTE);
        for (int i = 0; i < 30; i++) {
            store.advance(Duration.ofSeconds(1));
            first.pass();
            second.pass();
        }
        assertThat(first.holding()).isTrue();
        assertThat(second.holding()).isFalse();

        // The holder dies (no release); its lease runs out and the other takes it over.
        int waited = 0;
        while (!second.holding()) {
            store.advance(Duration.ofSeconds(1));
            second.pass();
            waited++;
        }
        assertThat(waited).isLessThanOrEqualTo((int) LivenessDetector.LEASE.toSeconds() + 1);
        assertThat(store.holder()).isEqualTo("api-2");
        run(second, 40);
        store.heartbeat("compute-1");
        run(second, 30);

        assertThat(transitions()).extracting(e -> e.subject().host()).containsExactly("compute-2");
    }

    @Test
    void twoDetectorsThatBothThinkTheyHoldTheLeaseRecordEachTransitionOnce() {
        // As when a holder paused past its lease resumes a pass while its successor runs one.
        store.grantEveryLease();
        LivenessDetector first = detector("api-1");
        LivenessDetector second = detector("api-2");
        store.add("compute-1", COMPUTE);
        for (int i = 0; i < 100; i++) {
            store.advance(Duration.ofSeconds(1));
            first.pass();
            second.pass();
        }
        store.heartbeat("compute-1");
        first.pass();
        second.pass();

        assertThat(first.holding()).isTrue();
        assertThat(second.holding()).isTrue();
        assertThat(transitions()).extracting(EventRecord::kind).containsExactly(EventKind.WENT_DOWN, EventKind.CAME_UP);
    }

    @Test
    void aClosedDetectorReleasesTheLeaseAtOnce() {
        LivenessDetector first = detector("api-1");
        LivenessDetector second = detector("api-2");
        first.pass();
        first.close();
        second.pass();
        assertThat(second.holding()).isTrue();
    }

    @Test
    void aForcedDownServiceIsShownDownAlreadySoItsLapseAndReturnRecordNothing() {
        LivenessDetector detector = detector("api-1");
        forceDownThroughALapse(detector, "compute-1");
        assertThat(store.recordedDown("compute-1")).isTrue();
        store.heartbeat("compute-1");
        run(detector, 2);
        assertThat(store.recordedDown("compute-1")).isFalse();
        assertThat(log.records()).isEmpty();
    }

    @Test
    void aServiceForcedUpWhileItsHeartbeatIsLapsedComesUpAtItsNextHeartbeat() {
        LivenessDetector detector = detector("api-1");
        forceDownThroughALapse(detector, "compute-1");
        store.forceDown("compute-1", false);
        run(detector, 5);
        store.heartbeat("compute-1");
        run(detector, 2);
        assertThat(transitions()).extracting(EventRecord::kind).containsExactly(EventKind.CAME_UP);
    }

    @Test
    void moreThanTheThresholdOfAZoneGoingDownTogetherIsOneZoneDisruptedAndEachHostStillRecorded() {
        LivenessDetector detector = detector("api-1");
        addComputes(8);
        store.add("scheduler", "nova-scheduler");
        run(detector, 30);
        List.of("compute-6", "compute-7", "compute-8", "scheduler").forEach(store::heartbeat);
        run(detector, 40);

        assertThat(transitions()).hasSize(5);
        assertThat(disruptions()).hasSize(1);
        EventRecord disrupted = disruptions().get(0);
        assertThat(disrupted.zone()).isEqualTo("nova");
        assertThat(disrupted.disruption()).isEqualTo(new ZoneDisruption(5, 8));
        assertThat(disrupted.time()).isEqualTo(START.plus(DOWN_TIME));
        assertThat(disrupted.subject()).isNull();
    }

    @Test
    void aZoneAtOrBelowTheThresholdOrOfFewerThanThreeServicesIsNotDisrupted() {
        LivenessDetector detector = detector("api-1");
        addComputes(4);
        store.add("scheduler-1", "nova-scheduler");
        store.add("scheduler-2", "nova-scheduler");
        run(detector, 30);
        List.of("compute-3", "compute-4").forEach(store::heartbeat);
        run(detector, 40);

        assertThat(transitions()).hasSize(4);
        assertThat(disruptions()).as("2 of 4 is not more than 0.55; 2 of 2 is too small a zone").isEmpty();
    }

    @Test
    void aDisruptedZoneIsNotRecordedAgainUntilItsDisruptionEnds() {
        LivenessDetector detector = detector("api-1");
        addComputes(3);
        run(detector, 70);
        assertThat(disruptions()).hasSize(1);
        store.heartbeat("compute-1");
        run(detector, 2);
        assertThat(disruptions()).as("2 of 3 are still down").hasSize(1);
        store.heartbeat("compute-2");
        store.heartbeat("compute-3");
        run(detector, 2);

        run(detector, 70);

        assertThat(disruptions()).hasSize(2);
        assertThat(transitions()).extracting(EventRecord::kind).containsExactly(EventKind.WENT_DOWN,
                EventKind.WENT_DOWN, EventKind.WENT_DOWN, EventKind.CAME_UP, EventKind.CAME_UP, EventKind.CAME_UP,
                EventKind.WENT_DOWN, EventKind.WENT_DOWN, EventKind.WENT_DOWN);
    }

    @Test
    void servicesInAnAggregatesZoneAreCountedInThatZone() {
        var aggregate = aggregates.create("rack-1", "az-rack-1");
        for (int i = 1; i <= 3; i++) {
            store.add("compute-" + i, COMPUTE);
            aggregates.addHost(aggregate.id(), "compute-" + i);
        }
        for (int i = 4; i <= 10; i++) {
            store.add("compute-" + i, COMPUTE);
        }
        LivenessDetector detector = detector("api-1");
        run(detector, 30);
        for (int i = 3; i <= 10; i++) {
            store.heartbeat("compute-" + i);
        }
        run(detector, 40);

        assertThat(transitions()).extracting(EventRecord::zone).containsOnly("az-rack-1");
        assertThat(disruptions()).extracting(EventRecord::zone).containsExactly("az-rack-1");
        assertThat(disruptions().get(0).disruption()).isEqualTo(new ZoneDisruption(2, 3));
    }

    @Test
    void theHolderPrunesEventsOlderThanTheRetentionAboutOnceAMinute() {
        LivenessDetector detector = detector("api-1");
        run(detector, 125);
        assertThat(log.pruneCutoffs()).hasSize(3);
        assertThat(log.pruneCutoffs().get(0)).isEqualTo(START.plusSeconds(1).minus(Duration.ofDays(90)));
    }

    @Test
    void aDetectorWithoutTheLeasePrunesNothing() {
        LivenessDetector holder = detector("api-1");
        LivenessDetector other = detector("api-2");
        holder.pass();
        run(other, 2);
        assertThat(log.pruneCutoffs()).hasSize(1);
    }

    @Test
    void claimsAndTheirEventsAreWrittenInsideATransaction() {
        LivenessDetector detector = detector("api-1");
        store.add("compute-1", COMPUTE);
        int before = transactions.opened();
        run(detector, 70);
        assertThat(transactions.opened()).isGreaterThan(before);
        assertThat(transitions()).hasSize(1);
    }

    /** compute-1 to compute-{@code count}, nova-compute services of the zone nova. */
    private void addComputes(int count) {
        for (int i = 1; i <= count; i++) {
            store.add("compute-" + i, COMPUTE);
        }
    }
}
