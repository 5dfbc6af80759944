package io.hyperstatus.core.notifications;

import io.hyperstatus.core.PassThread;
import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.core.port.EventStore;
import io.hyperstatus.core.port.OutboxStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the event log's notifications: the log is the outbox. Each pass takes (or renews) the publishing
 * lease, reads the events after the place the database keeps, sends their notices, waits for the broker to confirm
 * them, and only then moves the place past them. An event is so sent after its transaction committed (the log
 * holds only committed events), and sent again until it is confirmed: a broker outage or a server restart delays
 * notifications and loses none, and among several API servers the lease makes one publish. API requests never
 * wait for any of this: they return when their change is committed.
 *
 * <p>Runs on its own thread; {@link #runPass} is one pass, which tests call directly with a clock they advance.
 */
public final class NotificationOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationOutbox.class);
    /** While sends fail, how often the log says so again (with the backlog). */
    private static final Duration FAILURE_REMINDER = Duration.ofMinutes(1);

    private final OutboxStore store;
    private final EventStore events;
    private final NotificationPlan plan;
    private final NotificationChannel channel;
    private final OutboxOptions options;
    private final String holder;
    private final LongSupplier nanoTime;
    private final PassThread thread;

    // Touched by the pass thread only; status() reads the volatile snapshot.
    private boolean holding;
    private boolean claimedOnce;
    private long renewedAt;
    private long retryAt;
    private long failuresInARow;
    private long failingSince = -1;
    private long remindedAt;
    private long published;
    private long confirmed;
    private long failedSends;
    private long newest;
    private String failure;
    private volatile OutboxStatus status = new OutboxStatus(false, -1, 0, 0, 0, Optional.empty());

    public NotificationOutbox(OutboxStore store, EventStore events, NotificationPlan plan,
                              NotificationChannel channel, OutboxOptions options, String holder,
                              LongSupplier nanoTime) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.options = Objects.requireNonNull(options, "options");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.published = -1;
        this.retryAt = nanoTime.getAsLong();
        this.thread = new PassThread("hyperstatus-notifications", options.passInterval(), this::runPass);
    }

    public void start() {
        LOG.info("Notifications go to {}", channel.describe());
        thread.start();
    }

    public OutboxStatus status() {
        return status;
    }

    /**
     * One pass: the lease (taken or renewed when due, also while sends wait to be retried, so that a broker
     * outage does not pass the lease around), then as many batches as there are events, until caught up or a send
     * fails.
     */
    public void runPass() {
        long now = nanoTime.getAsLong();
        try {
            OptionalLong place = claim(now);
            if (place.isPresent() && now - retryAt >= 0) {
                publishFrom(place.getAsLong());
                if (failingSince >= 0) {
                    LOG.info("Notifications sent again after {} s: the backlog is published",
                            seconds(nanoTime.getAsLong() - failingSince));
                }
                failingSince = -1;
                failure = null;
                failuresInARow = 0;
            }
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            status = new OutboxStatus(holding, published, Math.max(newest, published), confirmed, failedSends,
                    Optional.ofNullable(failure));
        }
    }

    /** Takes or renews the lease when due; answers the place to publish from, empty when another server has it. */
    private OptionalLong claim(long now) {
        if (claimedOnce && now - renewedAt < options.renewInterval().toNanos()) {
            // Renewed (or tried) lately: the lease holds, or another server's does, until the next renewal.
            return holding ? OptionalLong.of(published) : OptionalLong.empty();
        }
        claimedOnce = true;
        OutboxStore.Claim claim = store.acquire(holder, options.leaseLength());
        if (claim.held() != holding) {
            LOG.info(claim.held() ? "This server publishes the notifications now"
                    : "Another server publishes the notifications now");
        }
        holding = claim.held();
        renewedAt = now;
        if (!holding) {
            return OptionalLong.empty();
        }
        OptionalLong place = claim.publishedThrough();
        if (place.isEmpty()) {
            // Notifications begin when they are first turned on: nothing older is announced.
            place = store.begin(holder, events.lastId());
        }
        if (place.isPresent()) {
            published = place.getAsLong();
        }
        return place;
    }

    private void publishFrom(long place) {
        long through = place;
        while (true) {
            // The event at the place itself comes along: a save whose events a batch split is announced once.
            List<LoggedEvent> page = events.find(EventQuery.newest(options.batchSize() + 1)
                    .after(Math.max(0, through - 1)));
            LoggedEvent previous = !page.isEmpty() && page.get(0).id() == through ? page.get(0) : null;
            List<LoggedEvent> fresh = previous == null ? page : page.subList(1, page.size());
            if (fresh.size() > options.batchSize()) {
                fresh = fresh.subList(0, options.batchSize());
            }
            if (fresh.isEmpty()) {
                newest = Math.max(newest, through);
                return;
            }
            List<Notice> notices = plan.noticesOf(previous, fresh);
            if (!notices.isEmpty()) {
                channel.send(notices);
                confirmed += notices.size();
            }
            long last = fresh.get(fresh.size() - 1).id();
            // Moving the place renews the lease too: a long backlog keeps it.
            if (!store.advance(holder, last, options.leaseLength())) {
                // Our lease ran out meanwhile: the next holder sends from the place it finds (maybe these again).
                holding = false;
                LOG.info("Another server publishes the notifications now");
                return;
            }
            through = last;
            published = last;
            newest = Math.max(newest, last);
            renewedAt = nanoTime.getAsLong();
            if (page.size() <= options.batchSize()) {
                return;
            }
        }
    }

    private void failed(RuntimeException e) {
        long now = nanoTime.getAsLong();
        failedSends++;
        failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        failuresInARow++;
        retryAt = now + options.retryAfter(failuresInARow).toNanos();
        long backlog = backlog();
        if (failingSince < 0) {
            failingSince = now;
            remindedAt = now;
            LOG.warn("Notifications held back: {}; {} events wait, sent once it works again", failure, backlog);
        } else if (now - remindedAt >= FAILURE_REMINDER.toNanos()) {
            remindedAt = now;
            LOG.warn("Notifications held back for {} s: {}; {} events wait", seconds(now - failingSince), failure,
                    backlog);
        }
        // The connection may be half-broken: the next try opens a fresh one.
        channel.close();
    }

    /** Events not yet confirmed, as far as the log can be read now. */
    private long backlog() {
        try {
            newest = Math.max(newest, events.lastId());
        } catch (RuntimeException unreadable) {
            // The database is away too: the last count stands.
        }
        return holding && published >= 0 ? Math.max(0, newest - published) : 0;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    @Override
    public void close() {
        thread.close();
        if (holding) {
            try {
                store.release(holder);
            } catch (RuntimeException e) {
                LOG.debug("Could not give the notification lease up; it expires", e);
            }
        }
        channel.close();
    }
}
