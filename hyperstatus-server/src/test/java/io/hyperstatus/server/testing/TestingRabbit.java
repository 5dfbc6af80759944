package io.hyperstatus.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * A virtual host of its own on the RabbitMQ this machine runs (127.0.0.1:5672, guest/guest, with its management
 * API on 15672, which scripts/rabbitmq.sh enables), deleted when closed; and a consumer of its queues.
 * Override the broker with HYPERSTATUS_TEST_RABBITMQ_PORT and HYPERSTATUS_TEST_RABBITMQ_MANAGEMENT_PORT.
 */
public final class TestingRabbit implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("HYPERSTATUS_TEST_RABBITMQ_PORT",
            "5672"));
    private static final int MANAGEMENT_PORT = Integer.parseInt(System.getenv()
            .getOrDefault("HYPERSTATUS_TEST_RABBITMQ_MANAGEMENT_PORT", "15672"));

    private final String vhost;
    private final ConnectionFactory factory;
    private Connection connection;
    private Channel channel;
    private final java.util.Set<String> seenQueues = new java.util.HashSet<>();

    /** One message as a consumer gets it: its body, content type and encoding, and delivery mode. */
    public record Delivery(String body, String contentType, String contentEncoding, Integer deliveryMode) {
        public JsonNode message() {
            try {
                JsonNode parsed = JSON.readTree(body);
                return parsed.has("oslo.message") ? JSON.readTree(parsed.get("oslo.message").asText()) : parsed;
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private TestingRabbit(String vhost) throws IOException, TimeoutException {
        this.vhost = vhost;
        this.factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(PORT);
        factory.setVirtualHost(vhost);
        this.connection = factory.newConnection("hyperstatus-tests");
        this.channel = connection.createChannel();
    }

    public static TestingRabbit newVhost() {
        String vhost = "hyperstatus-test-" + UUID.randomUUID();
        management("PUT", "/api/vhosts/" + vhost, "{}");
        management("PUT", "/api/permissions/" + vhost + "/guest",
                "{\"configure\": \".*\", \"write\": \".*\", \"read\": \".*\"}");
        try {
            return new TestingRabbit(vhost);
        } catch (IOException | TimeoutException e) {
            management("DELETE", "/api/vhosts/" + vhost, null);
            throw new IllegalStateException("RabbitMQ at 127.0.0.1:" + PORT + " refused the test vhost", e);
        }
    }

    /** The transport_url of this vhost, through {@code port} (a proxy's, say) instead of RabbitMQ's own. */
    public String transportUrl(int port) {
        return "rabbit://guest:guest@127.0.0.1:" + port + "/" + vhost;
    }

    public String transportUrl() {
        return transportUrl(PORT);
    }

    /** The transport_url of this vhost on a cluster whose nodes are reached at {@code ports}, tried in this order. */
    public String clusterUrl(List<Integer> ports) {
        return "rabbit://" + ports.stream().map(port -> "guest:guest@127.0.0.1:" + port)
                .collect(java.util.stream.Collectors.joining(",")) + "/" + vhost;
    }

    public static int port() {
        return PORT;
    }

    /** The configuration lines that send versioned notifications here. */
    public String config(String driver) {
        return "[DEFAULT]\ntransport_url = " + transportUrl() + "\n[oslo_messaging_notifications]\ndriver = " + driver
                + "\n[notifications]\nnotification_format = versioned\n";
    }

    /** The messages the queue holds, taken off it; waits up to {@code timeout} for {@code count} of them. */
    public List<Delivery> take(String queue, int count, Duration timeout) {
        List<Delivery> taken = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (taken.size() < count && System.nanoTime() - deadline < 0) {
                GetResponse response = queueExists(queue) ? get(queue) : null;
                if (response == null) {
                    Thread.sleep(20);
                    continue;
                }
                taken.add(new Delivery(new String(response.getBody(), StandardCharsets.UTF_8),
                        response.getProps().getContentType(), response.getProps().getContentEncoding(),
                        response.getProps().getDeliveryMode()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return taken;
    }

    /** The queues of the vhost, as the management API lists them. */
    public List<String> queues() {
        JsonNode listed = management("GET", "/api/queues/" + vhost, null);
        List<String> names = new ArrayList<>();
        listed.forEach(queue -> names.add(queue.get("name").asText()));
        return names;
    }

    /**
     * One message off the queue, or null. A queue the management API lists may not take gets yet (a quorum queue
     * still electing its leader): the broker then closes the channel, or the whole connection with an internal
     * error, and the next try opens another.
     */
    private GetResponse get(String queue) throws IOException {
        try {
            if (!connection.isOpen()) {
                connection = factory.newConnection("hyperstatus-tests");
            }
            if (!channel.isOpen()) {
                channel = connection.createChannel();
            }
            return channel.basicGet(queue, true);
        } catch (TimeoutException notYet) {
            return null;
        } catch (IOException | com.rabbitmq.client.AlreadyClosedException notYet) {
            return null;
        }
    }

    /** The queue as the management API describes it ({@code durable}, {@code type}, {@code arguments}...). */
    public JsonNode queue(String name) {
        return management("GET", "/api/queues/" + vhost + "/" + name, null);
    }

    /** The exchange as the management API describes it ({@code type}, {@code durable}, {@code auto_delete}...). */
    public JsonNode exchange(String name) {
        return management("GET", "/api/exchanges/" + vhost + "/" + name, null);
    }

    /** The bindings whose source is the exchange, as "queue routing-key". */
    public List<String> bindingsOf(String exchange) {
        List<String> bindings = new ArrayList<>();
        management("GET", "/api/exchanges/" + vhost + "/" + exchange + "/bindings/source", null)
                .forEach(b -> bindings.add(b.get("destination").asText() + " " + b.get("routing_key").asText()));
        return bindings;
    }

    private boolean queueExists(String queue) {
        if (!seenQueues.contains(queue) && queues().contains(queue)) {
            seenQueues.add(queue);
        }
        return seenQueues.contains(queue);
    }

    private static JsonNode management(String method, String path, String body) {
        String credentials = Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + MANAGEMENT_PORT
                        + path))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " "
                        + response.body());
            }
            return response.body().isEmpty() ? JSON.createArrayNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("RabbitMQ's management API at 127.0.0.1:" + MANAGEMENT_PORT
                    + " does not answer (scripts/rabbitmq.sh enables it): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.abort(2000);
        } finally {
            management("DELETE", "/api/vhosts/" + vhost, null);
        }
    }
}
