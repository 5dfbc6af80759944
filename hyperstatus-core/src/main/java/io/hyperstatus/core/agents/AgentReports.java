package io.hyperstatus.core.agents;

import io.hyperstatus.core.port.AgentStore;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import java.util.List;
import java.util.Objects;

/**
 * What compute agents report besides registrations (which are changes of services, see ServiceAdministration):
 * heartbeats and compute nodes. Neither is a change of a service's administration, so neither gives an event.
 */
public final class AgentReports {
    private final AgentStore store;

    public AgentReports(AgentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Records heartbeats; answers the services that must register again. */
    public List<ServiceKey> heartbeat(List<ServiceKey> keys) {
        return store.heartbeat(keys);
    }

    /** Creates or updates the nodes and replaces their instance lists; answers each node's UUID. */
    public List<String> report(List<NodeReport> reports) {
        return store.report(reports);
    }
}
