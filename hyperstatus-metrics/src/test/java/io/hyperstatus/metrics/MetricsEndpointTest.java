package io.hyperstatus.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.config.ConfigException;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics listener: the registry's series at {@code /metrics} to GET and HEAD, a plain 404 elsewhere, 405 to
 * any method that is not a read, and a port that cannot be bound named in the error that stops start-up.
 */
class MetricsEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private MetricsEndpoint endpoint;

    @BeforeEach
    void start() {
        Counter.builder().name("testing_scrapes").help("a counter for the test").register(registry).inc(3);
        endpoint = MetricsEndpoint.start("127.0.0.1", 0, "[metrics] port", registry);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void theRegistrysSeriesAreAtMetrics() throws Exception {
        HttpResponse<String> scrape = send("GET", "/metrics");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(scrape.body()).contains("testing_scrapes_total 3.0");
    }

    @Test
    void anyOtherPathIsAPlain404NotAnHtmlPage() throws Exception {
        for (String path : new String[] {"/", "/nothing", "/favicon.ico", "/metric"}) {
            HttpResponse<String> reply = send("GET", path);
            assertThat(reply.statusCode()).as(path).isEqualTo(404);
            assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(reply.body()).doesNotContain("<html").contains("/metrics");
        }
    }

    @Test
    void methodsThatWouldWriteAre405() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> reply = send(method, "/metrics");
            assertThat(reply.statusCode()).as(method).isEqualTo(405);
            assertThat(reply.headers().firstValue("Allow")).contains("GET, HEAD");
            assertThat(reply.body()).doesNotContain("testing_scrapes");
        }
        assertThat(send("HEAD", "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void aPortInUseStopsStartUpNamingItsOption() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> MetricsEndpoint.start("127.0.0.1", taken.getLocalPort(), "[metrics] agent_port",
                    registry))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("Cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()
                            + " ([metrics] agent_port)");
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("HEAD")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("x");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
