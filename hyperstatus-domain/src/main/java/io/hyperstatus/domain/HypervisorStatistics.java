package io.hyperstatus.domain;

import java.math.BigInteger;

/**
 * Sums over the compute nodes of enabled compute services. Each sum is exact up to what a 64-bit integer holds; a
 * sum beyond that is given as the largest (or smallest) 64-bit integer instead ({@link #saturated}).
 */
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

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** An exact sum as the answer gives it: itself when a 64-bit integer holds it, else the nearest bound. */
    public static long saturated(BigInteger sum) {
        if (sum.compareTo(LONG_MAX) > 0) {
            return Long.MAX_VALUE;
        }
        if (sum.compareTo(LONG_MIN) < 0) {
            return Long.MIN_VALUE;
        }
        return sum.longValueExact();
    }
}
