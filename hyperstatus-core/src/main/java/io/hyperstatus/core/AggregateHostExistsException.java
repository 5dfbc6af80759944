package io.hyperstatus.core;

/** The host is already in the aggregate. */
public final class AggregateHostExistsException extends ConflictException {
    public AggregateHostExistsException(long aggregateId, String host) {
        super("Aggregate " + aggregateId + " already has host " + host + ".");
    }
}
