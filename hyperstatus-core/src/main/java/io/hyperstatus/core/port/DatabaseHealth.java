package io.hyperstatus.core.port;

import java.util.Objects;

/** Whether the database answers, as last probed: cheap to ask, it never waits for a connection. */
@FunctionalInterface
public interface DatabaseHealth {
    Status status();

    /** The last probe's verdict; {@code detail} says why it failed (or "reachable"). */
    record Status(boolean reachable, String detail) {
        public Status {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
