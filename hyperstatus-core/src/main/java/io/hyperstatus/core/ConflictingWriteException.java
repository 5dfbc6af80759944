package io.hyperstatus.core;

/** A write refused by a uniqueness rule of the schema; the transaction it was part of has been rolled back. */
public final class ConflictingWriteException extends ConflictException {
    public ConflictingWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
