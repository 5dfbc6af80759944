package io.hyperstatus.storage;

/** The row to change was not there (or was deleted meanwhile). */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
