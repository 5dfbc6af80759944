package io.hyperstatus.domain;

import java.util.Objects;

/**
 * What a compute node's driver reports about its hypervisor, as Nova's drivers give it, shared by the report an
 * agent sends and the node the server stores: the hypervisor, the host's address, the resource counters (integer
 * ones that Nova allows to be null are boxed), {@code cpuInfo} as the driver's raw text (usually JSON) and
 * {@code uptime}, the host's last {@code uptime} line, or null when the driver cannot tell.
 */
public record NodeResources(
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

    public NodeResources {
        Objects.requireNonNull(hypervisorType, "hypervisorType");
    }

    public NodeResources withUptime(String newUptime) {
        return new NodeResources(hypervisorType, hypervisorVersion, hostIp, vcpus, vcpusUsed, memoryMb, memoryMbUsed,
                localGb, localGbUsed, freeRamMb, freeDiskGb, currentWorkload, runningVms, diskAvailableLeast, cpuInfo,
                newUptime);
    }
}
