package io.hyperstatus.core.liveness;

import java.time.Duration;
import java.util.Objects;

/**
 * How the liveness detector judges a zone and keeps the log: a zone of three or more services is disrupted when
 * more than {@code massDownThreshold} of them go down within one service_down_time; events recorded longer than
 * {@code retention} ago are pruned.
 */
public record DetectorOptions(double massDownThreshold, Duration retention) {
    /** The smallest zone the rule judges: in a smaller one, two hosts failing apart would look like a partition. */
    public static final int SMALLEST_ZONE = 3;

    public DetectorOptions {
        Objects.requireNonNull(retention, "retention");
        if (!(massDownThreshold > 0 && massDownThreshold <= 1)) {
            throw new IllegalArgumentException("massDownThreshold must be in (0, 1]: " + massDownThreshold);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
    }

    /** Whether {@code down} of a zone's {@code services} being down is a disruption by this rule. */
    public boolean disrupts(int down, int services) {
        return services >= SMALLEST_ZONE && down > massDownThreshold * services;
    }
}
