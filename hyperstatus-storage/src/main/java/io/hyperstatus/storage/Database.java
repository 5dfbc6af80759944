package io.hyperstatus.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.hyperstatus.core.port.PoolUsage;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.core.StoreUnavailableException;
import io.hyperstatus.core.port.DatabaseHealth;
import io.hyperstatus.domain.DatabaseOutage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleCallbackDecorator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection to one database, its schema migrations, and its clock. A call that cannot get a working
 * connection within the pool timeout fails with {@link StoreUnavailableException} (never the pool's or driver's
 * own exception), and so does a statement whose connection was lost. After an outage the {@link DatabaseMonitor}
 * replaces the pool by a fresh one, so that connections come back at once instead of after the pool's back-off.
 */
public final class Database implements AutoCloseable {
    /** The pool timeout of {@link #open(DatabaseUrl, int)}: the default of {@code [database] pool_timeout}. */
    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Attempts of Flyway to get a connection, a second apart, before a migration fails. */
    private static final int FLYWAY_CONNECT_RETRIES = 3;

    private final DatabaseUrl url;
    private final int maxPoolSize;
    private final Duration poolTimeout;
    private final AtomicReference<HikariDataSource> pool;
    private final Jdbi jdbi;
    private final Object monitorLock = new Object();
    private DatabaseMonitor monitor;

    private Database(DatabaseUrl url, int maxPoolSize, Duration poolTimeout, HikariDataSource dataSource) {
        this.url = url;
        this.maxPoolSize = maxPoolSize;
        this.poolTimeout = poolTimeout;
        this.pool = new AtomicReference<>(dataSource);
        this.jdbi = Jdbi.create(this::connect);
        this.jdbi.setHandleCallbackDecorator(new HandleCallbackDecorator() {
            @Override
            public <R, X extends Exception> HandleCallback<R, X> decorate(HandleCallback<R, X> callback) {
                return handle -> {
                    try {
                        return callback.withHandle(handle);
                    } catch (RuntimeException e) {
                        throw StoreFailures.translate(e);
                    }
                };
            }
        });
    }

    public static Database open(DatabaseUrl url, int maxPoolSize) {
        return open(url, maxPoolSize, DEFAULT_POOL_TIMEOUT);
    }

    /**
     * Opens the pool, failing at once (with a {@link ConfigException}) when the database cannot be reached.
     * {@code poolTimeout} bounds how long a call waits for a connection (and SQLite for another writer's lock).
     */
    public static Database open(DatabaseUrl url, int maxPoolSize, Duration poolTimeout) {
        Duration timeout = poolTimeout.compareTo(PoolSettings.LEAST_POOL_TIMEOUT) < 0
                ? PoolSettings.LEAST_POOL_TIMEOUT : poolTimeout;
        if (url.dialect() == Dialect.SQLITE) {
            createParentFolder(url);
        }
        try {
            return new Database(url, maxPoolSize, timeout, new HikariDataSource(
                    PoolSettings.of(url, maxPoolSize, timeout, true)));
        } catch (RuntimeException e) {
            throw new ConfigException("Cannot connect to the database given by [database] connection ("
                    + url.jdbcUrl() + "): " + rootMessage(e), e);
        }
    }

    /**
     * A connection, waited for at most the pool timeout in all, in slices, each on the pool of the moment: a call
     * that waits while the pool is renewed after an outage gets a connection of the fresh pool within a slice,
     * instead of waiting out the old pool's timeout.
     */
    private Connection connect() throws SQLException {
        long deadline = System.nanoTime() + poolTimeout.toNanos();
        while (true) {
            long attempt = System.nanoTime();
            try {
                return pool.get().getConnection();
            } catch (SQLException e) {
                if (!StoreFailures.isUnavailable(e)) {
                    throw e;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new StoreUnavailableException(e);
                }
                pauseAfterQuickRefusal(attempt, e);
            }
        }
    }

    /** A pool that refuses at once (one closed under the call) is asked again after a pause, not in a busy loop. */
    private static void pauseAfterQuickRefusal(long attemptStart, SQLException refusal) {
        long pause = PoolSettings.WAIT_SLICE.toNanos() / 5 - (System.nanoTime() - attemptStart);
        if (pause > 0) {
            try {
                Thread.sleep(Duration.ofNanos(pause).toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException(refusal);
            }
        }
    }

    /**
     * Starts probing the database every {@code interval} on a connection of its own (so that a starved pool is
     * not taken for an outage): what {@link #health()} answers, and how outages are recorded and the pool renewed.
     */
    public void startMonitor(Duration interval) {
        synchronized (monitorLock) {
            if (monitor == null) {
                monitor = DatabaseMonitor.start(this, interval);
            }
        }
    }

    /** The current pool's connections (all zero while a renewed pool is starting). */
    public PoolUsage poolUsage() {
        HikariDataSource current = pool.get();
        var bean = current.getHikariPoolMXBean();
        int max = current.getMaximumPoolSize();
        if (bean == null) {
            return new PoolUsage(0, 0, max, 0);
        }
        return new PoolUsage(bean.getActiveConnections(), bean.getIdleConnections(), max,
                bean.getThreadsAwaitingConnection());
    }

    /** The monitor's last verdict; reachable until a monitor is started. */
    public DatabaseHealth health() {
        return () -> {
            DatabaseMonitor current = currentMonitor();
            return current == null ? new DatabaseHealth.Status(true, "not monitored") : current.status();
        };
    }

    /**
     * The last outage recorded; first records the one this server's monitor is still waiting to see end, since a
     * call got here with a working connection.
     */
    Optional<DatabaseOutage> lastOutage(Handle handle) {
        DatabaseMonitor current = currentMonitor();
        if (current != null) {
            current.recoverIfPending();
        }
        return handle.createQuery("SELECT began_at, recovered_at FROM database_outages WHERE id = 1")
                .map((rs, ctx) -> new DatabaseOutage(Times.fromMicros(rs.getLong(1)), Times.fromMicros(rs.getLong(2))))
                .findOne();
    }

    private DatabaseMonitor currentMonitor() {
        synchronized (monitorLock) {
            return monitor;
        }
    }

    DatabaseUrl url() {
        return url;
    }

    Duration poolTimeout() {
        return poolTimeout;
    }

    /**
     * Replaces the pool by a fresh one, which connects at once, and closes the old one once its last connection is
     * back (HikariCP retries a lost database with a back-off of up to 5 s, too slow for the return of a database).
     */
    void renewPool() {
        HikariDataSource fresh = new HikariDataSource(PoolSettings.of(url, maxPoolSize, poolTimeout, false));
        HikariDataSource old = pool.getAndSet(fresh);
        Thread retire = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (old.getHikariPoolMXBean() != null && old.getHikariPoolMXBean().getActiveConnections() > 0
                    && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            old.close();
        }, "hyperstatus-db-retire");
        retire.setDaemon(true);
        retire.start();
        LOG.info("Database reachable again: connection pool renewed");
    }

    /** Applies every pending schema migration; returns how many were applied. */
    public int migrate() {
        MigrateResult result = flyway().migrate();
        return result.migrationsExecuted;
    }

    /** Applies the migrations up to the given schema version only, to set up a database as an older release left it. */
    int migrateTo(String version) {
        return Flyway.configure().configuration(flyway().getConfiguration()).target(version).load().migrate()
                .migrationsExecuted;
    }

    /**
     * The schema version the database is at, or "none"; {@link StoreUnavailableException} when the database does
     * not answer.
     */
    public String schemaVersion() {
        try {
            var current = flyway().info().current();
            return current == null ? "none" : current.getVersion().getVersion();
        } catch (RuntimeException e) {
            throw StoreFailures.translate(e);
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(pool.get())
                // Flyway asks the pool for a second connection while it holds one, and the pool waits for one only
                // a slice (see PoolSettings): on a busy machine the new connection can take longer than that.
                .connectRetries(FLYWAY_CONNECT_RETRIES)
                .connectRetriesInterval(1)
                .locations(migrationLocations(url.dialect()))
                .table("hyperstatus_schema_history")
                .load();
    }

    /**
     * Where a database's migrations are: the scripts all three databases share, and the ones of its own, which the
     * build makes from src/main/migration-templates.
     */
    static String[] migrationLocations(Dialect dialect) {
        return new String[] {"classpath:db/migration/common", dialect.migrationLocation()};
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return url.dialect();
    }

    /** The database's current time. */
    public Instant now() {
        return jdbi.withHandle(this::now);
    }

    /** The database's current time, read on an open handle. */
    Instant now(Handle handle) {
        return Times.fromMicros(handle.createQuery("SELECT " + dialect().nowMicros()).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        DatabaseMonitor current = currentMonitor();
        if (current != null) {
            current.close();
        }
        pool.get().close();
    }

    private static void createParentFolder(DatabaseUrl url) {
        String file = url.jdbcUrl().substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new ConfigException("Cannot create the folder " + parent + " for the embedded database: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
