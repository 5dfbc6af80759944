package io.hyperstatus.core;

/**
 * A request the application layer refuses, in four kinds the API answers differently (not found, conflict,
 * invalid, forbidden). The message is the one the API shows, word for word as Nova words it, so the HTTP layer maps each
 * kind to its status in one place and translates nothing.
 */
public abstract sealed class ApplicationException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidRequestException, ForbiddenException {
    ApplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
