package io.hyperstatus.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A process's registry with the listener it is served on, when metrics are enabled: started once, with the process,
 * and closed with it.
 */
public final class MetricsListener implements AutoCloseable {
    private final boolean enabled;
    private final String host;
    private final int port;
    private final String portOption;
    private final PrometheusRegistry registry;
    private MetricsEndpoint endpoint;

    public MetricsListener(boolean enabled, String host, int port, String portOption, PrometheusRegistry registry) {
        this.enabled = enabled;
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.portOption = Objects.requireNonNull(portOption, "portOption");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Starts listening when enabled (a second call does nothing); answers the bound port. */
    public synchronized OptionalInt start() {
        if (enabled && endpoint == null) {
            endpoint = MetricsEndpoint.start(host, port, portOption, registry);
        }
        return endpoint == null ? OptionalInt.empty() : OptionalInt.of(endpoint.port());
    }

    @Override
    public synchronized void close() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }
}
