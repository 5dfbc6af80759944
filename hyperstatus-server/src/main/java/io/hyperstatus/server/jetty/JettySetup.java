package io.hyperstatus.server.jetty;

import io.hyperstatus.config.HttpOptions;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server under Javalin, bounded per {@code [http]}: a fixed thread pool, a connection limit, idle
 * timeouts, header size; in front of Javalin, a handler that receives each body asynchronously (holding no thread,
 * after the {@link BodyGate} has admitted its headers, within {@code body_timeout}), then a queue that lets
 * {@code max_concurrent_requests} through at a time. Whatever Jetty refuses by itself (a malformed request, a
 * body too slow, a full queue) is answered with Nova's JSON fault by {@link HttpLayerErrors}.
 */
public final class JettySetup {
    private final HttpOptions limits;
    private final BodyReceiver receiver;
    private final List<String> longLivedPaths;

    /**
     * {@code maxBodySize}: {@code [oslo_middleware] max_request_body_size}; {@code gate}: who may send a body;
     * {@code longLivedPaths}: paths whose responses last as long as their clients want (event streams), which do
     * not queue for, nor hold, one of the {@code max_concurrent_requests} turns.
     */
    public JettySetup(HttpOptions limits, long maxBodySize, BodyGate gate, List<String> longLivedPaths) {
        this.limits = limits;
        this.longLivedPaths = List.copyOf(longLivedPaths);
        this.receiver = new BodyReceiver(limits.bodyTimeout(), maxBodySize, gate);
    }

    /** Applies the limits and handlers to Javalin's Jetty; the server will listen on {@code host:port}. */
    public void configure(JavalinConfig cfg, String host, int port, Optional<TlsConnector> tls) {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), HttpOptions.IO_THREADS,
                (int) TimeUnit.MINUTES.toMillis(1));
        threads.setName("hyperstatus-http");
        cfg.jetty.threadPool = threads;
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(limits.maxHeaderSize());
            // Javalin's lenient URI rules, less %u escapes: Jetty would read %u0041 as "A", Javalin fail on it.
            http.setUriCompliance(UriCompliance.LEGACY.without("LEGACY_WITHOUT_UTF16",
                    UriCompliance.Violation.UTF16_ENCODINGS));
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector connector = tls.isPresent() ? tls.get().connector(server, http, host, port)
                    : plain(server, http, host, port);
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            return connector;
        });
        cfg.jetty.modifyServer(server -> {
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            server.setErrorHandler(new HttpLayerErrors());
            QoSHandler queue = new QoSHandler();
            queue.setMaxRequestCount(limits.maxConcurrentRequests());
            queue.setMaxSuspendedRequestCount(limits.maxQueuedRequests());
            queue.setMaxSuspend(limits.queueTimeout());
            longLivedPaths.forEach(queue::excludePath);
            // Inserted last, so it runs first: bodies are received before a request queues for its turn.
            server.insertHandler(queue);
            server.insertHandler(receiver);
        });
    }

    private static ServerConnector plain(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
