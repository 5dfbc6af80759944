package io.hyperstatus.notifications;

import io.hyperstatus.config.NotificationOptions;
import io.hyperstatus.core.notifications.NotificationChannel;
import java.util.Optional;

/** The channel the configuration asks for: none when notifications are off (then nothing connects anywhere). */
public final class NotificationChannels {
    private NotificationChannels() {
    }

    /** {@code serverHost}: this API server's host, the publisher of notices about no one service. */
    public static Optional<NotificationChannel> of(NotificationOptions options, String serverHost) {
        if (!options.enabled()) {
            return Optional.empty();
        }
        NotificationMessages messages = new NotificationMessages(options, serverHost);
        return Optional.of(options.toRabbit() ? new RabbitNotificationChannel(options, messages, serverHost)
                : new LogNotificationChannel(messages));
    }
}
