package io.hyperstatus.server.metrics;

import io.hyperstatus.config.MetricsOptions;
import io.hyperstatus.core.agents.AgentReports;
import io.hyperstatus.core.events.EventTally;
import io.hyperstatus.core.notifications.OutboxStatus;
import io.hyperstatus.core.port.DatabaseHealth;
import io.hyperstatus.core.port.PoolUsage;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.metrics.MetricsListener;
import io.hyperstatus.server.api.RequestObserver;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The API server's metrics: a registry of this server's own (no global one, so that several servers in one JVM
 * each have theirs), what is measured as it happens (request and detector-pass durations), and what is read at
 * each scrape (services, events, heartbeats, notifications, the database); served by a {@link MetricsListener}
 * when {@code [metrics] enabled}. See docs/metrics.md.
 */
public final class ServerMetrics implements AutoCloseable {
    private final MetricsOptions options;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final RequestObserver requests;
    private final Histogram detectorPasses;
    private final MetricsListener listener;

    public ServerMetrics(MetricsOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.listener = new MetricsListener(options.enabled(), options.host(), options.port(),
                MetricsOptions.portOption(), registry);
        this.requests = options.enabled() ? new RequestDurations(registry) : RequestObserver.NONE;
        this.detectorPasses = Histogram.builder()
                .name("hyperstatus_liveness_detector_pass_duration_seconds")
                .unit(Unit.SECONDS)
                .help("How long the liveness detector's passes take (one a second; recording only on the server"
                        + " that holds the lease)")
                .classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
                .register(registry);
        if (options.enabled()) {
            JvmMetrics.builder().register(registry);
        }
    }

    /** What the API tells of each request it answered. */
    public RequestObserver requests() {
        return requests;
    }

    /** What the liveness detector tells of each pass, in nanoseconds. */
    public LongConsumer detectorPasses() {
        return nanos -> detectorPasses.observe(nanos / 1e9);
    }

    /** The series read at each scrape, from the parts of the server that hold them. */
    public void readFrom(ServiceQueries services, ServiceZones zones, int readBatchSize, EventTally events,
                         AgentReports reports, Supplier<Optional<OutboxStatus>> notifications,
                         Supplier<PoolUsage> pool, DatabaseHealth database, Liveness liveness,
                         Duration reportInterval) {
        registry.register(new ServiceSeries(services, zones, readBatchSize, options.perService()));
        registry.register(new ProcessSeries(events, reports, notifications, pool, database));
        // The settings the alert rules compare heartbeats with: fixed for the process's life.
        Gauge.builder().name("hyperstatus_liveness_service_down_time_seconds").unit(Unit.SECONDS)
                .help("service_down_time: how long a service may go without a heartbeat before it is down")
                .register(registry).set(seconds(liveness.serviceDownTime()));
        Gauge.builder().name("hyperstatus_liveness_report_interval_seconds").unit(Unit.SECONDS)
                .help("report_interval: how often agents are configured to heartbeat")
                .register(registry).set(seconds(reportInterval));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Starts the listener when metrics are enabled; answers its port. */
    public OptionalInt start() {
        return listener.start();
    }

    @Override
    public void close() {
        listener.close();
    }
}
