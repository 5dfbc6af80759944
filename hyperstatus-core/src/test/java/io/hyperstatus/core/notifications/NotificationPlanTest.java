package io.hyperstatus.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.core.testing.TestingEventStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationPlanTest {
    private final TestingEventStore store = new TestingEventStore(() -> Instant.parse("2026-12-01T10:00:00Z"));
    private final TestingLog log = new TestingLog(store);

    @Test
    void registrationAndDeletionAreNovasCreateAndDelete() {
        log.created(1);
        log.change(EventKind.DELETED, 1, "req-d", TestingLog.UP, null);

        assertThat(kinds(new NotificationPlan(true).noticesOf(null, all())))
                .containsExactly(NoticeKind.SERVICE_CREATE, NoticeKind.SERVICE_DELETE);
    }

    @Test
    void oneSaveThatChangesTwoThingsIsOneUpdateAnnouncedWithItsFirstEvent() {
        long first = log.change(EventKind.DISABLED, 1, "req-1", TestingLog.UP, TestingLog.DISABLED_AND_DOWN);
        log.change(EventKind.FORCED_DOWN, 1, "req-1", TestingLog.UP, TestingLog.DISABLED_AND_DOWN);

        List<Notice> notices = new NotificationPlan(true).noticesOf(null, all());

        assertThat(notices).extracting(n -> n.event().id()).containsExactly(first);
        assertThat(kinds(notices)).containsExactly(NoticeKind.SERVICE_UPDATE);
    }

    @Test
    void aSaveSplitAcrossTwoReadsIsAnnouncedOnceWhenTheEventBeforeIsGiven() {
        log.change(EventKind.DISABLED, 1, "req-1", TestingLog.UP, TestingLog.DISABLED_AND_DOWN);
        log.change(EventKind.FORCED_DOWN, 1, "req-1", TestingLog.UP, TestingLog.DISABLED_AND_DOWN);
        List<LoggedEvent> events = all();

        assertThat(new NotificationPlan(true).noticesOf(events.get(0), events.subList(1, 2))).isEmpty();
    }

    @Test
    void everySaveOfTheSameServiceByAnotherRequestIsItsOwnUpdateEvenWhenItChangedNothing() {
        log.change(EventKind.DISABLED, 1, "req-1", TestingLog.UP, TestingLog.DISABLED);
        log.change(EventKind.UNCHANGED, 1, "req-2", TestingLog.DISABLED, TestingLog.DISABLED);
        log.change(EventKind.UNCHANGED, 1, "req-3", TestingLog.DISABLED, TestingLog.DISABLED);
        log.change(EventKind.ENABLED, 1, "req-4", TestingLog.DISABLED, TestingLog.UP);

        assertThat(kinds(new NotificationPlan(true).noticesOf(null, all()))).containsExactly(
                NoticeKind.SERVICE_UPDATE, NoticeKind.SERVICE_UPDATE, NoticeKind.SERVICE_UPDATE,
                NoticeKind.SERVICE_UPDATE);
    }

    @Test
    void changesOfTwoServicesInARowAreTwoUpdates() {
        log.change(EventKind.DISABLED, 1, "req-1", TestingLog.UP, TestingLog.DISABLED);
        log.change(EventKind.DISABLED, 2, "req-1", TestingLog.UP, TestingLog.DISABLED);

        assertThat(new NotificationPlan(true).noticesOf(null, all())).hasSize(2);
    }

    @Test
    void livenessEventsAreHyperstatusNoticesUnlessTurnedOff() {
        log.wentDown(1);
        log.zoneDisrupted();

        assertThat(kinds(new NotificationPlan(true).noticesOf(null, all())))
                .containsExactly(NoticeKind.SERVICE_DOWN, NoticeKind.ZONE_DISRUPTED);
        assertThat(new NotificationPlan(false).noticesOf(null, all())).isEmpty();
    }

    private List<LoggedEvent> all() {
        return store.find(EventQuery.newest(100).after(0));
    }

    private static List<NoticeKind> kinds(List<Notice> notices) {
        return notices.stream().map(Notice::kind).toList();
    }
}
