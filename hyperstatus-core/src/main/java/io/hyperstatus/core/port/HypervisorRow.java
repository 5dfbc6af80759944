package io.hyperstatus.core.port;

import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.Service;
import java.util.Objects;

/** A live compute node and the live nova-compute service it names, as stored: no liveness decided yet. */
public record HypervisorRow(ComputeNode node, Service service) {
    public HypervisorRow {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(service, "service");
    }
}
