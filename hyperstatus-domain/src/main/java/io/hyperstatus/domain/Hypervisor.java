package io.hyperstatus.domain;

import java.util.Objects;

/** A compute node joined with the nova-compute service of its host, and that service's liveness. */
public record Hypervisor(ComputeNode node, Service service, ServiceState state) {
    public Hypervisor {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(state, "state");
    }

    public ServiceStatus status() {
        return service.status();
    }
}
