package io.hyperstatus.core.notifications;

import java.time.Duration;
import java.util.Objects;

/**
 * How the publisher runs: it looks at the event log every {@code passInterval},
 * holds its lease for {@code leaseLength} and renews it every {@code renewInterval}, and sends at most
 * {@code batchSize} notices before it waits for their confirmations. After a failed send it waits
 * {@code retryInterval}, and {@code retryBackoff} more after each further failure, at most
 * {@code retryIntervalMax} (but never less than the first wait), as oslo.messaging's RabbitMQ driver does between
 * reconnections.
 */
public record OutboxOptions(Duration passInterval, Duration leaseLength, Duration renewInterval, int batchSize,
                            Duration retryInterval, Duration retryBackoff, Duration retryIntervalMax) {
    public OutboxOptions {
        Objects.requireNonNull(passInterval, "passInterval");
        Objects.requireNonNull(leaseLength, "leaseLength");
        Objects.requireNonNull(renewInterval, "renewInterval");
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(retryIntervalMax, "retryIntervalMax");
        if (passInterval.isZero() || passInterval.isNegative() || renewInterval.compareTo(leaseLength) >= 0
                || renewInterval.isNegative() || batchSize < 1 || retryInterval.isNegative()
                || retryBackoff.isNegative() || retryIntervalMax.isNegative()) {
            throw new IllegalArgumentException("inconsistent publisher options: pass " + passInterval + ", lease "
                    + leaseLength + ", renew " + renewInterval + ", batch " + batchSize + ", retry " + retryInterval
                    + " + " + retryBackoff + " up to " + retryIntervalMax);
        }
    }

    /** The usual pace, with the given retry waits. */
    public static OutboxOptions withRetries(Duration retryInterval, Duration retryBackoff, Duration retryIntervalMax) {
        return new OutboxOptions(Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofSeconds(1), 500,
                retryInterval, retryBackoff, retryIntervalMax);
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration retryAfter(long failures) {
        Duration wait = retryInterval.plus(retryBackoff.multipliedBy(Math.min(failures - 1, 10_000)));
        Duration longest = retryIntervalMax.compareTo(retryInterval) < 0 ? retryInterval : retryIntervalMax;
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
