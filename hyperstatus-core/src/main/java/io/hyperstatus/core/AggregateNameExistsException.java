package io.hyperstatus.core;

/** Another live aggregate already has the name. */
public final class AggregateNameExistsException extends ConflictException {
    public AggregateNameExistsException(String name) {
        super("Aggregate " + name + " already exists.");
    }
}
