package io.hyperstatus.storage;

import io.hyperstatus.core.port.DatabaseHealth;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes the database on a connection of its own, every interval. Two failed probes in a row make an outage,
 * which began at the last instant a probe reached the database (by its clock). The first probe (or call) that
 * gets through afterwards records the outage in {@code database_outages}, for the liveness rule's grace on every
 * API server, and renews the pool.
 */
final class DatabaseMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseMonitor.class);
    private static final int FAILURES_FOR_AN_OUTAGE = 2;

    private final Database database;
    private final Duration timeout;
    private final ScheduledExecutorService executor;
    private volatile DatabaseHealth.Status status = new DatabaseHealth.Status(true, "not probed yet");
    // The fields below are used under this monitor's lock only.
    private Connection probe;
    private Instant lastReached;
    private Instant outageBegan;
    private boolean poolLost;
    private int failures;

    private DatabaseMonitor(Database database, Duration interval) {
        this.database = database;
        Duration poolTimeout = database.poolTimeout();
        this.timeout = poolTimeout.compareTo(interval) < 0 ? poolTimeout : interval;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hyperstatus-db-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    static DatabaseMonitor start(Database database, Duration interval) {
        DatabaseMonitor monitor = new DatabaseMonitor(database, interval);
        monitor.probeNow();
        var unused = monitor.executor.scheduleWithFixedDelay(monitor::probeNow, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return monitor;
    }

    DatabaseHealth.Status status() {
        return status;
    }

    /** Called by a read that got a working connection: an outage this monitor still waits to see end is over. */
    void recoverIfPending() {
        synchronized (this) {
            if (outageBegan != null) {
                probeNow();
            }
        }
    }

    synchronized void probeNow() {
        try {
            if (probe == null || probe.isClosed()) {
                probe = open();
            }
            Instant now = databaseNow(probe);
            failures = 0;
            if (outageBegan != null) {
                recordOrWarn(probe, outageBegan, now);
                outageBegan = null;
            }
            if (poolLost) {
                poolLost = false;
                database.renewPool();
            }
            lastReached = now;
            status = new DatabaseHealth.Status(true, "reachable");
        } catch (SQLException | RuntimeException e) {
            closeProbe();
            failures++;
            // The database's own words go to the log only: the health check answers anyone.
            status = new DatabaseHealth.Status(false, "database unreachable");
            if (failures == 1) {
                LOG.warn("Database probe failed: {}", firstLine(e));
            }
            if (failures == FAILURES_FOR_AN_OUTAGE && lastReached != null && outageBegan == null) {
                outageBegan = lastReached;
                poolLost = true;
                LOG.warn("Database unreachable since about {}", lastReached);
            }
        }
    }

    private Connection open() throws SQLException {
        DatabaseUrl url = database.url();
        Properties properties = PoolSettings.postgresqlDefaults(url);
        url.user().ifPresent(user -> properties.setProperty("user", user));
        url.password().ifPresent(password -> properties.setProperty("password", password));
        long millis = Math.max(1000, timeout.toMillis());
        switch (url.dialect()) {
            case POSTGRESQL -> {
                properties.setProperty("connectTimeout", Long.toString(millis / 1000));
                properties.setProperty("socketTimeout", Long.toString(millis / 1000 + 1));
            }
            case MARIADB -> {
                properties.setProperty("connectTimeout", Long.toString(millis));
                properties.setProperty("socketTimeout", Long.toString(millis + 1000));
            }
            case SQLITE -> properties.setProperty("busy_timeout", Long.toString(millis));
        }
        Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
        if (url.dialect() == Dialect.MARIADB) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(PoolSettings.MARIADB_INIT_SQL);
            }
        }
        return connection;
    }

    private Instant databaseNow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = statement.executeQuery("SELECT " + database.dialect().nowMicros())) {
                rs.next();
                return Times.fromMicros(rs.getLong(1));
            }
        }
    }

    private static void recordOrWarn(Connection connection, Instant began, Instant recovered) throws SQLException {
        try {
            record(connection, began, recovered);
            LOG.warn("Database reachable again after an outage from {} to {}", began, recovered);
        } catch (SQLException e) {
            if (StoreFailures.isUnavailable(e)) {
                throw e;
            }
            // A schema without the table (not yet synced): hosts get no grace for this outage, nothing else fails.
            LOG.warn("Database reachable again after an outage from {} to {}, which could not be recorded: {}",
                    began, recovered, firstLine(e));
        }
    }

    /**
     * Merges the outage into the one row: an outage overlapping the recorded one (another API server's view of
     * the same outage) widens it, a later one replaces it. began_at is assigned first, as MariaDB assigns in order.
     */
    private static void record(Connection connection, Instant began, Instant recovered) throws SQLException {
        long beganMicros = Times.micros(began);
        long recoveredMicros = Times.micros(recovered);
        try (PreparedStatement update = connection.prepareStatement("UPDATE database_outages SET "
                + "began_at = CASE WHEN ? <= recovered_at AND began_at < ? THEN began_at ELSE ? END, "
                + "recovered_at = CASE WHEN recovered_at > ? THEN recovered_at ELSE ? END WHERE id = 1")) {
            update.setLong(1, beganMicros);
            update.setLong(2, beganMicros);
            update.setLong(3, beganMicros);
            update.setLong(4, recoveredMicros);
            update.setLong(5, recoveredMicros);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO database_outages (id, began_at, recovered_at) VALUES (1, ?, ?)")) {
            insert.setLong(1, beganMicros);
            insert.setLong(2, recoveredMicros);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!ConstraintViolations.isConstraintViolation(e)) {
                throw e;
            }
            // Another API server inserted the row first: merge into it.
            record(connection, began, recovered);
        }
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException e) {
                LOG.debug("Closing the probe connection failed", e);
            }
            probe = null;
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        synchronized (this) {
            closeProbe();
        }
    }
}
