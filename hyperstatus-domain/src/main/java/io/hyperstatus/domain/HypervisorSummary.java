package io.hyperstatus.domain;

import java.util.Objects;

/**
 * What a hypervisor list shows of each hypervisor: its ids, names, and its service's status and state. Read on its
 * own so that listing many hypervisors does not read their resources.
 */
public record HypervisorSummary(long id, String uuid, String host, String hypervisorHostname, ServiceStatus status,
                                ServiceState state) {
    public HypervisorSummary {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hypervisorHostname, "hypervisorHostname");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
    }
}
