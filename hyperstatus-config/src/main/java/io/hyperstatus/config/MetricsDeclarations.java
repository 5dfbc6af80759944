package io.hyperstatus.config;

import static io.hyperstatus.config.ValueTypes.bool;
import static io.hyperstatus.config.ValueTypes.integer;
import static io.hyperstatus.config.ValueTypes.text;

import java.util.List;

/**
 * The Prometheus metrics of the server and of the agent, {@code [metrics]}: each process has a listener of its own,
 * apart from the API, so that scraping takes nothing from the API's limits and the API's port need not be opened to
 * the monitoring network.
 */
final class MetricsDeclarations {
    static final Option<Boolean> ENABLED = Option.of("metrics", "enabled", bool(), "true",
            "whether the server and the agent serve Prometheus metrics, see [docs/metrics.md](docs/metrics.md)");
    static final Option<String> HOST = Option.of("metrics", "host", text(), "127.0.0.1",
            "the address the metrics listeners bind to");
    static final Option<Integer> PORT = Option.of("metrics", "port", integer(0, 65535), "9179",
            "the API server's metrics port (0: any free port, logged at start-up)");
    static final Option<Boolean> PER_SERVICE = Option.of("metrics", "per_service", bool(), "true",
            "whether each service has its own series (`hyperstatus_service_*`, `openstack_nova_agent_state`); the"
                    + " counts per zone, state and status are always there. Off for very large clouds");
    static final Option<Integer> AGENT_PORT = Option.of("metrics", "agent_port", integer(0, 65535), "9180",
            "the agent's metrics port (0: any free port, logged at start-up)");

    static final OptionGroup GROUP = new OptionGroup("metrics", List.of(ENABLED, HOST, PORT, PER_SERVICE,
            AGENT_PORT));

    private MetricsDeclarations() {
    }
}
