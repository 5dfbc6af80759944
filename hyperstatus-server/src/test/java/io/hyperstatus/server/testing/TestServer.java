package io.hyperstatus.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.client.tls.TlsContexts;
import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.server.HyperstatusServer;
import io.hyperstatus.storage.Database;
import io.hyperstatus.storage.DatabaseUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A real API server on a fresh database of the suite's kind, listening on a free port, with helpers to seed it
 * through the agent interface and to call it over HTTP.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN = "admin:admin";
    public static final String MEMBER = "demo:demo";
    /** The shared secret of the test agent "simulator", bound to every host ({@code *}), as a fake driver's is. */
    public static final String AGENT_SECRET = "simulator-secret-0123456789abcdef0123456789";
    /** The shared secret of agent "agent-a", bound to the host {@code host-a} only. */
    public static final String HOST_A_SECRET = "agent-a-secret-0123456789abcdef0123456789ab";
    /** The shared secret of agent "agent-b", bound to the host {@code host-b} only. */
    public static final String HOST_B_SECRET = "agent-b-secret-0123456789abcdef0123456789ab";
    /** The header agents present their secret in. */
    public static final String SECRET_HEADER = "X-Hyperstatus-Agent-Secret";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HyperstatusServer server;
    private final HttpClient http;
    private final String baseUrl;
    private final String databaseUrl;
    private final Map<String, String> serviceUuids = new HashMap<>();
    private final Map<String, Long> serviceIds = new HashMap<>();

    private TestServer(String databaseUrl, int port, String extraConfig, LongSupplier nanoClock) {
        this(databaseUrl, port, extraConfig, nanoClock, Duration.ofSeconds(15), () -> { });
    }

    private TestServer(String databaseUrl, int port, String extraConfig, LongSupplier nanoClock,
                       Duration keepAlive, Runnable beforeStart) {
        this.databaseUrl = databaseUrl;
        try (Database database = Database.open(DatabaseUrl.parse(databaseUrl), 2)) {
            database.migrate();
        }
        HyperstatusConfig config = HyperstatusConfig.parse("[DEFAULT]\nosapi_compute_listen = 127.0.0.1\n"
                + "osapi_compute_listen_port = " + port + "\nhost = api-test\n[database]\nconnection = " + databaseUrl + "\n"
                + (extraConfig.contains("[agent_identity]") ? ""
                        : "[agent_identity]\nsecrets_file = " + AgentSecretsFile.path() + "\n")
                // Many servers run at once in the tests: each serves its metrics on a free port of its own.
                + (extraConfig.contains("[metrics]") ? "" : "[metrics]\nport = 0\n")
                + extraConfig);
        this.server = HyperstatusServer.create(config, nanoClock, keepAlive);
        beforeStart.run();
        // With [ssl] the server speaks HTTPS only; this fixture's calls trust its certificate (not client ones).
        this.http = config.ssl().map(ssl -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(TlsContexts.client(Optional.of(ssl.certFile()), Optional.empty(), Optional.empty()))
                .build()).orElse(HTTP);
        this.baseUrl = (config.ssl().isPresent() ? "https" : "http") + "://127.0.0.1:" + server.start();
    }

    public static TestServer start() {
        return start("");
    }

    /** Starts with extra configuration lines (they may open new sections). */
    public static TestServer start(String extraConfig) {
        return start(extraConfig, System::nanoTime);
    }

    /** Starts with extra configuration lines and the clock that paces its looks at the policy file. */
    public static TestServer start(String extraConfig, LongSupplier nanoClock) {
        return new TestServer(TestDatabase.newDatabase(), 0, extraConfig, nanoClock);
    }

    /** Starts on a given database and port, e.g. to restart a stopped server where it was. */
    public static TestServer start(String databaseUrl, int port, String extraConfig) {
        return new TestServer(databaseUrl, port, extraConfig, System::nanoTime);
    }

    /** Builds a server on a given database, runs {@code beforeStart} (e.g. cuts the database off), then starts it. */
    public static TestServer startAfter(String databaseUrl, String extraConfig, Runnable beforeStart) {
        return new TestServer(databaseUrl, 0, extraConfig, System::nanoTime, Duration.ofSeconds(15), beforeStart);
    }

    /** Starts with the event streams' keep-alive comments every {@code keepAlive} instead of 15 s. */
    public static TestServer startWithKeepAlive(Duration keepAlive) {
        return new TestServer(TestDatabase.newDatabase(), 0, "", System::nanoTime, keepAlive, () -> { });
    }

    /** A second API server on the same database, as in a deployment with several API servers. */
    public TestServer sibling() {
        return sibling("");
    }

    /** A second API server on the same database, with extra configuration lines (as {@link #start(String)}). */
    public TestServer sibling(String extraConfig) {
        return new TestServer(databaseUrl, 0, extraConfig, System::nanoTime);
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public int port() {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The port this server serves its metrics on. */
    public int metricsPort() {
        return server.metricsPort().orElseThrow();
    }

    /** The metrics port, or none when {@code [metrics] enabled = false}. */
    public java.util.OptionalInt metricsPortIfServed() {
        return server.metricsPort();
    }

    public java.util.Optional<io.hyperstatus.core.notifications.OutboxStatus> notificationStatus() {
        return server.notificationStatus();
    }

    public Database database() {
        return server.database();
    }

    // ---- seeding through the agent interface -------------------------------------------------------------

    /** Registers, reports and heartbeats each host; returns the node UUIDs by host. */
    public Map<String, String> seed(Host... hosts) {
        ArrayNode services = MAPPER.createArrayNode();
        ArrayNode nodes = MAPPER.createArrayNode();
        ArrayNode heartbeats = MAPPER.createArrayNode();
        for (Host host : hosts) {
            services.addObject().put("host", host.host()).put("binary", "nova-compute");
            nodes.add(host.nodeJson());
            if (host.heartbeats()) {
                heartbeats.addObject().put("host", host.host()).put("binary", "nova-compute");
            }
        }
        remember(agent("/services", "services", services));
        JsonNode reported = agent("/compute-nodes", "compute_nodes", nodes);
        agent("/heartbeats", "heartbeats", heartbeats);
        Map<String, String> uuids = new LinkedHashMap<>();
        reported.get("compute_nodes").forEach(n -> uuids.put(n.get("host").asText(), n.get("uuid").asText()));
        return uuids;
    }

    /** Reports compute nodes only, as an agent whose service is not registered (yet) would; UUIDs by host. */
    public Map<String, String> report(Host... hosts) {
        ArrayNode nodes = MAPPER.createArrayNode();
        for (Host host : hosts) {
            nodes.add(host.nodeJson());
        }
        Map<String, String> uuids = new LinkedHashMap<>();
        agent("/compute-nodes", "compute_nodes", nodes).get("compute_nodes")
                .forEach(n -> uuids.put(n.get("host").asText(), n.get("uuid").asText()));
        return uuids;
    }

    /** Registers (and heartbeats) a service, such as a scheduler, without reporting any compute node. */
    public void seedService(String host, String binary) {
        ArrayNode services = MAPPER.createArrayNode();
        services.addObject().put("host", host).put("binary", binary);
        remember(agent("/services", "services", services));
        agent("/heartbeats", "heartbeats", services);
    }

    public void heartbeat(String host, String binary) {
        ArrayNode keys = MAPPER.createArrayNode();
        keys.addObject().put("host", host).put("binary", binary);
        agent("/heartbeats", "heartbeats", keys);
    }

    private void remember(JsonNode registered) {
        registered.get("services").forEach(s -> {
            String key = s.get("host").asText() + "/" + s.get("binary").asText();
            serviceUuids.put(key, s.get("uuid").asText());
            serviceIds.put(key, s.get("id").asLong());
        });
    }

    public String serviceUuid(String host, String binary) {
        return serviceUuids.get(host + "/" + binary);
    }

    public long serviceId(String host, String binary) {
        return serviceIds.get(host + "/" + binary);
    }

    private JsonNode agent(String path, String field, ArrayNode items) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set(field, items);
        Reply reply = send("POST", "/agent/v1" + path, body.toString(), Map.of(SECRET_HEADER, AGENT_SECRET));
        if (reply.status() != 200) {
            throw new AssertionError("agent call " + path + " failed: " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    /** Makes the last heartbeat of a service look {@code seconds} older, on the database's clock. */
    public void ageHeartbeat(String host, String binary, long seconds) {
        new HeartbeatAging(server.database()).age(host, binary, seconds);
    }

    /** Disables a service in the database, bypassing the API (which refuses it for all but nova-compute). */
    public void disableDirectly(String host, String binary, String reason) {
        new HeartbeatAging(server.database()).disableDirectly(host, binary, reason);
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------

    public Reply get(String path, String version) {
        return send("GET", path, null, headers(ADMIN, version));
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of("X-Auth-Token", ADMIN));
    }

    public Reply put(String path, String version, String body) {
        Map<String, String> headers = new LinkedHashMap<>(headers(ADMIN, version));
        headers.put("Content-Type", "application/json");
        return send("PUT", path, body, headers);
    }

    public Reply delete(String path, String version) {
        return send("DELETE", path, null, headers(ADMIN, version));
    }

    public static Map<String, String> headers(String token, String version) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("X-Auth-Token", token);
        }
        if (version != null) {
            headers.put("OpenStack-API-Version", "compute " + version);
        }
        return headers;
    }

    public Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(method, path, body);
        headers.forEach(request::header);
        return exchange(request, method, path);
    }

    /** Sends with headers given as name, value, name, value... (repeated names allowed). */
    public Reply sendRaw(String method, String path, String body, List<String> headerPairs) {
        HttpRequest.Builder request = request(method, path, body);
        for (int i = 0; i < headerPairs.size(); i += 2) {
            request.header(headerPairs.get(i), headerPairs.get(i + 1));
        }
        return exchange(request, method, path);
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private Reply exchange(HttpRequest.Builder request, String method, String path) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
