package io.hyperstatus.server.api.policy;

/** A check string or policy file that cannot be understood; the message says what and where. */
public final class PolicyParseException extends RuntimeException {
    public PolicyParseException(String message) {
        super(message);
    }

    public PolicyParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
