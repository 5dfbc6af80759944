package io.hyperstatus.core;

/** The change asked for is not allowed as asked (a rule of the domain, not of the request's syntax). */
public non-sealed class InvalidRequestException extends ApplicationException {
    public InvalidRequestException(String message) {
        super(message, null);
    }
}
