package io.hyperstatus.core.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The notification publisher's place in the event log (every event up to it confirmed by the message broker) and
 * the lease that lets one API server publish at a time. The place moves only under the lease, so a publisher that
 * lost it (paused past its lease, say) cannot move its successor's place; at worst both send some events, which
 * consumers recognise by their unchanged message ids.
 */
public interface OutboxStore {
    /**
     * Takes the lease for {@code holder} when it is free or expired, or renews it when {@code holder} has it, for
     * {@code length} by the database clock; answers whether {@code holder} has it now, and the place.
     */
    Claim acquire(String holder, Duration length);

    /** Gives the lease up, if {@code holder} has it, so another server takes it at its next pass. */
    void release(String holder);

    /**
     * Sets the place to {@code at} when there is none yet (the first start with notifications on) and
     * {@code holder} has the lease; answers the place as it is then.
     */
    OptionalLong begin(String holder, long at);

    /**
     * Moves the place forward to {@code through}, and renews the lease for {@code length}, if {@code holder} still
     * has an unexpired lease; answers whether it did.
     */
    boolean advance(String holder, long through, Duration length);

    /** The place, empty before a publisher first started. */
    OptionalLong publishedThrough();

    /** The lease as a pass found it, with the place. */
    record Claim(boolean held, OptionalLong publishedThrough, Instant databaseNow) {
        public Claim {
            Objects.requireNonNull(publishedThrough, "publishedThrough");
            Objects.requireNonNull(databaseNow, "databaseNow");
        }
    }
}
