package io.hyperstatus.core;

/** The caller may not do this to what it names (an agent reporting for a host it is not bound to). */
public non-sealed class ForbiddenException extends ApplicationException {
    public ForbiddenException(String message) {
        super(message, null);
    }
}
