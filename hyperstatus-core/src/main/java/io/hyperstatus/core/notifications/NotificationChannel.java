package io.hyperstatus.core.notifications;

/**
 * Where notices go: the message broker (or the log). A channel renders each notice in the configured wire format
 * and sends it.
 */
public interface NotificationChannel extends AutoCloseable {
    /**
     * Sends the notices in order and returns once the broker has confirmed each one. Throws
     * {@link NotificationChannelException} when it cannot: the notices are then sent again, all of them, so a
     * consumer may see one twice, with the same message id.
     */
    void send(java.util.List<Notice> notices);

    /** Where the channel sends, for the log: its driver and broker, never a password. */
    String describe();

    /** Drops the connection, if any (the next send opens one again). */
    @Override
    void close();
}
