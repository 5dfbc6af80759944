package io.hyperstatus.storage;

/** The host is already in the aggregate. */
public final class AggregateHostExistsException extends RuntimeException {
    public AggregateHostExistsException(long aggregateId, String host) {
        super("Aggregate " + aggregateId + " already has host " + host + ".");
    }
}
