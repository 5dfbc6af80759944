package io.hyperstatus.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Availability from hand-built histories: shares of a window, and its down periods clipped to it. */
class AvailabilityTest {
    private static final EventSubject SERVICE = new EventSubject(7, "uuid-7", "compute-17", "nova-compute");
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-01T10:00:00Z");
    private static final EventSnapshot UP = new EventSnapshot(ServiceState.UP, ServiceStatus.ENABLED, null, false);
    private static final EventSnapshot DOWN = UP.withState(ServiceState.DOWN);
    private static final EventSnapshot UP_DISABLED = new EventSnapshot(ServiceState.UP, ServiceStatus.DISABLED,
            "maintenance", false);

    private final List<LoggedEvent> events = new ArrayList<>();

    @Test
    void aServiceUpAllTheWindowIsUpWholeWithNoPeriod() {
        Availability availability = compute(UP);
        assertThat(availability).isEqualTo(availability(1.0, 0.0));
        assertThat(availability.longestDownSeconds()).isEqualTo(0.0);
    }

    @Test
    void eachDownPeriodRunsFromWentDownToCameUp() {
        at("01:00", EventKind.WENT_DOWN, UP, DOWN);
        at("01:05", EventKind.CAME_UP, DOWN, UP);
        at("04:00", EventKind.WENT_DOWN, UP, DOWN);
        at("05:00", EventKind.CAME_UP, DOWN, UP);
        Availability availability = compute(UP);
        // 3,900 s down of 36,000, to six decimals.
        assertThat(availability).isEqualTo(availability(0.891667, 0.0,
                new Availability.DownPeriod(time("01:00"), time("01:05"), 300.0),
                new Availability.DownPeriod(time("04:00"), time("05:00"), 3600.0)));
        assertThat(availability.downPeriods()).isEqualTo(2);
        assertThat(availability.longestDownSeconds()).isEqualTo(3600.0);
    }

    @Test
    void aPeriodBegunBeforeTheWindowStartsWithItAndOneNotEndedHasNoEnd() {
        at("02:00", EventKind.CAME_UP, DOWN, UP);
        at("09:00", EventKind.FORCED_DOWN, UP, DOWN);
        assertThat(compute(DOWN)).isEqualTo(availability(0.7, 0.0,
                new Availability.DownPeriod(START, time("02:00"), 7200.0),
                new Availability.DownPeriod(time("09:00"), null, 3600.0)));
    }

    @Test
    void disabledTimeIsCountedApartFromBeingUp() {
        at("05:00", EventKind.DISABLED, UP, UP_DISABLED);
        assertThat(compute(UP)).isEqualTo(availability(1.0, 0.5));
    }

    @Test
    void theSharesAreOfTheTimeTheServiceExistedInTheWindow() {
        at("05:00", EventKind.CREATED, null, UP);
        at("07:00", EventKind.DISABLED, UP, UP_DISABLED);
        at("08:00", EventKind.DELETED, UP_DISABLED, null);
        assertThat(compute(null)).isEqualTo(availability(1.0, 0.333333));
    }

    @Test
    void aServiceThatNeverExistedInTheWindowHasNoShares() {
        assertThat(compute(null)).isEqualTo(availability(0.0, 0.0));
    }

    @Test
    void eventsAreTakenByTimeWhateverTheirOrderAndThoseOutsideTheWindowAreIgnored() {
        at("06:00", EventKind.CAME_UP, DOWN, UP);
        at("03:00", EventKind.WENT_DOWN, UP, DOWN);
        at("11:00", EventKind.WENT_DOWN, UP, DOWN);
        // Down from 03:00 to 06:00 (11:00 is after the window): 7 hours up of 10.
        assertThat(compute(UP)).isEqualTo(availability(0.7, 0.0,
                new Availability.DownPeriod(time("03:00"), time("06:00"), 10_800.0)));
    }

    @Test
    void aDeletionEndsADownPeriod() {
        at("08:00", EventKind.DELETED, DOWN, null);
        assertThat(compute(DOWN)).isEqualTo(availability(0.0, 0.0,
                new Availability.DownPeriod(START, time("08:00"), 28_800.0)));
    }

    /** What the window from {@link #START} to {@link #END} of {@link #SERVICE} should come to. */
    private static Availability availability(double upFraction, double disabledFraction,
                                             Availability.DownPeriod... periods) {
        return new Availability(SERVICE, START, END, upFraction, disabledFraction, List.of(periods));
    }

    private Availability compute(EventSnapshot atStart) {
        return Availability.compute(SERVICE, START, END, atStart, events);
    }

    private void at(String clock, EventKind kind, EventSnapshot before, EventSnapshot after) {
        Instant time = time(clock);
        EventRecord record = EventRecord.ofService(kind, time, SERVICE, "nova", before, after, Actor.liveness(),
                null);
        events.add(new LoggedEvent(events.size() + 1, time, time, record, Heartbeats.NONE));
    }

    private static Instant time(String clock) {
        return Instant.parse("2026-11-01T" + clock + ":00Z");
    }
}
