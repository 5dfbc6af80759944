package io.hyperstatus.core.port;

import io.hyperstatus.core.ConflictingWriteException;
import io.hyperstatus.core.ServiceAlreadyRegisteredException;
import io.hyperstatus.core.services.Registration;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import java.util.List;
import java.util.Optional;

/** The writes compute agents make: register services, report compute nodes and instances, heartbeat. */
public interface AgentStore {
    /** The live service of this host and binary, as its identifiers (not created now). */
    Optional<Registration> registered(ServiceKey key);

    /**
     * Inserts the service, hands it the compute nodes already reported for its host when it is nova-compute, and
     * returns the row as stored.
     *
     * @throws ServiceAlreadyRegisteredException when another writer registered the same service first: the schema
     *     keeps one live row per host and binary
     */
    Service insert(ServiceKey key);

    /**
     * Records heartbeats; returns the given services that are not registered (deleted by an operator, say), so
     * their agent can register again. A heartbeat is the one write that leaves a row's version alone.
     */
    List<ServiceKey> heartbeat(List<ServiceKey> keys);

    /**
     * Creates or updates compute nodes and replaces the instance list of each; returns each node's UUID.
     *
     * @throws ConflictingWriteException when a node's UUID, or its host with its hypervisor hostname, belongs to
     *     another stored node
     * @throws io.hyperstatus.core.ConflictException (as {@code AgentReports.nodeOfAnotherHost} makes it) when a
     *     report's UUID is a stored node of another host, deleted or not; nothing of the call is then written
     */
    List<String> report(List<NodeReport> reports);
}
