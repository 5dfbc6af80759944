package io.hyperstatus.core.testing;

import io.hyperstatus.core.AggregateHostExistsException;
import io.hyperstatus.core.AggregateNameExistsException;
import io.hyperstatus.core.port.AggregateStore;
import io.hyperstatus.domain.Aggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Aggregates in memory, and how many instances each host runs. */
public final class TestingAggregateStore implements AggregateStore {
    private static final Instant CREATED = Instant.parse("2026-12-01T09:00:00Z");

    private final TreeMap<Long, Aggregate> aggregates = new TreeMap<>();
    private final Map<String, Long> instances = new HashMap<>();
    private long nextId = 1;

    public void setInstances(String host, long count) {
        instances.put(host, count);
    }

    private boolean vanishOnNextWrite;

    /** The next write finds its aggregate gone, as if another request deleted it in between. */
    public void vanishOnNextWrite() {
        vanishOnNextWrite = true;
    }

    private Optional<Aggregate> findForWrite(long id) {
        if (vanishOnNextWrite) {
            vanishOnNextWrite = false;
            aggregates.remove(id);
        }
        return find(id);
    }

    @Override
    public List<Aggregate> list() {
        return List.copyOf(aggregates.values());
    }

    @Override
    public boolean lock(long id) {
        return aggregates.containsKey(id);
    }

    @Override
    public Optional<Aggregate> find(long id) {
        return Optional.ofNullable(aggregates.get(id));
    }

    @Override
    public Aggregate create(String name, String availabilityZone) {
        if (aggregates.values().stream().anyMatch(a -> a.name().equals(name))) {
            throw new AggregateNameExistsException(name);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (availabilityZone != null) {
            metadata.put(Aggregate.AVAILABILITY_ZONE, availabilityZone);
        }
        Aggregate created = new Aggregate(nextId, "agg-" + nextId, name, CREATED, null, List.of(), metadata);
        aggregates.put(nextId++, created);
        return created;
    }

    @Override
    public Optional<Aggregate> rename(long id, String name) {
        return findForWrite(id).map(a -> store(new Aggregate(a.id(), a.uuid(), name, a.createdAt(), a.updatedAt(), a.hosts(),
                a.metadata())));
    }

    @Override
    public Optional<Aggregate> updateMetadata(long id, Map<String, String> changes) {
        return findForWrite(id).map(a -> {
            Map<String, String> metadata = new LinkedHashMap<>(a.metadata());
            changes.forEach((key, value) -> {
                if (value == null) {
                    metadata.remove(key);
                } else {
                    metadata.put(key, value);
                }
            });
            return store(new Aggregate(a.id(), a.uuid(), a.name(), a.createdAt(), a.updatedAt(), a.hosts(), metadata));
        });
    }

    @Override
    public Optional<Aggregate> addHost(long id, String host) {
        return findForWrite(id).map(a -> {
            if (a.hosts().contains(host)) {
                throw new AggregateHostExistsException(id, host);
            }
            List<String> hosts = new ArrayList<>(a.hosts());
            hosts.add(host);
            return store(new Aggregate(a.id(), a.uuid(), a.name(), a.createdAt(), a.updatedAt(), hosts, a.metadata()));
        });
    }

    @Override
    public Optional<Aggregate> removeHost(long id, String host) {
        return find(id).filter(a -> a.hosts().contains(host)).map(a -> {
            List<String> hosts = new ArrayList<>(a.hosts());
            hosts.remove(host);
            return store(new Aggregate(a.id(), a.uuid(), a.name(), a.createdAt(), a.updatedAt(), hosts, a.metadata()));
        });
    }

    @Override
    public boolean delete(long id) {
        return aggregates.remove(id) != null;
    }

    @Override
    public Map<String, SortedSet<String>> zonesByHost() {
        Map<String, SortedSet<String>> zones = new TreeMap<>();
        for (Aggregate aggregate : aggregates.values()) {
            if (aggregate.availabilityZone() != null) {
                aggregate.hosts().forEach(h -> zones.computeIfAbsent(h, k -> new TreeSet<>())
                        .add(aggregate.availabilityZone()));
            }
        }
        return zones;
    }

    @Override
    public long instanceCount(Collection<String> hosts) {
        return hosts.stream().mapToLong(h -> instances.getOrDefault(h, 0L)).sum();
    }

    private Aggregate store(Aggregate aggregate) {
        aggregates.put(aggregate.id(), aggregate);
        return aggregate;
    }
}
