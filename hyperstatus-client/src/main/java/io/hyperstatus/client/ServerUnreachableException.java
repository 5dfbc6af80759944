package io.hyperstatus.client;

/** No API server answered (connection refused, timed out, or the network failed). */
public final class ServerUnreachableException extends RuntimeException {
    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
