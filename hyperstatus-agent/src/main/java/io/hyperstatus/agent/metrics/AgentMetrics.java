package io.hyperstatus.agent.metrics;

import io.hyperstatus.config.MetricsOptions;
import io.hyperstatus.metrics.MetricsListener;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * The agent's metrics, on a listener of its own ({@code [metrics] agent_port}): its heartbeats (one per service
 * per beat, as the server counts them), how long its ticks take, when a heartbeat was last accepted, and how many
 * hosts it reports for. Counted whether or not they are served; see docs/metrics.md.
 */
public final class AgentMetrics implements AutoCloseable {
    private final LongSupplier wallMillis;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter sent;
    private final Counter accepted;
    private final Counter failed;
    private final Histogram ticks;
    private final Gauge lastAccepted;
    private final Gauge hosts;
    private final MetricsListener listener;

    /** {@code wallMillis}: the wall clock the time of the last accepted heartbeat is read from. */
    public AgentMetrics(MetricsOptions options, LongSupplier wallMillis) {
        Objects.requireNonNull(options, "options");
        this.wallMillis = Objects.requireNonNull(wallMillis, "wallMillis");
        this.listener = new MetricsListener(options.enabled(), options.host(), options.agentPort(),
                MetricsOptions.agentPortOption(), registry);
        this.sent = Counter.builder().name("hyperstatus_agent_heartbeats_sent")
                .help("Heartbeats sent to the API servers (one per service per beat)").register(registry);
        this.accepted = Counter.builder().name("hyperstatus_agent_heartbeats_accepted")
                .help("Heartbeats the API servers accepted").register(registry);
        this.failed = Counter.builder().name("hyperstatus_agent_heartbeats_failed")
                .help("Heartbeats that no API server accepted (unreachable or refused)").register(registry);
        this.ticks = Histogram.builder().name("hyperstatus_agent_tick_duration_seconds").unit(Unit.SECONDS)
                .help("How long a tick (heartbeats, then the changed reports) takes; longer than report_interval"
                        + " means heartbeats go out late")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
        this.lastAccepted = Gauge.builder().name("hyperstatus_agent_last_accepted_heartbeat_timestamp_seconds")
                .unit(Unit.SECONDS).help("When the API servers last accepted a heartbeat (Unix time, the agent's"
                        + " clock)").register(registry);
        this.hosts = Gauge.builder().name("hyperstatus_agent_hosts")
                .help("Hosts this agent reports for (1 with libvirt, the simulated ones with the fake driver)")
                .register(registry);
        if (options.enabled()) {
            JvmMetrics.builder().register(registry);
        }
    }

    /** Counts, but serves nothing: for agents built without a configuration (tests). */
    public static AgentMetrics unserved() {
        return new AgentMetrics(new MetricsOptions(false, "127.0.0.1", 0, 0, true), System::currentTimeMillis);
    }

    public void heartbeatsSent(int count) {
        sent.inc(count);
    }

    public void heartbeatsAccepted(int count) {
        accepted.inc(count);
        lastAccepted.set(wallMillis.getAsLong() / 1000.0);
    }

    public void heartbeatsFailed(int count) {
        failed.inc(count);
    }

    public void tickTook(long nanos) {
        ticks.observe(nanos / 1e9);
    }

    public void reportingFor(int hostCount) {
        hosts.set(hostCount);
    }

    /** Starts the listener when metrics are enabled; answers its port. */
    public OptionalInt start() {
        return listener.start();
    }

    /** The registry, to read the values without the listener. */
    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        listener.close();
    }
}
