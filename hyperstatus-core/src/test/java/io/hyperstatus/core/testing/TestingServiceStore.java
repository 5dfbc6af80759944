package io.hyperstatus.core.testing;

import io.hyperstatus.core.ServiceAlreadyRegisteredException;
import io.hyperstatus.core.agents.AgentReports;
import io.hyperstatus.core.port.AgentStore;
import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.core.port.ServiceStore;
import io.hyperstatus.core.services.Registration;
import io.hyperstatus.core.services.ServiceChange;
import io.hyperstatus.core.services.ServiceRef;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/** Services in memory, with a settable database clock; every save moves the clock on by a second. */
public final class TestingServiceStore implements ServiceStore, AgentStore {
    private final TreeMap<Long, Service> services = new TreeMap<>();
    private final Set<String> hostsWithInstances = new HashSet<>();
    private final Map<String, NodeReport> nodes = new TreeMap<>();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private long nextId = 1;
    private int saves;
    private boolean vanishOnNextWrite;
    private boolean raceNextInsert;
    private RuntimeException nextInsertFailure;

    public Service add(String host, String binary) {
        Service service = new Service(nextId, "uuid-" + nextId, host, binary, false, null, false, now, null, null);
        services.put(nextId++, service);
        return service;
    }

    public Service put(Service service) {
        services.put(service.id(), service);
        return service;
    }

    public Optional<Service> stored(long id) {
        return Optional.ofNullable(services.get(id));
    }

    public void setNow(Instant instant) {
        now = instant;
    }

    public void giveInstancesTo(String host) {
        hostsWithInstances.add(host);
    }

    /** The next save or delete finds the row gone, as if another request deleted it in between. */
    /** The next insert finds that another writer registered the same service first (that row is stored). */
    public void raceNextInsert() {
        raceNextInsert = true;
    }

    /**
     * The next insert fails as a database outage would, at the moment another writer stores the same service: the
     * failure must not be taken for a lost race.
     */
    public void failNextInsert(RuntimeException failure) {
        nextInsertFailure = failure;
    }

    public void vanishOnNextWrite() {
        vanishOnNextWrite = true;
    }

    public int saves() {
        return saves;
    }

    @Override
    public KeysetCursor<Service> scan(Optional<String> host, Optional<String> binary, int batchSize) {
        KeysetCursor.BatchReader<Service> reader = (afterId, limit, knownNow) -> {
            List<Service> read = services.tailMap(afterId, false).values().stream().limit(limit).toList();
            List<Service> matching = read.stream()
                    .filter(s -> host.map(s.host()::equals).orElse(true))
                    .filter(s -> binary.map(s.binary()::equals).orElse(true)).toList();
            return new KeysetCursor.Batch<>(matching, knownNow != null ? knownNow : now, read.size(),
                    read.isEmpty() ? afterId : read.get(read.size() - 1).id());
        };
        return new KeysetCursor<>(reader, batchSize, Long.MIN_VALUE, OptionalInt.empty());
    }

    @Override
    public Optional<RowAt<Service>> find(ServiceRef ref) {
        return services.values().stream().filter(s -> matches(s, ref)).findFirst().map(s -> new RowAt<>(s, now));
    }

    @Override
    public boolean lock(ServiceRef ref) {
        return find(ref).isPresent();
    }

    private static boolean matches(Service service, ServiceRef ref) {
        if (ref instanceof ServiceRef.ById byId) {
            return service.id() == byId.id();
        }
        if (ref instanceof ServiceRef.ByUuid byUuid) {
            return service.uuid().equals(byUuid.uuid());
        }
        ServiceKey key = ((ServiceRef.ByKey) ref).key();
        return service.host().equals(key.host()) && service.binary().equals(key.binary());
    }

    @Override
    public Optional<RowAt<Service>> save(long id, ServiceChange change) {
        saves++;
        Service current = services.get(id);
        if (current == null || vanish()) {
            return Optional.empty();
        }
        now = now.plus(Duration.ofSeconds(1));
        boolean disabled = change.disabled().orElse(current.disabled());
        String reason = change.disabled().isPresent() ? change.reason().orElse(null) : current.disabledReason();
        boolean forcedDown = change.forcedDown().orElse(current.forcedDown());
        Service saved = new Service(id, current.uuid(), current.host(), current.binary(), disabled, reason,
                forcedDown, current.createdAt(), now, current.lastSeenUp());
        services.put(id, saved);
        return Optional.of(new RowAt<>(saved, now));
    }

    @Override
    public boolean hasInstances(String host) {
        return hostsWithInstances.contains(host);
    }

    @Override
    public boolean delete(Service service) {
        if (vanish()) {
            services.remove(service.id());
            return false;
        }
        return services.remove(service.id()) != null;
    }

    private boolean vanish() {
        boolean vanish = vanishOnNextWrite;
        vanishOnNextWrite = false;
        return vanish;
    }

    @Override
    public Optional<Registration> registered(ServiceKey key) {
        return find(new ServiceRef.ByKey(key)).map(r -> new Registration(key, r.row().id(), r.row().uuid(), false));
    }

    @Override
    public Service insert(ServiceKey key) {
        if (nextInsertFailure != null) {
            RuntimeException failure = nextInsertFailure;
            nextInsertFailure = null;
            add(key.host(), key.binary());
            throw failure;
        }
        if (raceNextInsert) {
            raceNextInsert = false;
            add(key.host(), key.binary());
            throw new ServiceAlreadyRegisteredException(key, null);
        }
        return add(key.host(), key.binary());
    }

    @Override
    public List<ServiceKey> heartbeat(List<ServiceKey> keys) {
        List<ServiceKey> unknown = new ArrayList<>();
        for (ServiceKey key : keys) {
            Optional<RowAt<Service>> found = find(new ServiceRef.ByKey(key));
            if (found.isEmpty()) {
                unknown.add(key);
                continue;
            }
            Service s = found.get().row();
            put(new Service(s.id(), s.uuid(), s.host(), s.binary(), s.disabled(), s.disabledReason(), s.forcedDown(),
                    s.createdAt(), now, now));
        }
        return unknown;
    }

    /**
     * Keeps the last report of each node by UUID; as the port requires, a UUID stored under another host refuses the
     * whole call, with nothing of it kept.
     */
    @Override
    public List<String> report(List<NodeReport> reports) {
        for (NodeReport report : reports) {
            NodeReport stored = report.uuid() == null ? null : nodes.get(report.uuid());
            if (stored != null && !stored.host().equals(report.host())) {
                throw AgentReports.nodeOfAnotherHost(report.uuid(), stored.host(), report.host());
            }
        }
        List<String> uuids = new ArrayList<>();
        for (NodeReport report : reports) {
            String uuid = report.uuid() != null ? report.uuid() : "node-" + report.hypervisorHostname();
            nodes.put(uuid, report);
            uuids.add(uuid);
        }
        return uuids;
    }

    /** The nodes reported so far, by UUID. */
    public Map<String, NodeReport> nodes() {
        return Map.copyOf(nodes);
    }
}
