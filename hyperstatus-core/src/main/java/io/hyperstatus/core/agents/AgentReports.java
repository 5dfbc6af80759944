package io.hyperstatus.core.agents;

import io.hyperstatus.core.ConflictException;
import io.hyperstatus.core.ForbiddenException;
import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.port.AgentStore;
import io.hyperstatus.core.port.Transactions;
import io.hyperstatus.core.services.Registration;
import io.hyperstatus.core.services.ServiceAdministration;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * What compute agents send: registrations (changes of services, made by ServiceAdministration), heartbeats and
 * compute nodes (neither a change of a service's administration, so neither gives an event). Every call is made
 * for the hosts the caller's credential is bound to ({@link AgentHosts}); a call naming any other host is refused
 * whole, before anything is written, as Kubernetes' node authorizer refuses a kubelet writing another node.
 * Heartbeats and node reports run through {@link Transactions}, as every other write does, so that one the
 * database rolled back for a conflict (a Galera write-set that lost to another node's) is run again.
 */
public final class AgentReports {
    private final LongAdder acceptedHeartbeats = new LongAdder();
    private final AgentStore store;
    private final ServiceAdministration services;
    private final Transactions transactions;

    public AgentReports(AgentStore store, ServiceAdministration services, Transactions transactions) {
        this.store = Objects.requireNonNull(store, "store");
        this.services = Objects.requireNonNull(services, "services");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Registers the services (see {@link ServiceAdministration#register}) once every host is the caller's. */
    public List<Registration> register(AgentHosts caller, List<ServiceKey> keys, Actor actor) {
        requireHosts(caller, keys, ServiceKey::host);
        return services.register(keys, actor);
    }

    /** Records heartbeats; answers the services that must register again. */
    public List<ServiceKey> heartbeat(AgentHosts caller, List<ServiceKey> keys) {
        requireHosts(caller, keys, ServiceKey::host);
        List<ServiceKey> unknown = transactions.inTransaction(() -> store.heartbeat(keys));
        acceptedHeartbeats.add(keys.size() - unknown.size());
        return unknown;
    }

    /** Heartbeats recorded since this server started (one per service and beat). */
    public long acceptedHeartbeats() {
        return acceptedHeartbeats.sum();
    }

    /**
     * Creates or updates the nodes and replaces their instance lists; answers each node's UUID. A node keeps the
     * host it was first reported under: the store refuses a report of its UUID under another host with
     * {@link #nodeOfAnotherHost}.
     */
    public List<String> report(AgentHosts caller, List<NodeReport> reports) {
        requireHosts(caller, reports, NodeReport::host);
        return transactions.inTransaction(() -> store.report(reports));
    }

    /**
     * The refusal of a node report whose UUID is stored under another host. Nova likewise refuses to start a
     * compute service whose node's host changed: a node moving would take it, and its instances, from the host it
     * belongs to.
     */
    public static ConflictException nodeOfAnotherHost(String uuid, String storedHost, String reportedHost) {
        return new ConflictException("Compute node " + uuid + " belongs to host " + storedHost
                + "; it cannot be reported for host " + reportedHost + ".");
    }

    private static <T> void requireHosts(AgentHosts caller, List<T> items, Function<T, String> host) {
        for (T item : items) {
            String name = host.apply(item);
            if (!caller.allows(name)) {
                throw new ForbiddenException(caller.isAgent()
                        ? "Agent " + caller.agent() + " may not report for host " + name + "."
                        : "This credential is not bound to any host, so it may not report for host " + name + ".");
            }
        }
    }
}
