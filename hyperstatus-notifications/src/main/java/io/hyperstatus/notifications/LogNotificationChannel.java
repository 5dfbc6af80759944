package io.hyperstatus.notifications;

import io.hyperstatus.core.notifications.Notice;
import io.hyperstatus.core.notifications.NotificationChannel;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** oslo's {@code log} driver: each message is one line of the server's log, under {@code hyperstatus.notifications}. */
final class LogNotificationChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.notifications");

    private final NotificationMessages messages;

    LogNotificationChannel(NotificationMessages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @Override
    public void send(List<Notice> notices) {
        for (Notice notice : notices) {
            for (OutgoingMessage message : messages.of(notice)) {
                LOG.info("{} {}", message.routingKey(), message.body());
            }
        }
    }

    @Override
    public String describe() {
        return "the log (driver log)";
    }

    @Override
    public void close() {
    }
}
