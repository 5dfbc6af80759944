package io.hyperstatus.core.port;

import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the liveness detector reads and claims: the lease that elects one detector among the API servers sharing
 * a database, the services whose heartbeat lapsed (or resumed) since the detector last recorded it, found as
 * ranges of an index rather than by reading every service, and the zones it has declared disrupted.
 *
 * <p>The claims are conditional updates: each succeeds only if the row is still as the detector read it, so two
 * detectors that overlap (a lease holder that paused past its lease, and its successor) record a transition once.
 * Calls made inside {@link Transactions#inTransaction} join that transaction, so a claim and its event commit
 * together or not at all.
 */
public interface LivenessStore {
    /**
     * Takes the lease for {@code holder} when it is free or expired, or renews it when {@code holder} has it, for
     * {@code length} by the database clock; answers whether {@code holder} has it now, with the database's time.
     */
    Lease acquire(String holder, Duration length);

    /** Gives the lease up, if {@code holder} has it, so another server takes it at its next pass. */
    void release(String holder);

    /**
     * Live services not yet recorded down that were last alive (by heartbeat, or by creation before the first)
     * before {@code aliveBefore}, oldest first, at most {@code limit}.
     */
    List<Service> lapsedSince(Instant aliveBefore, int limit);

    /** Live services recorded down that heartbeated at or after {@code heartbeatSince}, at most {@code limit}. */
    List<Service> heartbeatingAgain(Instant heartbeatSince, int limit);

    /**
     * Marks recorded down those of the services that are still live, not so marked, and have the heartbeat and
     * forced-down flag they were read with; answers them. A row another transaction holds locked (a heartbeat or
     * a change being written) is skipped rather than waited for: it is looked at again by the next pass.
     */
    List<Service> claimDown(List<Service> seen);

    /** As {@link #claimDown}: marks recorded up again those still live, marked down, with the same forced flag. */
    List<Service> claimUp(List<Service> seen);

    /** Host and binary of every live service: how many services each zone has. */
    List<ServiceKey> liveServices();

    /** Host and binary of the live services recorded down. */
    List<ServiceKey> recordedDown();

    /** How many services of the zone were recorded down by an event that happened after {@code since}. */
    int wentDownAfter(String zone, Instant since);

    /** The zones recorded disrupted whose disruption has not ended. */
    Set<String> disruptedZones();

    /** Marks the zone disrupted from {@code since}; false when it already is. */
    boolean claimDisruption(String zone, Instant since);

    /** Ends the zone's disruption: a later one is recorded again. */
    void endDisruption(String zone);

    /** The lease as a pass found it. */
    record Lease(boolean held, Instant databaseNow) {
        public Lease {
            java.util.Objects.requireNonNull(databaseNow, "databaseNow");
        }
    }
}
