package io.hyperstatus.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as read back from the log: its id (the cursor: ids are gap-free and in commit order), when it happened
 * and when it was written (both by the database clock), and what it records.
 */
public record LoggedEvent(long id, Instant time, Instant recordedAt, EventRecord record) {
    public LoggedEvent {
        if (id <= 0) {
            throw new IllegalArgumentException("event ids start at 1: " + id);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(record, "record");
    }

    public EventKind kind() {
        return record.kind();
    }
}
