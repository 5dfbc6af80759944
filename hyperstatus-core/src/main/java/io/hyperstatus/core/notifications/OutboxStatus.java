package io.hyperstatus.core.notifications;

import java.util.Objects;
import java.util.Optional;

/**
 * What the publisher reports of itself: whether this server holds the publishing lease, the place in the event log
 * (every event up to it confirmed; -1 before the first pass), the newest event it has seen, how many notices it
 * has sent and had confirmed, how many sends failed, and why the last one failed while failures go on.
 */
public record OutboxStatus(boolean publishing, long publishedThrough, long newestEvent, long confirmed,
                           long failedSends, Optional<String> failure) {
    public OutboxStatus {
        Objects.requireNonNull(failure, "failure");
    }

    /** Events written but not yet confirmed (0 when this server does not publish). */
    public long backlog() {
        return publishing && publishedThrough >= 0 ? Math.max(0, newestEvent - publishedThrough) : 0;
    }
}
