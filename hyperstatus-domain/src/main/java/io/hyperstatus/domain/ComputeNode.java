package io.hyperstatus.domain;

import java.util.Objects;

/** A hypervisor as its compute agent last reported it, under the identity the server gave it. */
public record ComputeNode(long id, String uuid, String host, String hypervisorHostname, NodeResources resources) {
    public ComputeNode {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hypervisorHostname, "hypervisorHostname");
        Objects.requireNonNull(resources, "resources");
    }
}
