package io.hyperstatus.core;

/**
 * The database could not be reached (or did not answer) within the configured time: the request was not carried
 * out, and may be tried again. Storage raises it for connection failures in each database's words, so that a
 * caller gets a prompt refusal instead of waiting out the connection pool.
 */
public final class StoreUnavailableException extends ApplicationException {
    /** The message the API answers with, whatever the database's own words were (they stay in the cause). */
    public static final String MESSAGE = "The database is unavailable. Please try again later.";

    public StoreUnavailableException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
