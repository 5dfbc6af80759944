package io.hyperstatus.agent;

import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import java.util.Objects;

/** A host's nova-compute service and its node report; {@code heartbeats} is false for a simulated dead host. */
public record ReportedHost(NodeReport node, boolean heartbeats) {
    public ReportedHost {
        Objects.requireNonNull(node, "node");
    }

    public ServiceKey service() {
        return new ServiceKey(node.host(), "nova-compute");
    }
}
