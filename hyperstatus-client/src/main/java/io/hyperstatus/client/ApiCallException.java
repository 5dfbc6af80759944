package io.hyperstatus.client;

/** An API server answered with an error status; the message is the server's own. */
public final class ApiCallException extends RuntimeException {
    private final int status;

    public ApiCallException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
