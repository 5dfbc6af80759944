package io.hyperstatus.config;

import static io.hyperstatus.config.ValueTypes.integer;
import static io.hyperstatus.config.ValueTypes.seconds;

import java.time.Duration;
import java.util.List;

/** The {@code [http]} options: how much work any client can make the API server hold (see docs/http-limits.md). */
final class HttpDeclarations {
    private static final Duration HOUR = Duration.ofHours(1);

    static final Option<Integer> MAX_CONNECTIONS = Option.of("http", "max_connections", integer(2, 1_000_000),
            "2000", "open client connections (event streams included); beyond it new connections wait unaccepted");
    static final Option<Integer> MAX_THREADS = Option.of("http", "max_threads", integer(16, 10_000), "200",
            "threads serving requests and I/O; must exceed `max_concurrent_requests` by 8");
    static final Option<Integer> MAX_CONCURRENT_REQUESTS = Option.of("http", "max_concurrent_requests",
            integer(1, 5_000), "100", "requests handled at once, their bodies already received; others queue");
    static final Option<Integer> MAX_QUEUED_REQUESTS = Option.of("http", "max_queued_requests",
            integer(0, 1_000_000), "1000", "requests waiting for a turn; beyond it a request gets 503 at once");
    static final Option<Duration> QUEUE_TIMEOUT = Option.of("http", "queue_timeout",
            seconds(HOUR, "a request waiting longer is of no use to its client"), "5",
            "seconds a request may wait for a turn before it gets 503");
    static final Option<Duration> BODY_TIMEOUT = Option.of("http", "body_timeout",
            seconds(HOUR, "a slow body would hold its memory that long"), "15",
            "seconds a request body may take to arrive in full, counted from its headers; then 408");
    static final Option<Duration> IDLE_TIMEOUT = Option.of("http", "idle_timeout",
            seconds(HOUR, "an idle connection would hold its slot that long"), "30",
            "seconds a connection may stay silent (between requests, or within one) before it is closed");
    static final Option<Integer> MAX_HEADER_SIZE = Option.of("http", "max_header_size", integer(1024, 1_048_576),
            "8192", "bytes of request line and headers; a longer URI gets 414, longer headers 431");

    static final OptionGroup GROUP = new OptionGroup("http", List.of(MAX_CONNECTIONS, MAX_THREADS,
            MAX_CONCURRENT_REQUESTS, MAX_QUEUED_REQUESTS, QUEUE_TIMEOUT, BODY_TIMEOUT, IDLE_TIMEOUT, MAX_HEADER_SIZE));

    private HttpDeclarations() {
    }
}
