package io.hyperstatus.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.TcpProxy;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestingRabbit;
import io.hyperstatus.server.testing.TestingRabbit.Delivery;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With notifications on, every change of a service reaches RabbitMQ as Nova's versioned notification, and the
 * liveness detector's transitions as hyperstatus's own; published from the event log after each commit and
 * confirmed by the broker, so that a broker outage or a restart delays them and loses none. Against the real
 * RabbitMQ, each test in a virtual host of its own.
 */
class NotificationsSpec {
    private static final String QUEUE = "versioned_notifications.info";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestingRabbit rabbit;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void newVhost() {
        rabbit = TestingRabbit.newVhost();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        rabbit.close();
    }

    @Test
    void aRegistrationADisableWithReasonAnEnableAForceDownAndADeleteAreNovasFiveMessages() {
        TestServer server = started(rabbit.config("messagingv2"));
        server.seed(Host.named("compute-1"));
        String uuid = server.serviceUuid("compute-1", "nova-compute");

        update(server, uuid, "{\"status\": \"disabled\", \"disabled_reason\": \"rack 12 power\"}",
                "{\"status\": \"enabled\"}", "{\"forced_down\": true}");
        assertThat(server.delete("/v2.1/os-services/" + uuid, "2.53").status()).isEqualTo(204);

        List<Delivery> deliveries = rabbit.take(QUEUE, 5, WAIT);
        assertThat(deliveries).extracting(d -> d.message().get("event_type").asText()).containsExactly(
                "service.create", "service.update", "service.update", "service.update", "service.delete");
        assertThat(deliveries).allSatisfy(d -> {
            assertThat(d.contentType()).isEqualTo("application/json");
            assertThat(d.contentEncoding()).isEqualTo("utf-8");
            assertThat(d.deliveryMode()).isEqualTo(2);
            assertThat(d.message().get("publisher_id").asText()).isEqualTo("nova-compute:compute-1");
            assertThat(d.message().get("priority").asText()).isEqualTo("INFO");
            assertThat(d.message().get("timestamp").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
            assertThat(d.message().get("payload").get("nova_object.name").asText()).isEqualTo("ServiceStatusPayload");
            assertThat(d.message().get("payload").get("nova_object.version").asText()).isEqualTo("1.1");
        });
        JsonNode disabled = data(deliveries.get(1));
        assertThat(disabled.get("disabled").asBoolean()).isTrue();
        assertThat(disabled.get("disabled_reason").asText()).isEqualTo("rack 12 power");
        assertThat(disabled.get("uuid").asText()).isEqualTo(uuid);
        assertThat(disabled.get("report_count").asLong()).isEqualTo(1);
        assertThat(disabled.get("last_seen_up").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(disabled.get("availability_zone").isNull()).isTrue();
        assertThat(data(deliveries.get(2)).get("disabled_reason").isNull()).isTrue();
        assertThat(data(deliveries.get(3)).get("forced_down").asBoolean()).isTrue();
        assertThat(data(deliveries.get(0)).get("report_count").asLong()).isZero();
        assertThat(data(deliveries.get(0)).get("last_seen_up").isNull()).isTrue();
        assertThat(deliveries.get(1).message().get("_context_user_id").asText()).isEqualTo("admin");
        assertThat(deliveries.get(1).message().get("_context_roles").toString())
                .isEqualTo("[\"admin\",\"member\",\"reader\"]");
    }

    @Test
    void aChangeToWhatTheServiceAlreadyIsIsStillAnUpdateAndOneRequestChangingTwoThingsIsOne() {
        TestServer server = started(rabbit.config("messagingv2"));
        server.seed(Host.named("compute-1"));
        String uuid = server.serviceUuid("compute-1", "nova-compute");

        update(server, uuid, "{\"status\": \"enabled\"}", "{\"status\": \"disabled\", \"forced_down\": true}");

        List<Delivery> deliveries = rabbit.take(QUEUE, 3, WAIT);
        assertThat(deliveries).extracting(d -> d.message().get("event_type").asText())
                .containsExactly("service.create", "service.update", "service.update");
        assertThat(data(deliveries.get(2)).get("disabled").asBoolean()).isTrue();
        assertThat(data(deliveries.get(2)).get("forced_down").asBoolean()).isTrue();
        assertThat(rabbit.take(QUEUE, 1, Duration.ofMillis(600))).isEmpty();
    }

    @Test
    void aServiceWhoseHeartbeatsStopIsNotifiedDownAndUpAgainWhenTheyResume() {
        // The detector waits one service_down_time after it starts before it records anyone down: 3 s here.
        TestServer server = started(rabbit.config("messagingv2") + "[DEFAULT]\nservice_down_time = 3\n"
                + "report_interval = 1\n");
        server.seed(Host.named("compute-1"));
        rabbit.take(QUEUE, 1, WAIT);

        server.ageHeartbeat("compute-1", "nova-compute", 120);
        List<Delivery> down = rabbit.take(QUEUE, 1, WAIT);
        server.heartbeat("compute-1", "nova-compute");
        List<Delivery> up = rabbit.take(QUEUE, 1, WAIT);

        assertThat(down).singleElement().satisfies(d -> {
            assertThat(d.message().get("event_type").asText()).isEqualTo("hyperstatus.service.down");
            assertThat(d.message().get("payload").get("nova_object.namespace").asText()).isEqualTo("hyperstatus");
            assertThat(data(d).get("state").asText()).isEqualTo("down");
            assertThat(data(d).get("availability_zone").asText()).isEqualTo("nova");
            assertThat(d.message().get("_context_user").isNull()).isTrue();
        });
        assertThat(up).singleElement().satisfies(d -> {
            assertThat(d.message().get("event_type").asText()).isEqualTo("hyperstatus.service.up");
            assertThat(data(d).get("state").asText()).isEqualTo("up");
        });
    }

    @Test
    void whileRabbitmqIsUnreachableChangesAreKeptAndAllArriveInOrderOnceItIsBack() {
        TcpProxy proxy = TcpProxy.to(TestingRabbit.port());
        toClose.add(proxy);
        TestServer server = started("[DEFAULT]\ntransport_url = " + rabbit.transportUrl(proxy.port())
                + "\n[oslo_messaging_notifications]\ndriver = messagingv2\n[notifications]\n"
                + "notification_format = versioned\n[oslo_messaging_rabbit]\nrabbit_retry_interval = 1\n"
                + "rabbit_retry_backoff = 0\n");
        server.seed(Host.named("compute-1"));
        String uuid = server.serviceUuid("compute-1", "nova-compute");
        assertThat(rabbit.take(QUEUE, 1, WAIT)).hasSize(1);

        proxy.cut();
        for (int i = 0; i < 10; i++) {
            update(server, uuid, "{\"status\": \"disabled\", \"disabled_reason\": \"change " + i + "\"}");
        }
        assertThat(rabbit.take(QUEUE, 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(server.notificationStatus().orElseThrow().failure()).isPresent();
        proxy.restore();

        List<Delivery> deliveries = rabbit.take(QUEUE, 10, WAIT);
        assertThat(deliveries).extracting(d -> data(d).get("disabled_reason").asText())
                .containsExactly("change 0", "change 1", "change 2", "change 3", "change 4", "change 5", "change 6",
                        "change 7", "change 8", "change 9");
    }

    @Test
    void aNodeThatStopsAnsweringIsGivenUpWithinTheConfirmTimeoutAndTheNextNodeTakesTheMessages() {
        // Two nodes of one cluster, as far as the server can tell: the same broker through two relays.
        TcpProxy first = TcpProxy.to(TestingRabbit.port());
        TcpProxy second = TcpProxy.to(TestingRabbit.port());
        toClose.add(first);
        toClose.add(second);
        TestServer server = started("[DEFAULT]\ntransport_url = " + rabbit.clusterUrl(List.of(first.port(),
                second.port())) + "\n[oslo_messaging_notifications]\ndriver = messagingv2\n[notifications]\n"
                + "notification_format = versioned\n[oslo_messaging_rabbit]\nrabbit_retry_interval = 1\n"
                + "rabbit_retry_backoff = 0\n");
        server.seed(Host.named("compute-1"));
        String uuid = server.serviceUuid("compute-1", "nova-compute");
        assertThat(rabbit.take(QUEUE, 1, WAIT)).hasSize(1);
        assertThat(second.accepted()).isZero();

        // The first node hangs with the connection open: its confirms never come, nor its answer to a close, and
        // the connection's heartbeats would tell only after a minute or more.
        first.freeze();
        long began = System.nanoTime();
        update(server, uuid, "{\"status\": \"disabled\", \"disabled_reason\": \"while the first hangs\"}");

        // The confirm timeout (10 s), the connection given up (1 s), a retry (1 s) and a margin.
        assertThat(rabbit.take(QUEUE, 1, Duration.ofSeconds(30))).singleElement().satisfies(d ->
                assertThat(data(d).get("disabled_reason").asText()).isEqualTo("while the first hangs"));
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
        assertThat(second.accepted()).isPositive();
    }

    @Test
    void aServerStartedLaterPublishesWhatWasLoggedSinceTheLastConfirmedEvent() {
        TestServer first = TestServer.start(rabbit.config("messagingv2"));
        first.seed(Host.named("compute-1"));
        String uuid = first.serviceUuid("compute-1", "nova-compute");
        assertThat(rabbit.take(QUEUE, 1, WAIT)).hasSize(1);
        first.close();
        TestServer silent = TestServer.start(first.databaseUrl(), 0, "");
        update(silent, uuid, "{\"status\": \"disabled\", \"disabled_reason\": \"while none published\"}");
        silent.close();

        TestServer later = TestServer.start(first.databaseUrl(), 0, rabbit.config("messagingv2"));
        toClose.add(later);

        assertThat(rabbit.take(QUEUE, 1, WAIT)).singleElement()
                .satisfies(d -> assertThat(data(d).get("disabled_reason").asText()).isEqualTo("while none published"));
    }

    @Test
    void twoApiServersOnOneDatabasePublishEachEventOnce() {
        TestServer server = started(rabbit.config("messagingv2"));
        TestServer sibling = server.sibling(rabbit.config("messagingv2"));
        toClose.add(sibling);
        server.seed(Host.named("compute-1"));
        String uuid = server.serviceUuid("compute-1", "nova-compute");

        for (int i = 0; i < 10; i++) {
            update(i % 2 == 0 ? server : sibling, uuid, "{\"status\": \"disabled\", \"disabled_reason\": \"r" + i
                    + "\"}");
        }

        List<Delivery> deliveries = rabbit.take(QUEUE, 12, Duration.ofSeconds(8));
        assertThat(deliveries).hasSize(11);
        Set<String> ids = deliveries.stream().map(d -> d.message().get("message_id").asText())
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(11);
    }

    @Test
    void theMessagingDriverSendsTheMessageWithoutOslosEnvelope() {
        TestServer server = started(rabbit.config("messaging"));
        server.seed(Host.named("compute-1"));

        Delivery created = rabbit.take(QUEUE, 1, WAIT).get(0);

        assertThat(created.body()).startsWith("{\"message_id\": \"");
        assertThat(created.message().get("event_type").asText()).isEqualTo("service.create");
    }

    @Test
    void theExchangeAndQueueAreDeclaredAsOsloDeclaresThem() {
        TestServer server = started(rabbit.config("messagingv2"));
        server.seed(Host.named("compute-1"));
        assertThat(rabbit.take(QUEUE, 1, WAIT)).hasSize(1);

        JsonNode exchange = rabbit.exchange("nova");
        JsonNode queue = rabbit.queue(QUEUE);
        assertThat(exchange.get("type").asText()).isEqualTo("topic");
        assertThat(exchange.get("durable").asBoolean()).isFalse();
        assertThat(exchange.get("auto_delete").asBoolean()).isFalse();
        assertThat(queue.get("durable").asBoolean()).isFalse();
        assertThat(queue.get("auto_delete").asBoolean()).isFalse();
        assertThat(queue.get("type").asText()).isEqualTo("classic");
        assertThat(rabbit.bindingsOf("nova")).containsExactly(QUEUE + " " + QUEUE);
    }

    @Test
    void durableAndQuorumQueuesAreDeclaredSoWhenAskedFor() {
        TestServer durable = started(rabbit.config("messagingv2")
                + "[oslo_messaging_rabbit]\namqp_durable_queues = true\n");
        durable.seed(Host.named("compute-1"));
        assertThat(rabbit.take(QUEUE, 1, WAIT)).hasSize(1);
        assertThat(rabbit.exchange("nova").get("durable").asBoolean()).isTrue();
        assertThat(rabbit.queue(QUEUE).get("durable").asBoolean()).isTrue();

        try (TestingRabbit other = TestingRabbit.newVhost()) {
            TestServer quorum = started(other.config("messagingv2")
                    + "[oslo_messaging_rabbit]\nrabbit_quorum_queue = true\n");
            quorum.seed(Host.named("compute-2"));
            assertThat(other.take(QUEUE, 1, WAIT)).hasSize(1);
            assertThat(other.queue(QUEUE).get("type").asText()).isEqualTo("quorum");
            assertThat(other.queue(QUEUE).get("arguments").get("x-queue-type").asText()).isEqualTo("quorum");
            assertThat(other.exchange("nova").get("durable").asBoolean()).isTrue();
            quorum.close();
            toClose.remove(quorum);
        }
    }

    @Test
    void theLogDriverWritesEachMessageToTheServersLogAndConnectsNowhere() throws InterruptedException {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger notifications = (Logger) LoggerFactory.getLogger("hyperstatus.notifications");
        Level level = notifications.getLevel();
        notifications.setLevel(Level.INFO);
        log.start();
        notifications.addAppender(log);
        try {
            TestServer server = started("""
                    [oslo_messaging_notifications]
                    driver = log
                    [notifications]
                    notification_format = versioned
                    """);
            server.seed(Host.named("compute-1"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (log.list.isEmpty() && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }

            assertThat(log.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                    .startsWith("versioned_notifications.info {\"message_id\": \"")
                    .contains("\"event_type\": \"service.create\""));
        } finally {
            notifications.detachAppender(log);
            notifications.setLevel(level);
        }
    }

    @Test
    void withNotificationsOffOrNoopNothingConnectsToTheBroker() throws IOException {
        try (ServerSocket broker = new ServerSocket()) {
            broker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            broker.setSoTimeout(300);
            String url = "[DEFAULT]\ntransport_url = rabbit://guest:guest@127.0.0.1:" + broker.getLocalPort() + "/\n";
            for (String driver : List.of("", "noop")) {
                TestServer server = started(url + "[oslo_messaging_notifications]\ndriver = " + driver
                        + "\n[notifications]\nnotification_format = both\n");
                server.seed(Host.named("compute-1"));
                update(server, server.serviceUuid("compute-1", "nova-compute"), "{\"status\": \"disabled\"}");

                assertThat(server.notificationStatus()).isEmpty();
            }
            try {
                broker.accept().close();
                throw new AssertionError("a server connected to the broker with notifications off");
            } catch (SocketTimeoutException expected) {
                // Nobody knocked.
            }
        }
    }

    private TestServer started(String config) {
        TestServer server = TestServer.start(config);
        toClose.add(server);
        return server;
    }

    /** Each body in turn as an update of the service. */
    private static void update(TestServer server, String uuid, String... bodies) {
        for (String body : bodies) {
            assertThat(server.put("/v2.1/os-services/" + uuid, "2.53", body).status()).as(body).isEqualTo(200);
        }
    }

    private static JsonNode data(Delivery delivery) {
        return delivery.message().get("payload").get("nova_object.data");
    }
}
