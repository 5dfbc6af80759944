package io.hyperstatus.protocol.agent;

import java.util.List;

/** The answer to {@code POST /agent/v1/compute-nodes}: each node's UUID, in request order. */
public record ComputeNodesResponse(List<ReportedNode> computeNodes) {
    public ComputeNodesResponse {
        computeNodes = List.copyOf(computeNodes);
    }
}
