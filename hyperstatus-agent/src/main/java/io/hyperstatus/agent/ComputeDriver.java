package io.hyperstatus.agent;

import io.hyperstatus.domain.ServiceKey;
import java.util.List;

/**
 * Where an agent's facts come from: the hosts it speaks for (one for a real hypervisor, thousands for a
 * simulation) and their current resources and instances. Chosen by {@code [DEFAULT] compute_driver}.
 */
public interface ComputeDriver extends AutoCloseable {
    /** The current report of every host, in registration order. Node UUIDs may be null (the agent keeps them). */
    List<ReportedHost> hosts();

    /** Services of other binaries (a scheduler, a conductor) that register and heartbeat without a node. */
    default List<ServiceKey> otherServices() {
        return List.of();
    }

    @Override
    default void close() {
    }
}
