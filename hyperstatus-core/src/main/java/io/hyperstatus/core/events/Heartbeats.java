package io.hyperstatus.core.events;

import java.time.Instant;

/**
 * A service's heartbeats as the log copied them from the service when it wrote one of its events: how many it had
 * sent (Nova's {@code report_count}) and when the last one came ({@code last}, null before the first). A
 * notification about the event carries them as they were then, however late it is sent.
 */
public record Heartbeats(long count, Instant last) {
    public static final Heartbeats NONE = new Heartbeats(0, null);

    public Heartbeats {
        if (count < 0) {
            throw new IllegalArgumentException("a heartbeat count is not negative: " + count);
        }
    }
}
