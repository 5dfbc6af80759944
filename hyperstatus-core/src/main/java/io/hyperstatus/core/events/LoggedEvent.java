package io.hyperstatus.core.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as read back from the log: its id (the cursor: ids are gap-free and in commit order), when it happened
 * and when it was written (both by the database clock), what it records, and, for an event about a service, the
 * service's heartbeats when it was written (null for a zone's).
 */
public record LoggedEvent(long id, Instant time, Instant recordedAt, EventRecord record, Heartbeats heartbeats) {
    public LoggedEvent {
        if (id <= 0) {
            throw new IllegalArgumentException("event ids start at 1: " + id);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(record, "record");
        if ((record.subject() == null) != (heartbeats == null)) {
            throw new IllegalArgumentException("heartbeats go with an event about a service, and only with one");
        }
    }

    public EventKind kind() {
        return record.kind();
    }
}
