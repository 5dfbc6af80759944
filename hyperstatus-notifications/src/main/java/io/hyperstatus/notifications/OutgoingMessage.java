package io.hyperstatus.notifications;

import java.util.Objects;

/**
 * One message as it goes to the broker: the topic (the queue and routing key are {@code <topic>.<priority>}), the
 * body, and its message id (for the log: the same on every retry).
 */
record OutgoingMessage(String topic, String priority, String body, String messageId) {
    OutgoingMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(messageId, "messageId");
    }

    /** oslo.messaging's routing key, and the name of the queue it declares for the topic. */
    String routingKey() {
        return topic + "." + priority.toLowerCase(java.util.Locale.ROOT);
    }
}
