package io.hyperstatus.core;

/** The request is well formed but conflicts with what is stored. */
public non-sealed class ConflictException extends ApplicationException {
    public ConflictException(String message) {
        super(message, null);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
