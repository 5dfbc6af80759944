package io.hyperstatus.config;

import java.util.List;

/**
 * The server's notifications, with oslo.messaging's and Nova's option names: {@code [DEFAULT] transport_url},
 * {@code [oslo_messaging_notifications]}, {@code [notifications]} and {@code [oslo_messaging_rabbit]}.
 */
final class NotificationDeclarations {
    static final Option<TransportUrl> TRANSPORT_URL = Option.of("DEFAULT", "transport_url",
            ValueTypes.transportUrl(), "rabbit://guest:guest@localhost:5672/", "the RabbitMQ that notifications are"
                    + " sent to; several comma-separated hosts are the nodes of one cluster, tried in turn");
    static final Option<String> DRIVER = Option.of("oslo_messaging_notifications", "driver",
            ValueTypes.oneOf(List.of("", NotificationOptions.MESSAGING_V2, NotificationOptions.MESSAGING,
                    NotificationOptions.LOG, NotificationOptions.NOOP)), "", "how notifications are sent:"
                    + " `messagingv2` (to RabbitMQ, in oslo's 2.0 envelope), `messaging` (to RabbitMQ, bare), `log`"
                    + " (to the server's log), `noop` or empty (not at all), see"
                    + " [docs/notifications.md](docs/notifications.md)");
    static final Option<List<String>> TOPICS = Option.of("oslo_messaging_notifications", "topics",
            ValueTypes.topics(), "notifications", "topics of the unversioned (legacy) notifications");
    static final Option<String> FORMAT = Option.of("notifications", "notification_format",
            ValueTypes.oneOf(List.of(NotificationOptions.VERSIONED, NotificationOptions.UNVERSIONED,
                    NotificationOptions.BOTH)), NotificationOptions.UNVERSIONED, "which notifications are sent:"
                    + " `versioned` (Nova's `service.*` and hyperstatus's own), `unversioned` (legacy: Nova has none"
                    + " for services, hyperstatus's liveness ones only) or `both`; Nova's default");
    static final Option<List<String>> VERSIONED_TOPICS = Option.of("notifications",
            "versioned_notifications_topics", ValueTypes.topics(), "versioned_notifications",
            "topics of the versioned notifications");
    static final Option<Boolean> LIVENESS_EVENTS = Option.of("notifications", "liveness_events", ValueTypes.bool(),
            "true", "whether services going down and coming up, and disrupted zones, are notified too"
                    + " (`hyperstatus.service.down`, `hyperstatus.service.up`, `hyperstatus.zone.disrupted`)");
    static final Option<Boolean> DURABLE_QUEUES = Option.of("oslo_messaging_rabbit", "amqp_durable_queues",
            ValueTypes.bool(), "false", "whether the exchange and the notification queues survive a RabbitMQ"
                    + " restart");
    static final Option<Boolean> QUORUM_QUEUE = Option.of("oslo_messaging_rabbit", "rabbit_quorum_queue",
            ValueTypes.bool(), "false", "whether the notification queues are quorum queues (replicated in a"
                    + " cluster; they are durable)");
    static final Option<Integer> HEARTBEAT_TIMEOUT = Option.of("oslo_messaging_rabbit",
            "heartbeat_timeout_threshold", ValueTypes.integer(0, 3600), "60", "seconds without a frame from"
                    + " RabbitMQ after which the connection is taken as dead (0: no heartbeats)");
    static final Option<Integer> RETRY_INTERVAL = Option.of("oslo_messaging_rabbit", "rabbit_retry_interval",
            ValueTypes.integer(1, 3600), "1", "seconds before the first retry after RabbitMQ could not be reached");
    static final Option<Integer> RETRY_BACKOFF = Option.of("oslo_messaging_rabbit", "rabbit_retry_backoff",
            ValueTypes.integer(0, 3600), "2", "seconds added to the wait at each further retry");
    static final Option<Integer> INTERVAL_MAX = Option.of("oslo_messaging_rabbit", "rabbit_interval_max",
            ValueTypes.integer(1, 3600), "30", "the longest wait between retries, in seconds");

    static final OptionGroup GROUP = new OptionGroup("notifications", List.of(TRANSPORT_URL, DRIVER, TOPICS,
            FORMAT, VERSIONED_TOPICS, LIVENESS_EVENTS, DURABLE_QUEUES, QUORUM_QUEUE, HEARTBEAT_TIMEOUT,
            RETRY_INTERVAL, RETRY_BACKOFF, INTERVAL_MAX));

    private NotificationDeclarations() {
    }
}
