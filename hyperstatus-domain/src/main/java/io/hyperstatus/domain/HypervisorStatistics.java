package io.hyperstatus.domain;

/** Sums over the compute nodes of enabled compute services. */
public record HypervisorStatistics(
        long count,
        long vcpus,
        long memoryMb,
        long localGb,
        long vcpusUsed,
        long memoryMbUsed,
        long localGbUsed,
        long freeRamMb,
        long freeDiskGb,
        long currentWorkload,
        long runningVms,
        long diskAvailableLeast) {
}
