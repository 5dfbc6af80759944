package io.hyperstatus.agent;

import java.time.Duration;

/**
 * How long the agent's ticks (heartbeats plus changed reports) take, to show whether it keeps up with its
 * {@code report_interval}: a tick longer than the interval means heartbeats go out late.
 */
final class TickStatistics {
    private long ticks;
    private long lastNanos;
    private long slowestNanos;
    private long late;

    synchronized void record(long nanos, Duration interval) {
        ticks++;
        lastNanos = nanos;
        slowestNanos = Math.max(slowestNanos, nanos);
        if (nanos > interval.toNanos()) {
            late++;
        }
    }

    /** One line for the log, then counting starts over. */
    synchronized String summarizeAndReset() {
        String summary = String.format("ticks since last report: %d, last %.1f ms, slowest %.1f ms, longer than the"
                + " report interval: %d", ticks, lastNanos / 1e6, slowestNanos / 1e6, late);
        ticks = 0;
        slowestNanos = 0;
        late = 0;
        return summary;
    }
}
