package io.hyperstatus.core.testing;

import io.hyperstatus.core.StoreUnavailableException;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.port.LivenessStore;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Services, the lease and the zones' disruptions in memory, on a database clock the test advances. Claims are
 * conditional as the database's are; {@link #unreachable} makes every call fail as an outage would.
 */
public final class TestingLivenessStore implements LivenessStore {
    private final Map<Long, Service> services = new LinkedHashMap<>();
    private final Set<Long> lapsed = new HashSet<>();
    private final Set<String> disrupted = new HashSet<>();
    private TestingEventStore events;
    private Instant now;
    private String holder = "";
    private Instant expiresAt = Instant.EPOCH;
    private boolean unreachable;
    private boolean everyLease;
    private long nextId = 1;

    public TestingLivenessStore(Instant start) {
        this.now = start;
    }

    /** The event log that {@link #wentDownAfter} counts in. */
    public void countIn(TestingEventStore log) {
        this.events = log;
    }

    public Instant now() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Every caller gets the lease, as two detectors overlapping would both believe they have it. */
    public void grantEveryLease() {
        everyLease = true;
    }

    public void unreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    /** A service registered and heartbeating now. */
    public Service add(String host, String binary) {
        long id = nextId++;
        Service service = new Service(id, new UUID(0, id).toString(), host, binary, false, null, false, now, now, now);
        services.put(id, service);
        return service;
    }

    public void heartbeat(String host) {
        replace(host, s -> new Service(s.id(), s.uuid(), s.host(), s.binary(), s.disabled(), s.disabledReason(),
                s.forcedDown(), s.createdAt(), now, now));
    }

    public void forceDown(String host, boolean forced) {
        replace(host, s -> new Service(s.id(), s.uuid(), s.host(), s.binary(), s.disabled(), s.disabledReason(),
                forced, s.createdAt(), now, s.lastSeenUp()));
    }

    private void replace(String host, java.util.function.UnaryOperator<Service> change) {
        Service service = services.values().stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow();
        services.put(service.id(), change.apply(service));
    }

    public boolean recordedDown(String host) {
        return services.values().stream().anyMatch(s -> s.host().equals(host) && lapsed.contains(s.id()));
    }

    public String holder() {
        return holder;
    }

    private void reach() {
        if (unreachable) {
            throw new StoreUnavailableException(new RuntimeException("connection refused"));
        }
    }

    @Override
    public Lease acquire(String candidate, Duration length) {
        reach();
        boolean free = everyLease || holder.equals(candidate) || expiresAt.isBefore(now);
        if (free) {
            holder = candidate;
            expiresAt = now.plus(length);
        }
        return new Lease(free, now);
    }

    @Override
    public void release(String candidate) {
        if (holder.equals(candidate)) {
            holder = "";
            expiresAt = Instant.EPOCH;
        }
    }

    @Override
    public List<Service> lapsedSince(Instant aliveBefore, int limit) {
        reach();
        return services.values().stream().filter(s -> !lapsed.contains(s.id()))
                .filter(s -> s.lastAlive().isBefore(aliveBefore))
                .sorted(Comparator.comparing(Service::lastAlive)).limit(limit).toList();
    }

    @Override
    public List<Service> heartbeatingAgain(Instant heartbeatSince, int limit) {
        reach();
        return services.values().stream().filter(s -> lapsed.contains(s.id()) && s.lastSeenUp() != null)
                .filter(s -> !s.lastSeenUp().isBefore(heartbeatSince)).limit(limit).toList();
    }

    @Override
    public List<Service> claimDown(List<Service> seen) {
        return claim(seen, false, (stored, s) -> java.util.Objects.equals(stored.lastSeenUp(), s.lastSeenUp()));
    }

    @Override
    public List<Service> claimUp(List<Service> seen) {
        return claim(seen, true, (stored, s) -> true);
    }

    /**
     * Moves into (or out of, when {@code lapsedNow}) the lapsed set each seen service that is still as it was seen:
     * in that set or not, forced down or not, and as {@code alsoAsSeen} says.
     */
    private List<Service> claim(List<Service> seen, boolean lapsedNow, BiPredicate<Service, Service> alsoAsSeen) {
        reach();
        List<Service> claimed = new ArrayList<>();
        for (Service s : seen) {
            Service stored = services.get(s.id());
            if (stored != null && lapsed.contains(s.id()) == lapsedNow && stored.forcedDown() == s.forcedDown()
                    && alsoAsSeen.test(stored, s)) {
                if (lapsedNow) {
                    lapsed.remove(s.id());
                } else {
                    lapsed.add(s.id());
                }
                claimed.add(s);
            }
        }
        return claimed;
    }

    @Override
    public List<ServiceKey> liveServices() {
        reach();
        return services.values().stream().map(s -> new ServiceKey(s.host(), s.binary())).toList();
    }

    @Override
    public List<ServiceKey> recordedDown() {
        reach();
        return services.values().stream().filter(s -> lapsed.contains(s.id()))
                .map(s -> new ServiceKey(s.host(), s.binary())).toList();
    }

    @Override
    public int wentDownAfter(String zone, Instant since) {
        reach();
        return (int) events.records().stream()
                .filter(e -> e.kind() == EventKind.WENT_DOWN && e.zone().equals(zone) && e.time().isAfter(since))
                .map(e -> e.subject().serviceId()).distinct().count();
    }

    @Override
    public Set<String> disruptedZones() {
        reach();
        return Set.copyOf(disrupted);
    }

    @Override
    public boolean claimDisruption(String zone, Instant since) {
        reach();
        return disrupted.add(zone);
    }

    @Override
    public void endDisruption(String zone) {
        reach();
        disrupted.remove(zone);
    }
}
