package io.hyperstatus.protocol.agent;

import java.util.Objects;

/** One node of a compute-nodes answer: the UUID it is stored under (assigned by the server if it had none). */
public record ReportedNode(String host, String hypervisorHostname, String uuid) {
    public ReportedNode {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hypervisorHostname, "hypervisorHostname");
        Objects.requireNonNull(uuid, "uuid");
    }
}
