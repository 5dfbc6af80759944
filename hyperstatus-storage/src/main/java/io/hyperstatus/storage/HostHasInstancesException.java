package io.hyperstatus.storage;

/** A compute service cannot be deleted while its host still runs instances. */
public final class HostHasInstancesException extends RuntimeException {
    public HostHasInstancesException(String host) {
        super("host " + host + " still has instances");
    }
}
