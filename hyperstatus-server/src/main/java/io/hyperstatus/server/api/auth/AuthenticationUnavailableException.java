package io.hyperstatus.server.api.auth;

/**
 * The request's token could not be checked because the identity service is unavailable: the API answers 503,
 * not 401, since the token may well be valid and the client should retry rather than re-authenticate.
 */
public final class AuthenticationUnavailableException extends RuntimeException {
    public AuthenticationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
