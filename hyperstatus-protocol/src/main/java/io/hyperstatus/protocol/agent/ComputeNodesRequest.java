package io.hyperstatus.protocol.agent;

import java.util.List;

/** {@code POST /agent/v1/compute-nodes}: {@code {"compute_nodes": [...]}}. */
public record ComputeNodesRequest(List<ComputeNodeReport> computeNodes) {
    public ComputeNodesRequest {
        computeNodes = List.copyOf(computeNodes);
    }
}
