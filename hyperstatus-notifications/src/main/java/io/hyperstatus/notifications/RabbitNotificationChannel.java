package io.hyperstatus.notifications;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.hyperstatus.config.NotificationOptions;
import io.hyperstatus.config.TransportUrl;
import io.hyperstatus.core.notifications.Notice;
import io.hyperstatus.core.notifications.NotificationChannel;
import io.hyperstatus.core.notifications.NotificationChannelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notices to RabbitMQ as oslo.messaging's RabbitMQ driver does: to the topic exchange {@code nova}, with the
 * routing key {@code <topic>.<priority>}, after declaring the queue of that name and binding it to the exchange, so
 * that nothing sent is lost before a consumer exists. Messages are persistent JSON, and each batch waits for the
 * broker's publisher confirms. The nodes of {@code transport_url} are tried in turn, each with its credentials; a
 * failed connection is dropped, and the next send connects again, to the next node first. Every wait on a broker
 * is bounded, also on one that stops answering without closing its connections (a frozen or partitioned node).
 */
final class RabbitNotificationChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitNotificationChannel.class);
    static final String EXCHANGE = "nova";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a batch's confirms, and any other answer of the broker (a declare), are waited for. */
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    /** How long a connection given up is waited on to close: no longer, a broker that does not answer never will. */
    private static final Duration ABORT_TIMEOUT = Duration.ofSeconds(1);
    private static final AMQP.BasicProperties PROPERTIES = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").headers(Map.of()).deliveryMode(2).priority(0)
            .build();

    private final NotificationOptions options;
    private final NotificationMessages messages;
    private final String connectionName;
    private Connection connection;
    private Channel channel;
    private final Set<String> declaredQueues = new HashSet<>();
    private int nextBroker;

    RabbitNotificationChannel(NotificationOptions options, NotificationMessages messages, String serverHost) {
        this.options = Objects.requireNonNull(options, "options");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.connectionName = "hyperstatus-notifications:" + serverHost;
    }

    @Override
    public synchronized void send(List<Notice> notices) {
        List<OutgoingMessage> outgoing = new ArrayList<>();
        for (Notice notice : notices) {
            outgoing.addAll(messages.of(notice));
        }
        if (outgoing.isEmpty()) {
            return;
        }
        try {
            Channel open = open();
            for (OutgoingMessage message : outgoing) {
                declare(open, message.routingKey());
                open.basicPublish(EXCHANGE, message.routingKey(), false, PROPERTIES,
                        message.body().getBytes(StandardCharsets.UTF_8));
            }
            // Not waitForConfirmsOrDie: after its timeout it closes the channel and waits for the broker's answer
            // to that, without a bound of its own, however long a broker that stopped answering takes.
            if (!open.waitForConfirms(CONFIRM_TIMEOUT.toMillis())) {
                throw new IOException("the broker refused (nacked) some of them");
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            // The next connection tries the next node first: this one may be going away (or none answered).
            nextBroker = (nextBroker + 1) % options.transportUrl().brokers().size();
            close();
            throw new NotificationChannelException("RabbitMQ did not confirm " + outgoing.size() + " messages: "
                    + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new NotificationChannelException("interrupted while waiting for RabbitMQ's confirms", e);
        }
    }

    /** The queue oslo.messaging declares for a routing key, bound to the exchange by that key; once a connection. */
    private void declare(Channel open, String queue) throws IOException {
        if (declaredQueues.add(queue)) {
            Map<String, Object> arguments = options.quorumQueues() ? Map.of("x-queue-type", "quorum") : null;
            open.queueDeclare(queue, options.durableQueues() || options.quorumQueues(), false, false, arguments);
            open.queueBind(queue, EXCHANGE, queue);
        }
    }

    private Channel open() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        close();
        List<TransportUrl.Broker> brokers = options.transportUrl().brokers();
        IOException last = null;
        for (int i = 0; i < brokers.size(); i++) {
            TransportUrl.Broker broker = brokers.get((nextBroker + i) % brokers.size());
            try {
                connection = factory(broker).newConnection(connectionName);
                channel = connection.createChannel();
                channel.confirmSelect();
                channel.exchangeDeclare(EXCHANGE, "topic", options.durableQueues() || options.quorumQueues(), false, null);
                LOG.info("Connected to RabbitMQ at {}", broker.address());
                nextBroker = (nextBroker + i) % brokers.size();
                return channel;
            } catch (IOException | TimeoutException | RuntimeException e) {
                close();
                last = new IOException(broker.address() + ": " + describe(e), e);
            }
        }
        // send moves nextBroker on: the next connection starts with the node after the one that failed first.
        throw Objects.requireNonNull(last);
    }

    private ConnectionFactory factory(TransportUrl.Broker broker) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.user());
        factory.setPassword(broker.password());
        factory.setVirtualHost(options.transportUrl().virtualHost());
        factory.setRequestedHeartbeat((int) options.heartbeatTimeout().toSeconds());
        factory.setConnectionTimeout((int) CONNECT_TIMEOUT.toMillis());
        factory.setHandshakeTimeout((int) CONNECT_TIMEOUT.toMillis());
        // The client's own bound on a declare's or a close's answer is 10 minutes.
        factory.setChannelRpcTimeout((int) CONFIRM_TIMEOUT.toMillis());
        // The outbox retries from its place in the event log: the client's own recovery would only duplicate that.
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        return factory;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    @Override
    public String describe() {
        return options.transportUrl().redacted() + " (driver " + options.driver() + ", " + options.format()
                + " notifications)";
    }

    @Override
    public synchronized void close() {
        declaredQueues.clear();
        Connection closing = connection;
        connection = null;
        channel = null;
        if (closing != null) {
            try {
                closing.abort((int) ABORT_TIMEOUT.toMillis());
            } catch (RuntimeException e) {
                LOG.debug("Closing the RabbitMQ connection failed", e);
            }
        }
    }
}
