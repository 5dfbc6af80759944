package io.hyperstatus.core.notifications;

/** The channel could not send, or could not get a confirmation of, some notices; the message says why. */
public final class NotificationChannelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotificationChannelException(String message, Throwable cause) {
        super(message, cause);
    }

    public NotificationChannelException(String message) {
        super(message);
    }
}
