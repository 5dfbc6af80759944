package io.hyperstatus.core.services;

import io.hyperstatus.core.HostHasInstancesException;
import io.hyperstatus.core.InvalidRequestException;
import io.hyperstatus.core.ServiceAlreadyRegisteredException;
import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventSink;
import io.hyperstatus.core.events.ServiceEvent;
import io.hyperstatus.core.port.AgentStore;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.core.port.ServiceStore;
import io.hyperstatus.core.port.Transactions;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.domain.ServiceWithState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every change of a service passes here: registration by an agent, enable, disable, a new disabled reason, force
 * down or up, and delete. Each change runs in one transaction (see {@link Transactions}) that reads the service as
 * it is, writes, and publishes one event per thing that actually changed, with the actor who asked. A change that
 * would alter nothing writes nothing to the service and publishes one {@link EventKind#UNCHANGED} event; a refused
 * change publishes nothing.
 */
public final class ServiceAdministration {
    private final ServiceStore services;
    private final AgentStore agents;
    private final Transactions transactions;
    private final EventSink events;
    private final ServiceQueries queries;

    public ServiceAdministration(ServiceStore services, AgentStore agents, Transactions transactions,
                                 EventSink events, ServiceQueries queries) {
        this.services = Objects.requireNonNull(services, "services");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = Objects.requireNonNull(events, "events");
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    /**
     * Registers each service that is not registered yet (one CREATED event each); registering again changes
     * nothing. When another agent process registers the same service at the same moment, the schema keeps one row
     * and this answers with it as not created.
     */
    public List<Registration> register(List<ServiceKey> keys, Actor actor) {
        List<Registration> result = new ArrayList<>(keys.size());
        for (ServiceKey key : keys) {
            result.add(registerOne(key, actor));
        }
        return result;
    }

    private Registration registerOne(ServiceKey key, Actor actor) {
        Optional<Registration> existing = agents.registered(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            Service created = transactions.inTransaction(() -> {
                Service inserted = agents.insert(key);
                // A new service is alive from its creation, by the database clock that stamped it.
                events.publish(new ServiceEvent(EventKind.CREATED, null,
                        queries.withState(new RowAt<>(inserted, inserted.createdAt())), actor));
                return inserted;
            });
            return new Registration(key, created.id(), created.uuid(), true);
        } catch (ServiceAlreadyRegisteredException raced) {
            // Another agent process registered it meanwhile: no event here, the other registration made it.
            return agents.registered(key).orElseThrow(() -> raced);
        }
    }

    /**
     * Applies a change to a nova-compute service and answers the service as stored afterwards. Checked in Nova's
     * order: a binary named by the request, the service's existence, its binary, then the change itself.
     */
    public ServiceWithState change(ServiceRef ref, ServiceChange change, Actor actor) {
        if (ref instanceof ServiceRef.ByKey byKey) {
            requireCompute(byKey.key().binary());
        }
        return transactions.inTransaction(() -> {
            RowAt<Service> current = services.find(ref).orElseThrow(ref::notFound);
            requireCompute(current.row().binary());
            if (change.refusal().isPresent()) {
                throw new InvalidRequestException(change.refusal().get());
            }
            if (!change.changes(current.row())) {
                ServiceWithState as = queries.withState(current);
                events.publish(new ServiceEvent(EventKind.UNCHANGED, as, as, actor));
                return as;
            }
            RowAt<Service> saved = services.save(current.row().id(), change).orElseThrow(ref::notFound);
            List<ServiceWithState> sides = queries.withStates(List.of(current, saved));
            ServiceEvents.between(sides.get(0), sides.get(1), actor).forEach(events::publish);
            return sides.get(1);
        });
    }

    /**
     * Deletes a service (a nova-compute one with its compute nodes and aggregate memberships), refused while its
     * host still has instances.
     */
    public void delete(ServiceRef ref, Actor actor) {
        transactions.inTransaction(() -> {
            RowAt<Service> found = services.find(ref).orElseThrow(ref::notFound);
            Service service = found.row();
            if (service.isCompute() && services.hasInstances(service.host())) {
                throw new HostHasInstancesException();
            }
            if (!services.delete(service)) {
                throw ref.notFound();
            }
            events.publish(new ServiceEvent(EventKind.DELETED, queries.withState(found), null, actor));
            return null;
        });
    }

    private static void requireCompute(String binary) {
        if (!binary.equals(Service.COMPUTE_BINARY)) {
            throw new InvalidRequestException("Updating a " + binary
                    + " service is not supported. Only nova-compute services can be updated.");
        }
    }
}
