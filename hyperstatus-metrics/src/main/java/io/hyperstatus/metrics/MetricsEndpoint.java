package io.hyperstatus.metrics;

import io.hyperstatus.config.ConfigException;
import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The metrics listener of one process, on a port of its own: Prometheus client_java's HTTP server, which answers
 * {@code /metrics} in the text format or OpenMetrics (by {@code Accept}) and gzipped when asked. Two threads serve
 * scrapes and a few more wait in line; beyond that the listener stops accepting until one is done, so a flood of
 * scrapes cannot take the process's memory or threads.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final int THREADS = 2;
    private static final int QUEUED_SCRAPES = 8;

    private final HTTPServer server;
    private final ThreadPoolExecutor executor;

    private MetricsEndpoint(HTTPServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on {@code host:port} (0: any free port); a port that cannot be bound stops start-up, naming
     * {@code portOption}.
     */
    public static MetricsEndpoint start(String host, int port, String portOption, PrometheusRegistry registry) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(registry, "registry");
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_SCRAPES), runnable -> {
                    Thread thread = new Thread(runnable, "hyperstatus-metrics");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            HTTPServer server = HTTPServer.builder().hostname(host).port(port).registry(registry)
                    .executorService(executor)
                    .authenticator(new ReadOnly())
                    .defaultHandler(MetricsEndpoint::notFound)
                    .buildAndStart();
            return new MetricsEndpoint(server, executor);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw new ConfigException("Cannot serve metrics on " + host + ":" + port + " (" + portOption + "): "
                    + e.getMessage());
        }
    }

    /** Anything but {@code /metrics} and {@code /-/healthy}: a plain 404 instead of the client's HTML page. */
    private static void notFound(HttpExchange exchange) throws IOException {
        byte[] body = "Not found: the metrics are at /metrics\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getRequestBody().close();
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /**
     * Lets GET and HEAD through and answers any other method 405, before a handler runs. The JDK's server checks an
     * authenticator ahead of every handler; this one authenticates nobody, it only refuses what would change state.
     */
    private static final class ReadOnly extends Authenticator {
        @Override
        public Result authenticate(HttpExchange exchange) {
            String method = exchange.getRequestMethod();
            if (method.equals("GET") || method.equals("HEAD")) {
                return new Success(new HttpPrincipal("scraper", "metrics"));
            }
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            return new Failure(405);
        }
    }

    /** The bound port (useful when the configured one is 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }
}
