package io.hyperstatus.config;

import static io.hyperstatus.config.ValueTypes.integer;
import static io.hyperstatus.config.ValueTypes.seconds;
import static io.hyperstatus.config.ValueTypes.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The API server's options, with the {@code [DEFAULT]} ones the agent shares (host, intervals, state path). */
final class ServerDeclarations {
    static final Option<String> HOST = Option.computed("DEFAULT", "host", text(), "the machine's host name (resolvable or not)", "this node's name, under which its services register")
            .blankMeansDefault();
    static final Option<Duration> SERVICE_DOWN_TIME = Option.of("DEFAULT", "service_down_time", seconds(), "60",
            "seconds without a heartbeat before a service is `down`; must exceed `report_interval`");
    static final Option<Duration> REPORT_INTERVAL = Option.of("DEFAULT", "report_interval", seconds(), "10",
            "seconds between an agent's heartbeats");
    static final Option<Path> STATE_PATH = Option.of("DEFAULT", "state_path", ValueTypes.pathUnderHome(),
            "~/.hyperstatus", "where the embedded database lives");
    static final Option<String> LISTEN = Option.of("DEFAULT", "osapi_compute_listen", text(), "0.0.0.0",
            "the address the API listens on");
    static final Option<Integer> LISTEN_PORT = Option.of("DEFAULT", "osapi_compute_listen_port", integer(0, 65535),
            "8774", "the port the API listens on");
    static final Option<String> DEFAULT_AVAILABILITY_ZONE = Option.of("DEFAULT", "default_availability_zone", text(),
            "nova", "`zone` of compute services");
    static final Option<String> INTERNAL_SERVICE_AVAILABILITY_ZONE = Option.of("DEFAULT",
            "internal_service_availability_zone", text(), "internal", "`zone` of other services");

    static final Option<String> AUTH_STRATEGY = Option.of("api", "auth_strategy",
            ValueTypes.oneOf(List.of("noauth2", "keystone")), "noauth2",
            "how requests are authenticated: `noauth2` or `keystone` (see [Running against Keystone](#running-against-keystone))");
    static final Option<Integer> MAX_LIMIT = Option.of("api", "max_limit", integer(1, 1_000_000), "1000",
            "the largest (and default) page of hypervisors");
    static final Option<Integer> MAX_EVENT_SUBSCRIBERS = Option.of("api", "max_event_subscribers",
            integer(1, 100_000), "1000",
            "event stream subscribers one API server holds; beyond it a subscriber gets 503. With"
                    + " `[http] max_concurrent_requests` at most `[http] max_connections`");
    static final Option<Integer> HYPERVISOR_CACHE_SIZE = Option.of("api", "hypervisor_cache_size",
            integer(0, 10_000_000), "200000",
            "hypervisors whose rarely changing columns an API server keeps in memory between listings"
                    + " (about 1 KB each; 0 keeps none, see [Storage](#storage))");
    static final Option<String> COMPUTE_LINK_PREFIX = Option.computed("api", "compute_link_prefix",
            ValueTypes.urlPrefix(), "the request's URL",
            "base URL used in paging links and version documents").blankMeansDefault();
    static final Option<List<String>> LEGACY_V2_EXTENSIONS = Option.of("api", "legacy_v2_extensions",
            ValueTypes.someOf(HyperstatusConfig.OPTIONAL_LEGACY_V2_EXTENSIONS, "is not an optional extension (known: "
                    + String.join(", ", HyperstatusConfig.OPTIONAL_LEGACY_V2_EXTENSIONS) + ")"),
            String.join(", ", HyperstatusConfig.OPTIONAL_LEGACY_V2_EXTENSIONS),
            "optional extensions of the legacy v2 API that are loaded");

    static final Option<Integer> MAX_REQUEST_BODY_SIZE = Option.of("oslo_middleware", "max_request_body_size",
            integer(1024, Integer.MAX_VALUE), "114688", "bytes; larger request bodies get 413");

    static final OptionGroup GROUP = new OptionGroup("server", List.of(HOST, SERVICE_DOWN_TIME, REPORT_INTERVAL,
            STATE_PATH, LISTEN, LISTEN_PORT, DEFAULT_AVAILABILITY_ZONE, INTERNAL_SERVICE_AVAILABILITY_ZONE,
            AUTH_STRATEGY, MAX_LIMIT, MAX_EVENT_SUBSCRIBERS, HYPERVISOR_CACHE_SIZE, COMPUTE_LINK_PREFIX, LEGACY_V2_EXTENSIONS,
            MAX_REQUEST_BODY_SIZE));

    private ServerDeclarations() {
    }
}
