package io.hyperstatus.core;

/** A compute service cannot be deleted while its host still runs instances. */
public final class HostHasInstancesException extends ConflictException {
    public HostHasInstancesException() {
        super("Unable to delete compute service that is hosting instances. Migrate or delete the instances first.");
    }
}
