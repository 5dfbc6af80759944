package io.hyperstatus.config;

import static io.hyperstatus.config.ValueTypes.integer;

import java.time.Duration;
import java.util.List;

/** The {@code [database]} options. The connection URL is checked where it is opened, by the storage module. */
final class DatabaseDeclarations {
    static final Option<String> CONNECTION = Option.computed("database", "connection", ValueTypes.text(),
            "`sqlite:///<state_path>/hyperstatus.sqlite`", "the database, as a URL written for Nova or a JDBC URL");
    static final Option<Integer> MAX_POOL_SIZE = Option.of("database", "max_pool_size", integer(1, 1000), "10",
            "connections per API server");
    // Fewer, larger reads cost the database less; each holds a connection and about 250 bytes per row meanwhile.
    static final Option<Integer> READ_BATCH_SIZE = Option.of("database", "read_batch_size", integer(1, 1_000_000),
            "10000", "rows a hypervisor or service listing reads per query while it streams the response");
    // A caller should hear "try again" within seconds while the database is away, not after a long wait.
    static final Option<Duration> POOL_TIMEOUT = Option.of("database", "pool_timeout",
            ValueTypes.seconds(Duration.ofSeconds(60), "a request would wait that long on an unreachable database"),
            "2", "how long a request waits for a database connection (at least 0.25) before it is answered with "
                    + "503 serviceUnavailable; on the embedded database, how long it waits for another writer's lock");

    static final OptionGroup GROUP = new OptionGroup("database", List.of(CONNECTION, MAX_POOL_SIZE, POOL_TIMEOUT,
            READ_BATCH_SIZE));

    private DatabaseDeclarations() {
    }
}
