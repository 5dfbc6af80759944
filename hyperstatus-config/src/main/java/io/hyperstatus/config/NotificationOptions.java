package io.hyperstatus.config;

import java.time.Duration;
import java.util.List;

/**
 * The server's notification options (see {@link NotificationDeclarations}). {@code driver} is empty when
 * notifications are off; {@code format} is Nova's {@code notification_format}.
 */
public record NotificationOptions(String driver, TransportUrl transportUrl, List<String> topics, String format,
                                  List<String> versionedTopics, boolean livenessEvents, boolean durableQueues,
                                  boolean quorumQueues, Duration heartbeatTimeout, Duration retryInterval,
                                  Duration retryBackoff, Duration retryIntervalMax) {
    public static final String MESSAGING_V2 = "messagingv2";
    public static final String MESSAGING = "messaging";
    public static final String LOG = "log";
    public static final String NOOP = "noop";
    public static final String VERSIONED = "versioned";
    public static final String UNVERSIONED = "unversioned";
    public static final String BOTH = "both";

    public NotificationOptions {
        topics = List.copyOf(topics);
        versionedTopics = List.copyOf(versionedTopics);
        if (!List.of("", MESSAGING_V2, MESSAGING, LOG, NOOP).contains(driver)
                || !List.of(VERSIONED, UNVERSIONED, BOTH).contains(format)) {
            throw new IllegalArgumentException("driver " + driver + ", format " + format);
        }
    }

    /** Whether notifications are sent at all (not with no driver or {@code noop}). */
    public boolean enabled() {
        return !driver.isEmpty() && !driver.equals(NOOP);
    }

    /** Whether they go to RabbitMQ (else to the log). */
    public boolean toRabbit() {
        return driver.equals(MESSAGING_V2) || driver.equals(MESSAGING);
    }

    public boolean versioned() {
        return !format.equals(UNVERSIONED);
    }

    public boolean unversioned() {
        return !format.equals(VERSIONED);
    }

    static NotificationOptions from(IniOptions ini) {
        NotificationOptions options = new NotificationOptions(ini.value(NotificationDeclarations.DRIVER),
                ini.value(NotificationDeclarations.TRANSPORT_URL), ini.value(NotificationDeclarations.TOPICS),
                ini.value(NotificationDeclarations.FORMAT), ini.value(NotificationDeclarations.VERSIONED_TOPICS),
                ini.value(NotificationDeclarations.LIVENESS_EVENTS),
                ini.value(NotificationDeclarations.DURABLE_QUEUES), ini.value(NotificationDeclarations.QUORUM_QUEUE),
                Duration.ofSeconds(ini.value(NotificationDeclarations.HEARTBEAT_TIMEOUT)),
                Duration.ofSeconds(ini.value(NotificationDeclarations.RETRY_INTERVAL)),
                Duration.ofSeconds(ini.value(NotificationDeclarations.RETRY_BACKOFF)),
                Duration.ofSeconds(ini.value(NotificationDeclarations.INTERVAL_MAX)));
        if (options.enabled() && options.versioned() && options.versionedTopics().isEmpty()) {
            throw NotificationDeclarations.VERSIONED_TOPICS.invalidBecause("no topic is named, so versioned"
                    + " notifications would go nowhere");
        }
        if (options.enabled() && options.unversioned() && options.topics().isEmpty()) {
            throw NotificationDeclarations.TOPICS.invalidBecause("no topic is named, so unversioned notifications"
                    + " would go nowhere");
        }
        return options;
    }
}
