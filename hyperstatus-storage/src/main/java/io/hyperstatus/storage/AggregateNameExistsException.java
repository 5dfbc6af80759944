package io.hyperstatus.storage;

/** Another live aggregate already has the name. */
public final class AggregateNameExistsException extends RuntimeException {
    public AggregateNameExistsException(String name) {
        super("Aggregate " + name + " already exists.");
    }
}
