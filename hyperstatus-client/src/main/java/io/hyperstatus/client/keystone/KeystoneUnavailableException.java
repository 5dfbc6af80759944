package io.hyperstatus.client.keystone;

/**
 * No token could be obtained or validated: Keystone cannot be reached, timed out, answered 5xx, or refused the
 * service user. Whoever depends on Keystone is unavailable until it is back; nothing here is the caller's fault.
 */
public final class KeystoneUnavailableException extends RuntimeException {
    public KeystoneUnavailableException(String message) {
        super(message);
    }

    public KeystoneUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
