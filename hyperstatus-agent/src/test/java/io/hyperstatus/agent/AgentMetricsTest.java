package io.hyperstatus.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.agent.metrics.AgentMetrics;
import io.hyperstatus.config.MetricsOptions;
import io.hyperstatus.domain.ServiceKey;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's metrics, tick by tick against fake API servers: heartbeats are counted one per service per beat, as
 * sent, accepted (less those the servers no longer know) or failed; the time of the last accepted one is the wall
 * clock's at acceptance; every tick is timed; the hosts gauge is the driver's hosts.
 */
class AgentMetricsTest {
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

    @TempDir
    Path state;

    private final TestingDriver driver = new TestingDriver().host("compute-1", 4, "up 1 day")
            .host("compute-2", 8, "up 2 days").otherService("controller", "nova-scheduler");
    private final TestingApiServers servers = new TestingApiServers();
    private final TestingTicker ticker = new TestingTicker();
    private final AtomicLong wallMillis = new AtomicLong(1_800_000_000_000L);
    private AgentMetrics metrics;
    private ComputeAgent agent;

    @BeforeEach
    void create() {
        metrics = new AgentMetrics(new MetricsOptions(true, "127.0.0.1", 0, 0, true), wallMillis::get);
        agent = new ComputeAgent(driver, servers, NodeIdentities.load(state),
                new AgentSchedule(REPORT_INTERVAL, Duration.ofMinutes(1), Duration.ofMinutes(1)), ticker, metrics);
    }

    @AfterEach
    void close() {
        agent.close();
    }

    @Test
    void acceptedHeartbeatsAreCountedPerServiceWithTheTimeOfTheLastOne() {
        agent.tick();
        wallMillis.addAndGet(10_000);
        ticker.advance(REPORT_INTERVAL);
        agent.tick();

        assertThat(counter("hyperstatus_agent_heartbeats_sent")).isEqualTo(6);
        assertThat(counter("hyperstatus_agent_heartbeats_accepted")).isEqualTo(6);
        assertThat(counter("hyperstatus_agent_heartbeats_failed")).isZero();
        assertThat(gauge("hyperstatus_agent_last_accepted_heartbeat_timestamp_seconds")).isEqualTo(1_800_000_010.0);
        assertThat(gauge("hyperstatus_agent_hosts")).isEqualTo(2);
        assertThat(tickCount()).isEqualTo(2);
    }

    @Test
    void heartbeatsOfServicesTheServersNoLongerKnowAreSentButNotAccepted() {
        agent.tick();
        servers.forget(new ServiceKey("compute-2", "nova-compute"));
        ticker.advance(REPORT_INTERVAL);
        agent.tick();

        assertThat(counter("hyperstatus_agent_heartbeats_sent")).isEqualTo(6);
        assertThat(counter("hyperstatus_agent_heartbeats_accepted")).isEqualTo(5);
    }

    @Test
    void heartbeatsNoServerTookAreFailedAndTheLastAcceptedTimeStays() {
        agent.tick();
        double accepted = gauge("hyperstatus_agent_last_accepted_heartbeat_timestamp_seconds");
        servers.refuse(401);
        wallMillis.addAndGet(10_000);
        ticker.advance(REPORT_INTERVAL);
        agent.tick();
        servers.accept();
        servers.unreachable();
        ticker.advance(REPORT_INTERVAL);
        agent.tick();

        assertThat(counter("hyperstatus_agent_heartbeats_failed")).isEqualTo(6);
        assertThat(counter("hyperstatus_agent_heartbeats_accepted")).isEqualTo(3);
        assertThat(gauge("hyperstatus_agent_last_accepted_heartbeat_timestamp_seconds")).isEqualTo(accepted);
    }

    @Test
    void theListenerServesTheSeriesOnceTheAgentStarts() throws Exception {
        agent.start();
        int port = metrics.start().orElseThrow();
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("# TYPE hyperstatus_agent_heartbeats_sent_total counter",
                "# TYPE hyperstatus_agent_tick_duration_seconds histogram", "jvm_threads_current");
    }

    private MetricSnapshot family(String name) {
        return metrics.registry().scrape().stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no family " + name));
    }

    private double counter(String name) {
        return ((CounterSnapshot) family(name)).getDataPoints().get(0).getValue();
    }

    private double gauge(String name) {
        return ((GaugeSnapshot) family(name)).getDataPoints().get(0).getValue();
    }

    private long tickCount() {
        return ((HistogramSnapshot) family("hyperstatus_agent_tick_duration_seconds")).getDataPoints().get(0)
                .getCount();
    }
}
