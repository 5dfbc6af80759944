package io.hyperstatus.core;

/**
 * A request the application layer refuses, in kinds the API answers differently (not found, conflict, invalid,
 * forbidden, and the database being unavailable). The message is the one the API shows, word for word as Nova words
 * it, so the HTTP layer maps each kind to its status in one place and translates nothing.
 */
public abstract sealed class ApplicationException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidRequestException, ForbiddenException,
        StoreUnavailableException {
    ApplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
