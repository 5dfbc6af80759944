package io.hyperstatus.core.liveness;

import io.hyperstatus.core.Chunks;
import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.EventSubject;
import io.hyperstatus.core.port.EventStore;
import io.hyperstatus.core.port.LivenessStore;
import io.hyperstatus.core.port.OutageStore;
import io.hyperstatus.core.port.Transactions;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.DatabaseOutage;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records {@code went_down} when a service's heartbeat lapses past service_down_time and {@code came_up} at its
 * first heartbeat after, as events of the log. Each API server runs one on a thread of its own, a pass every
 * second; only the holder of the database's lease records, and every transition is claimed by a conditional
 * update in the transaction of its event, so it is recorded once even when two detectors overlap.
 *
 * <p>It applies the API's own rule ({@link Liveness}, with the grace of the last database outage), so it never
 * records a service down while the API shows it up; a went_down carries the deadline that passed as its time.
 * After it starts, takes the lease over, or has a pass fail, it first gives every service a fresh
 * service_down_time to heartbeat before declaring any down: heartbeats that could not be stored meanwhile are not
 * deaths. See docs/liveness-detector.md.
 */
public final class LivenessDetector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LivenessDetector.class);
    /** How long a lease lasts: a dead holder is replaced within this and one pass. */
    static final Duration LEASE = Duration.ofSeconds(3);
    static final Duration PASS_INTERVAL = Duration.ofSeconds(1);
    /** Services read per query, and claimed per transaction: a pass stays short, the rest waits a second. */
    static final int READ_LIMIT = 1000;
    static final int CLAIMS_PER_TRANSACTION = 100;
    static final int PRUNE_BATCH = 500;
    static final int PRUNE_BATCHES_PER_PASS = 4;
    static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final LivenessStore store;
    private final EventStore events;
    private final Transactions transactions;
    private final OutageStore outages;
    private final Liveness liveness;
    private final ZoneWatch zoneWatch;
    private final Duration retention;
    private final String holder;
    private final ScheduledExecutorService executor;
    private final LongConsumer passDurations;

    // Written by the pass alone (one thread at a time); holding is read by others too.
    private volatile boolean holding;
    private boolean passFailed;
    private Instant graceUntil = Instant.MIN;
    private Instant nextPrune = Instant.MIN;

    public LivenessDetector(LivenessStore store, EventStore events, Transactions transactions, ServiceZones zones,
                            Liveness liveness, OutageStore outages, DetectorOptions options, String holder) {
        this(store, events, transactions, zones, liveness, outages, options, holder, nanos -> { });
    }

    /** As above; {@code passDurations} is told how long each pass took, in nanoseconds (for the metrics). */
    public LivenessDetector(LivenessStore store, EventStore events, Transactions transactions, ServiceZones zones,
                            Liveness liveness, OutageStore outages, DetectorOptions options, String holder,
                            LongConsumer passDurations) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.outages = Objects.requireNonNull(outages, "outages");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        this.zoneWatch = new ZoneWatch(store, events, transactions, zones, liveness.serviceDownTime(), options);
        this.retention = options.retention();
        this.holder = Objects.requireNonNull(holder, "holder");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hyperstatus-liveness");
            thread.setDaemon(true);
            return thread;
        });
        this.passDurations = Objects.requireNonNull(passDurations, "passDurations");
    }

    /** Runs a pass every second from now on, until {@link #close()}. */
    public void start() {
        var unused = executor.scheduleWithFixedDelay(this::pass, 0, PASS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the last pass held the lease. */
    public boolean holding() {
        return holding;
    }

    /** One pass; a failure is logged, and gives every service a fresh grace once the database answers again. */
    public void pass() {
        long started = System.nanoTime();
        try {
            passOnce();
        } finally {
            passDurations.accept(System.nanoTime() - started);
        }
    }

    private void passOnce() {
        try {
            LivenessStore.Lease lease = store.acquire(holder, LEASE);
            if (!lease.held()) {
                if (holding) {
                    LOG.info("Liveness lease taken over by another API server");
                }
                holding = false;
                return;
            }
            Instant now = lease.databaseNow();
            if (!holding || passFailed) {
                graceUntil = now.plus(liveness.serviceDownTime());
                LOG.info("Liveness detector holds the lease; no service is declared down before {}", graceUntil);
            }
            holding = true;
            passFailed = false;
            Optional<DatabaseOutage> outage = outages.lastOutage();
            int cameUp = recordCameUp(now);
            Map<String, Instant> wentDown = now.isAfter(graceUntil) ? recordWentDown(now, outage) : Map.of();
            if (holding) {
                zoneWatch.check(now, wentDown, cameUp > 0);
                prune(now);
            }
        } catch (RuntimeException e) {
            if (!passFailed) {
                LOG.warn("Liveness pass failed; services get a fresh grace once it succeeds: {}", e.toString());
            }
            passFailed = true;
        }
    }

    private int recordCameUp(Instant now) {
        List<Service> back = store.heartbeatingAgain(now.minus(liveness.serviceDownTime()), READ_LIMIT);
        if (back.isEmpty()) {
            return 0;
        }
        ServiceZones.Snapshot zones = zoneWatch.zones();
        int recorded = 0;
        for (List<Service> chunk : chunks(back)) {
            recorded += transactions.inTransaction(() -> {
                int count = 0;
                for (Service service : store.claimUp(chunk)) {
                    // A forced-down service stays down in the API: the flag follows the heartbeat, no event.
                    if (!service.forcedDown()) {
                        events.append(transition(EventKind.CAME_UP, service.lastSeenUp(), service,
                                zones.zoneOf(service)));
                        count++;
                    }
                }
                return count;
            });
            if (!renew()) {
                break;
            }
        }
        return recorded;
    }

    /** Answers the latest deadline recorded per zone. */
    private Map<String, Instant> recordWentDown(Instant now, Optional<DatabaseOutage> outage) {
        List<Due> due = new ArrayList<>();
        for (Service service : store.lapsedSince(now.minus(liveness.serviceDownTime()), READ_LIMIT)) {
            // The outage's grace keeps some of them up a while yet, as the API shows them.
            Instant upUntil = liveness.upUntil(service, outage);
            if (service.forcedDown() || now.isAfter(upUntil)) {
                due.add(new Due(service, upUntil));
            }
        }
        if (due.isEmpty()) {
            return Map.of();
        }
        due.sort(Comparator.comparing(Due::upUntil));
        ServiceZones.Snapshot zones = zoneWatch.zones();
        Map<String, Instant> latest = new HashMap<>();
        for (List<Due> chunk : chunks(due)) {
            Map<Long, Due> byId = new HashMap<>();
            chunk.forEach(d -> byId.put(d.service().id(), d));
            transactions.inTransaction(() -> {
                for (Service claimed : store.claimDown(chunk.stream().map(Due::service).toList())) {
                    Due d = byId.get(claimed.id());
                    if (!claimed.forcedDown()) {
                        String zone = zones.zoneOf(claimed);
                        events.append(transition(EventKind.WENT_DOWN, d.upUntil(), claimed, zone));
                        latest.merge(zone, d.upUntil(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
                return null;
            });
            if (!renew()) {
                break;
            }
        }
        return latest;
    }

    private EventRecord transition(EventKind kind, Instant time, Service service, String zone) {
        boolean down = kind == EventKind.WENT_DOWN;
        EventSnapshot before = new EventSnapshot(down ? ServiceState.UP : ServiceState.DOWN, service.status(),
                service.disabledReason(), service.forcedDown());
        return EventRecord.ofService(kind, time, EventSubject.of(service), zone, before,
                before.withState(down ? ServiceState.DOWN : ServiceState.UP), Actor.liveness(),
                down ? service.lastSeenUp() : null);
    }

    /** Renews the lease between transactions of a long pass; false (and the pass stops) once another has it. */
    private boolean renew() {
        if (!store.acquire(holder, LEASE).held()) {
            LOG.info("Liveness lease lost during a pass");
            holding = false;
        }
        return holding;
    }

    private void prune(Instant now) {
        if (now.isBefore(nextPrune)) {
            return;
        }
        Instant cutoff = now.minus(retention);
        int pruned = PRUNE_BATCH;
        for (int batch = 0; batch < PRUNE_BATCHES_PER_PASS && pruned == PRUNE_BATCH; batch++) {
            pruned = events.prune(cutoff, PRUNE_BATCH);
        }
        // A full last batch means more to prune: the next pass goes on, else the next minute looks again.
        nextPrune = pruned == PRUNE_BATCH ? now : now.plus(PRUNE_EVERY);
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        return Chunks.of(items, CLAIMS_PER_TRANSACTION);
    }

    /** Stops the passes and gives the lease up, so another API server takes over at its next pass. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Liveness pass still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.release(holder);
        } catch (RuntimeException e) {
            LOG.debug("Releasing the liveness lease failed; it expires by itself", e);
        }
    }

    private record Due(Service service, Instant upUntil) {
    }
}
