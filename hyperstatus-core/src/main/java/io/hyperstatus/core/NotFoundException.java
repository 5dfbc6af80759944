package io.hyperstatus.core;

/** What the request names is not there (or went away while the request ran). */
public non-sealed class NotFoundException extends ApplicationException {
    public NotFoundException(String message) {
        super(message, null);
    }
}
