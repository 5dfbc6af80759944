package io.hyperstatus.domain;

import java.util.Objects;

/**
 * A hypervisor as its compute agent reported it. Integer resources that Nova allows to be null are boxed.
 * {@code cpuInfo} is the driver's raw text (usually JSON); {@code uptime} the host's last {@code uptime} line,
 * or null when the driver cannot tell.
 */
public record ComputeNode(
        long id,
        String uuid,
        String host,
        String hypervisorHostname,
        String hypervisorType,
        long hypervisorVersion,
        String hostIp,
        int vcpus,
        int vcpusUsed,
        long memoryMb,
        long memoryMbUsed,
        long localGb,
        long localGbUsed,
        Long freeRamMb,
        Long freeDiskGb,
        Integer currentWorkload,
        Integer runningVms,
        Long diskAvailableLeast,
        String cpuInfo,
        String uptime) {

    public ComputeNode {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hypervisorHostname, "hypervisorHostname");
        Objects.requireNonNull(hypervisorType, "hypervisorType");
    }
}
