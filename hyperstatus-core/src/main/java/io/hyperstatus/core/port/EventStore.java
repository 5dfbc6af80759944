package io.hyperstatus.core.port;

import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.LoggedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The event log. {@link #append} joins the transaction open on the thread (see {@link Transactions}), so an event
 * is stored with the change it records or not at all, and takes the next id only once the transactions that took
 * earlier ids have ended: ids are gap-free and in commit order.
 */
public interface EventStore {
    /** Writes the event (stamped with the database clock) and answers its id. */
    long append(EventRecord event);

    /** A page of events, in the query's order. */
    List<LoggedEvent> find(EventQuery query);

    /** The service's last event that happened before {@code time}: what the service was when a window opened. */
    Optional<LoggedEvent> lastBefore(String serviceUuid, Instant time);

    /** The id of the newest event, 0 when there is none. */
    long lastId();

    /** Deletes up to {@code batchSize} of the oldest events recorded before {@code cutoff}; answers how many. */
    int prune(Instant cutoff, int batchSize);
}
