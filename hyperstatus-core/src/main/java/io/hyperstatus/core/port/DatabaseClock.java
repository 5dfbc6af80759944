package io.hyperstatus.core.port;

import java.time.Instant;

/** The database's current time: every time the API shows or decides by comes from it. */
@FunctionalInterface
public interface DatabaseClock {
    Instant now();
}
