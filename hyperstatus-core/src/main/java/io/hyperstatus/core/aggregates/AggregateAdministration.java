package io.hyperstatus.core.aggregates;

import io.hyperstatus.core.ConflictException;
import io.hyperstatus.core.InvalidRequestException;
import io.hyperstatus.core.NotFoundException;
import io.hyperstatus.core.port.AggregateStore;
import io.hyperstatus.core.port.DatabaseClock;
import io.hyperstatus.core.port.Transactions;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.domain.Aggregate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Host aggregates: reads, and every change with Nova's checks in Nova's order, the availability-zone rule among
 * them. Each change runs in one transaction that first locks the aggregate's row (and, to add a host, the host's
 * compute service), so a concurrent delete either waits for it or has happened: an aggregate or host deleted while
 * a request changes it is a not-found, as if it had been gone before, and nothing of the change is left behind.
 */
public final class AggregateAdministration {
    private final AggregateStore store;
    private final ServiceQueries services;
    private final DatabaseClock clock;
    private final Transactions transactions;
    private final AvailabilityZoneRule zoneRule;

    public AggregateAdministration(AggregateStore store, ServiceQueries services, DatabaseClock clock,
                                   Transactions transactions) {
        this.store = Objects.requireNonNull(store, "store");
        this.services = Objects.requireNonNull(services, "services");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.zoneRule = new AvailabilityZoneRule(store);
    }

    public List<Aggregate> list() {
        return store.list();
    }

    public Aggregate find(AggregateId id) {
        return store.find(id.value()).orElseThrow(() -> notFound(id));
    }

    /** Creates an aggregate, in the zone given (null for none). */
    public Aggregate create(String name, String availabilityZone) {
        // In a transaction of its own like every write, so that one rolled back for a conflict is run again.
        return transactions.inTransaction(() -> store.create(name, availabilityZone));
    }

    /**
     * A new name first (kept even if the zone is then refused, as in Nova), then the zone when one is given
     * ({@code zoneChange} holds the {@code availability_zone} key, its value null to remove it, or is empty).
     * With a zone, the answer's updated_at is now: Nova stamps the answer only; the stored aggregate keeps its own.
     */
    public Aggregate update(AggregateId id, Optional<String> name, Map<String, String> zoneChange) {
        Aggregate renamed = transactions.inTransaction(() -> {
            Aggregate aggregate = locked(id);
            return name.isPresent() ? store.rename(id.value(), name.get()).orElseThrow(() -> notFound(id)) : aggregate;
        });
        if (zoneChange.isEmpty()) {
            return renamed;
        }
        return transactions.inTransaction(() -> {
            Aggregate current = locked(id);
            zoneRule.refusal(current, zoneChange, current.hosts(), true).ifPresent(reason -> {
                throw new InvalidRequestException("Cannot update aggregate " + id.value() + ". Reason: " + reason + ".");
            });
            return store.updateMetadata(id.value(), zoneChange).orElseThrow(() -> notFound(id))
                    .withUpdatedAt(clock.now());
        });
    }

    /** Sets the given keys and removes those given as null; the answer's updated_at is now, as in Nova. */
    public Aggregate setMetadata(AggregateId id, Map<String, String> metadata) {
        return transactions.inTransaction(() -> {
            Aggregate aggregate = locked(id);
            zoneRule.refusal(aggregate, metadata, aggregate.hosts(), true).ifPresent(reason -> {
                throw new InvalidRequestException("Cannot update metadata of aggregate " + id.value() + ". Reason: "
                        + reason + ".");
            });
            return store.updateMetadata(id.value(), metadata).orElseThrow(() -> notFound(id))
                    .withUpdatedAt(clock.now());
        });
    }

    /** Deletes an aggregate that has no hosts. */
    public void delete(AggregateId id) {
        transactions.inTransaction(() -> {
            Aggregate aggregate = locked(id);
            if (!aggregate.hosts().isEmpty()) {
                throw new InvalidRequestException("Cannot remove host from aggregate " + id.value()
                        + ". Reason: Host aggregate is not empty.");
            }
            if (!store.delete(id.value())) {
                throw notFound(id);
            }
            return null;
        });
    }

    /** Adds a compute host, unless that would put the host in two availability zones. */
    public Aggregate addHost(AggregateId id, String host) {
        return transactions.inTransaction(() -> {
            if (!services.lockComputeHost(host)) {
                throw new NotFoundException("Compute host " + host + " could not be found.");
            }
            Aggregate aggregate = locked(id);
            zoneRule.refusal(aggregate, aggregate.metadata(), List.of(host), false).ifPresent(reason -> {
                throw new ConflictException("Cannot add host to aggregate " + id.value() + ". Reason: " + reason + ".");
            });
            return store.addHost(id.value(), host).orElseThrow(() -> notFound(id));
        });
    }

    /** Removes a host; every failure is the same not-found, naming the host and the aggregate id as given. */
    public Aggregate removeHost(AggregateId id, String host) {
        NotFoundException cannot = new NotFoundException("Cannot remove host " + host + " in aggregate "
                + id.asGiven());
        return transactions.inTransaction(() -> {
            if (!services.isComputeHost(host) || !store.lock(id.value())) {
                throw cannot;
            }
            return store.removeHost(id.value(), host).orElseThrow(() -> cannot);
        });
    }

    /** The aggregate, its row locked until the transaction ends. */
    private Aggregate locked(AggregateId id) {
        if (!store.lock(id.value())) {
            throw notFound(id);
        }
        return find(id);
    }

    private static NotFoundException notFound(AggregateId id) {
        return new NotFoundException("Aggregate " + id.asGiven() + " could not be found.");
    }
}
