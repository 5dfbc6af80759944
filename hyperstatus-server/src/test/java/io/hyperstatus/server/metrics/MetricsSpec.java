package io.hyperstatus.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.hyperstatus.config.ConfigException;
import io.hyperstatus.domain.Service;
import io.hyperstatus.server.testing.Eventually;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestResources;
import io.hyperstatus.server.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API server's Prometheus metrics, scraped from its own listener: openstack-exporter's agent state line for
 * line, the native per-service series built from the database at each scrape, the event and heartbeat counters,
 * and the request durations by route template. Services go down here by aging their heartbeat on the database's
 * clock; the detector's pass (every second) is waited for, within a bound.
 */
class MetricsSpec {
    private static final String COMPUTE = Service.COMPUTE_BINARY;
    private static final String SCHEDULER = "nova-scheduler";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAgentStateFamilyIsOpenstackExportersOutputLineForLineForTheSameServices() throws IOException {
        server = TestServer.start();
        server.seedService("host1", SCHEDULER);
        server.seedService("host1", COMPUTE);
        server.seedService("host2", SCHEDULER);
        server.seedService("host2", COMPUTE);
        // The fixture's disabled scheduler, which the API refuses to make (as Nova does): set in the database.
        server.disableDirectly("host1", SCHEDULER, "test1");
        disable("host1", COMPUTE, "test2");
        disable("host2", COMPUTE, "test4");
        server.ageHeartbeat("host2", SCHEDULER, 600);
        server.ageHeartbeat("host2", COMPUTE, 600);

        List<String> expected = openstackExporterLines(Map.of(
                "1", server.serviceUuid("host1", SCHEDULER), "2", server.serviceUuid("host1", COMPUTE),
                "3", server.serviceUuid("host2", SCHEDULER), "4", server.serviceUuid("host2", COMPUTE)));
        List<String> ours = Scrape.of(server.metricsPort()).lines(OpenstackExporterSeries.AGENT_STATE);

        assertThat(ours).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            // Same series (name, label names and values, in the same order); the same value, which client_golang
            // writes "1" and client_java "1.0".
            assertThat(series(ours.get(i))).isEqualTo(series(expected.get(i)));
            assertThat(value(ours.get(i))).isEqualTo(value(expected.get(i)));
        }
    }

    @Test
    void aServiceWhoseHeartbeatsStopGoesFromUpToDownAndItsWentDownIsCounted() {
        server = TestServer.start("[DEFAULT]\nservice_down_time = 3\nreport_interval = 1\n");
        server.seedService("compute-1", COMPUTE);
        String[] labels = {"host=\"compute-1\"", "binary=\"nova-compute\"", "zone=\"nova\""};
        Scrape before = Scrape.of(server.metricsPort());
        assertThat(before.value("hyperstatus_service_up", labels)).contains(1.0);
        assertThat(before.value("openstack_nova_agent_state", "hostname=\"compute-1\"")).contains(1.0);
        assertThat(before.value("hyperstatus_service_enabled", labels)).contains(1.0);
        assertThat(before.value("hyperstatus_service_forced_down", labels)).contains(0.0);
        double lastHeartbeat = before.value("hyperstatus_service_last_heartbeat_timestamp_seconds", labels)
                .orElseThrow();
        assertThat(lastHeartbeat).isCloseTo(System.currentTimeMillis() / 1000.0,
                offset(60.0));

        server.ageHeartbeat("compute-1", COMPUTE, 10);
        Scrape after = waitFor(() -> Scrape.of(server.metricsPort()),
                scrape -> scrape.value("hyperstatus_events_total", "kind=\"went_down\"").orElse(0.0) >= 1);

        assertThat(after.value("hyperstatus_events_total", "kind=\"went_down\"")).contains(1.0);
        assertThat(after.value("hyperstatus_service_up", labels)).contains(0.0);
        assertThat(after.value("openstack_nova_agent_state", "hostname=\"compute-1\"")).contains(0.0);
        assertThat(after.value("hyperstatus_service_last_heartbeat_timestamp_seconds", labels).orElseThrow())
                .isCloseTo(lastHeartbeat - 10, offset(1.0));
        assertThat(after.value("hyperstatus_services", "zone=\"nova\"", "binary=\"nova-compute\"",
                "state=\"down\"", "status=\"enabled\"")).contains(1.0);
    }

    @Test
    void aDeletedServiceHasNoSeriesInTheNextScrape() {
        server = TestServer.start();
        server.seedService("compute-1", COMPUTE);
        server.seedService("compute-2", COMPUTE);
        assertThat(Scrape.of(server.metricsPort()).value("hyperstatus_service_up", "host=\"compute-2\""))
                .isPresent();

        Reply deleted = server.delete("/v2.1/os-services/" + server.serviceUuid("compute-2", COMPUTE), "2.53");
        assertThat(deleted.status()).isEqualTo(204);

        Scrape scrape = Scrape.of(server.metricsPort());
        assertThat(scrape.text()).doesNotContain("compute-2");
        // The event reaches the count when the follower reads the log, just after the commit.
        scrape = waitFor(() -> Scrape.of(server.metricsPort()),
                s -> s.value("hyperstatus_events_total", "kind=\"deleted\"").orElse(0.0) >= 1);
        assertThat(scrape.value("hyperstatus_service_up", "host=\"compute-1\"")).contains(1.0);
        assertThat(scrape.value("hyperstatus_events_total", "kind=\"deleted\"")).contains(1.0);
    }

    @Test
    void forcedDownAndDisabledShowInTheirOwnSeriesAndInTheCounts() {
        server = TestServer.start();
        server.seedService("compute-1", COMPUTE);
        Reply forced = server.put("/v2.1/os-services/" + server.serviceUuid("compute-1", COMPUTE), "2.53",
                "{\"forced_down\": true, \"status\": \"disabled\", \"disabled_reason\": \"maintenance\"}");
        assertThat(forced.status()).isEqualTo(200);

        Scrape scrape = Scrape.of(server.metricsPort());
        assertThat(scrape.value("hyperstatus_service_forced_down", "host=\"compute-1\"")).contains(1.0);
        assertThat(scrape.value("hyperstatus_service_up", "host=\"compute-1\"")).contains(0.0);
        assertThat(scrape.value("hyperstatus_service_enabled", "host=\"compute-1\"")).contains(0.0);
        assertThat(scrape.value("openstack_nova_agent_state", "hostname=\"compute-1\"",
                "adminState=\"disabled\"", "disabledReason=\"maintenance\"")).contains(0.0);
        assertThat(scrape.value("hyperstatus_services", "state=\"down\"", "status=\"disabled\"")).contains(1.0);
    }

    @Test
    void withPerServiceOffOnlyTheCountsDescribeTheServices() {
        server = TestServer.start("[metrics]\nport = 0\nper_service = false\n");
        server.seedService("compute-1", COMPUTE);

        Scrape scrape = Scrape.of(server.metricsPort());
        assertThat(scrape.lines("hyperstatus_service_up")).isEmpty();
        assertThat(scrape.lines("openstack_nova_agent_state")).isEmpty();
        assertThat(scrape.text()).doesNotContain("compute-1");
        assertThat(scrape.value("hyperstatus_services", "zone=\"nova\"", "state=\"up\"", "status=\"enabled\""))
                .contains(1.0);
    }

    @Test
    void heartbeatsAreCountedOnePerServiceAndBeat() {
        server = TestServer.start();
        server.seedService("compute-1", COMPUTE);
        server.heartbeat("compute-1", COMPUTE);
        server.heartbeat("compute-1", COMPUTE);

        assertThat(Scrape.of(server.metricsPort()).value("hyperstatus_heartbeats_total")).contains(3.0);
    }

    @Test
    void requestsAreTimedByRouteTemplateMethodAndStatusClassNeverByTheirPath() {
        server = TestServer.start();
        server.seedService("compute-1", COMPUTE);
        assertThat(server.get("/v2.1/os-hypervisors/no-such-id", "2.53").status()).isEqualTo(400);
        assertThat(server.get("/v2.1/os-hypervisors/another-one", "2.53").status()).isEqualTo(400);
        assertThat(server.get("/v2.1/os-nowhere/at/all").status()).isEqualTo(404);

        // A request is timed once its answer has gone out, so the last one may reach the histogram just after.
        Scrape scrape = waitFor(() -> Scrape.of(server.metricsPort()),
                s -> s.value("hyperstatus_http_request_duration_seconds_count", "route=\"unmatched\"").isPresent());
        assertThat(scrape.value("hyperstatus_http_request_duration_seconds_count",
                "route=\"/v2.1/os-hypervisors/{id}\"", "method=\"GET\"", "status_class=\"4xx\""))
                .contains(2.0);
        assertThat(scrape.value("hyperstatus_http_request_duration_seconds_count", "route=\"unmatched\"",
                "status_class=\"4xx\"")).contains(1.0);
        assertThat(scrape.text()).doesNotContain("no-such-id").doesNotContain("os-nowhere");
    }

    @Test
    void theListenerAnswersOpenMetricsAndGzipWhenAsked() throws Exception {
        server = TestServer.start();
        HttpResponse<byte[]> gzipped = HTTP.send(HttpRequest.newBuilder(metricsUri())
                .header("Accept", "application/openmetrics-text; version=1.0.0")
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/openmetrics-text");
        String text;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).contains("# TYPE hyperstatus_heartbeats counter").endsWith("# EOF\n");
    }

    @Test
    void theProcessSeriesAreThereFromTheStart() {
        server = TestServer.start();
        Scrape scrape = Scrape.of(server.metricsPort());
        assertThat(scrape.value("hyperstatus_database_up")).contains(1.0);
        assertThat(scrape.value("hyperstatus_database_pool_max_connections").orElseThrow()).isPositive();
        assertThat(scrape.value("hyperstatus_liveness_service_down_time_seconds")).contains(60.0);
        assertThat(scrape.value("hyperstatus_liveness_report_interval_seconds")).contains(10.0);
        assertThat(scrape.value("hyperstatus_events_total", "kind=\"went_down\"")).contains(0.0);
        assertThat(scrape.value("jvm_memory_used_bytes", "area=\"heap\"")).isPresent();
        // Notifications are off: their series are absent rather than zero.
        assertThat(scrape.lines("hyperstatus_notification_backlog")).isEmpty();
    }

    @Test
    void thePublishingServerShowsItsLeaseItsBacklogAndWhatWasConfirmed() {
        // The log driver publishes to the server's log: no RabbitMQ, the same outbox and lease.
        server = TestServer.start("""
                [oslo_messaging_notifications]
                driver = log
                [notifications]
                notification_format = versioned
                """);
        server.seedService("compute-1", COMPUTE);
        Scrape scrape = waitFor(() -> Scrape.of(server.metricsPort()),
                s -> s.value("hyperstatus_notifications_published_total").orElse(0.0) >= 1);

        assertThat(scrape.value("hyperstatus_notifications_published_total")).contains(1.0);
        assertThat(scrape.value("hyperstatus_notification_publisher")).contains(1.0);
        assertThat(scrape.value("hyperstatus_notification_backlog")).contains(0.0);
        assertThat(scrape.value("hyperstatus_notification_publish_failures_total")).contains(0.0);
    }

    @Test
    void aMetricsPortInUseStopsStartUpNamingItsOption() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> TestServer.start("[metrics]\nport = " + taken.getLocalPort() + "\n"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("[metrics] port");
        }
    }

    @Test
    void metricsCanBeTurnedOff() {
        server = TestServer.start("[metrics]\nenabled = false\n");
        assertThat(server.metricsPortIfServed()).isEmpty();
        assertThat(server.get("/v2.1/os-hypervisors").status()).isEqualTo(200);
    }

    private URI metricsUri() {
        return URI.create("http://127.0.0.1:" + server.metricsPort() + "/metrics");
    }

    private void disable(String host, String binary, String reason) {
        Reply reply = server.put("/v2.1/os-services/" + server.serviceUuid(host, binary), "2.53",
                "{\"status\": \"disabled\", \"disabled_reason\": \"" + reason + "\"}");
        assertThat(reply.status()).isEqualTo(200);
    }

    private static List<String> openstackExporterLines(Map<String, String> uuidsByFixtureId) {
        String text = TestResources.text("openstack-exporter/nova_agent_state.prom");
        return text.lines().filter(line -> !line.startsWith("#")).map(line -> {
            String id = line.replaceAll(".*,id=\"([0-9]+)\",.*", "$1");
            return line.replace(",id=\"" + id + "\",", ",id=\"" + uuidsByFixtureId.get(id) + "\",");
        }).toList();
    }

    private static String series(String line) {
        return line.substring(0, line.lastIndexOf(' '));
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static <T> T waitFor(Supplier<T> look, Predicate<T> until) {
        return Eventually.until(look, until, Duration.ofSeconds(20), Duration.ofMillis(100));
    }
}
