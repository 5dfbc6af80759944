package io.hyperstatus.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HypervisorStatisticsTest {
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);

    @Test
    void aSumA64BitIntegerHoldsIsGivenAsItIs() {
        assertThat(HypervisorStatistics.saturated(BigInteger.ZERO)).isZero();
        assertThat(HypervisorStatistics.saturated(MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(HypervisorStatistics.saturated(MIN)).isEqualTo(Long.MIN_VALUE);
        assertThat(HypervisorStatistics.saturated(BigInteger.valueOf(-42))).isEqualTo(-42);
    }

    @Test
    void aSumBeyond64BitsIsGivenAsTheNearestBound() {
        assertThat(HypervisorStatistics.saturated(MAX.add(BigInteger.ONE))).isEqualTo(Long.MAX_VALUE);
        assertThat(HypervisorStatistics.saturated(MAX.multiply(MAX))).isEqualTo(Long.MAX_VALUE);
        assertThat(HypervisorStatistics.saturated(MIN.subtract(BigInteger.ONE))).isEqualTo(Long.MIN_VALUE);
    }
}
