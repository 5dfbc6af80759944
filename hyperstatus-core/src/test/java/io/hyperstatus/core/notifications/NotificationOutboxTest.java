package io.hyperstatus.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.testing.TestingEventStore;
import io.hyperstatus.core.testing.TestingNotificationChannel;
import io.hyperstatus.core.testing.TestingOutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NotificationOutboxTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final OutboxOptions OPTIONS = new OutboxOptions(Duration.ofMillis(200), Duration.ofSeconds(3),
            Duration.ofSeconds(1), 2, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));

    private final AtomicLong nanos = new AtomicLong();
    private final TestingEventStore events = new TestingEventStore(this::now);
    private final TestingOutboxStore store = new TestingOutboxStore(this::now);
    private final TestingLog log = new TestingLog(events);
    private final TestingNotificationChannel broker = new TestingNotificationChannel();

    @Test
    void aFirstStartBeginsAtTheNewestEventAndAnnouncesOnlyWhatComesAfter() {
        log.created(1);
        NotificationOutbox outbox = outbox("server-a", broker);

        outbox.runPass();
        long created = log.created(2);
        outbox.runPass();

        assertThat(broker.receivedEventIds()).containsExactly(created);
        assertThat(store.publishedThrough()).hasValue(created);
    }

    @Test
    void everyEventIsSentInOrderAcrossBatchesAndThePlaceMovesOnlyPastConfirmedOnes() {
        NotificationOutbox outbox = outbox("server-a", broker);
        outbox.runPass();
        for (int service = 1; service <= 5; service++) {
            log.created(service);
        }

        outbox.runPass();

        assertThat(broker.receivedEventIds()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(outbox.status().publishedThrough()).isEqualTo(5);
        assertThat(outbox.status().confirmed()).isEqualTo(5);
    }

    @Test
    void whileTheBrokerIsDownNothingMovesAndEverythingIsSentOnceItIsBack() {
        NotificationOutbox outbox = outbox("server-a", broker);
        outbox.runPass();
        broker.goDown();
        log.created(1);
        log.change(EventKind.DISABLED, 1, "req-1", TestingLog.UP, TestingLog.DISABLED);

        outbox.runPass();
        advance(Duration.ofMillis(500));
        outbox.runPass();

        assertThat(store.publishedThrough()).hasValue(0);
        assertThat(outbox.status().backlog()).isEqualTo(2);
        assertThat(outbox.status().failure()).hasValueSatisfying(why -> assertThat(why).contains("refused"));
        assertThat(broker.closes()).isEqualTo(1);

        broker.comeBack();
        advance(Duration.ofMillis(600));
        outbox.runPass();

        assertThat(broker.receivedEventIds()).containsExactly(1L, 2L);
        assertThat(outbox.status().failure()).isEmpty();
        assertThat(outbox.status().backlog()).isZero();
    }

    @Test
    void retriesWaitLongerAfterEachFailureUpToTheLongestWait() {
        assertThat(OPTIONS.retryAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OPTIONS.retryAfter(2)).isEqualTo(Duration.ofSeconds(3));
        assertThat(OPTIONS.retryAfter(100)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRestartedServerResumesAfterTheLastConfirmedEvent() {
        NotificationOutbox first = outbox("server-a", broker);
        first.runPass();
        log.created(1);
        first.runPass();
        first.close();
        log.created(2);

        TestingNotificationChannel after = new TestingNotificationChannel();
        NotificationOutbox second = outbox("server-a2", after);
        second.runPass();

        assertThat(broker.receivedEventIds()).containsExactly(1L);
        assertThat(after.receivedEventIds()).containsExactly(2L);
    }

    @Test
    void onlyTheLeaseHolderPublishesAndAnotherTakesOverWhenItsLeaseRunsOut() {
        TwoServers servers = twoServers();
        log.created(1);

        passBoth(servers.holder(), servers.sibling());
        advance(Duration.ofSeconds(4));
        log.created(2);
        servers.sibling().runPass();

        assertThat(broker.receivedEventIds()).containsExactly(1L);
        assertThat(servers.siblingsBroker().receivedEventIds()).containsExactly(2L);
        assertThat(servers.sibling().status().publishing()).isTrue();
    }

    @Test
    void whileSendsWaitToBeRetriedTheHolderKeepsItsLeaseAndTheOthersPublishNothing() {
        TwoServers servers = twoServers();
        broker.goDown();
        log.created(1);

        for (int second = 0; second < 10; second++) {
            passBoth(servers.holder(), servers.sibling());
            advance(Duration.ofSeconds(1));
        }

        assertThat(servers.holder().status().publishing()).isTrue();
        assertThat(servers.sibling().status().publishing()).isFalse();
        assertThat(servers.siblingsBroker().received()).isEmpty();
        assertThat(servers.holder().status().failedSends()).isBetween(3L, 5L);
    }

    /** Two servers' outboxes, the sibling's to a broker of its own, after a pass each: the holder has the lease. */
    private record TwoServers(NotificationOutbox holder, NotificationOutbox sibling,
                              TestingNotificationChannel siblingsBroker) {
    }

    private TwoServers twoServers() {
        TestingNotificationChannel other = new TestingNotificationChannel();
        TwoServers servers = new TwoServers(outbox("server-a", broker), outbox("server-b", other), other);
        passBoth(servers.holder(), servers.sibling());
        return servers;
    }

    private NotificationOutbox outbox(String holder, TestingNotificationChannel channel) {
        return new NotificationOutbox(store, events, new NotificationPlan(true), channel, OPTIONS, holder, nanos::get);
    }

    /** One pass of each, the first one first: it takes the lease when it is free. */
    private static void passBoth(NotificationOutbox first, NotificationOutbox second) {
        first.runPass();
        second.runPass();
    }

    private Instant now() {
        return START.plusNanos(nanos.get());
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
