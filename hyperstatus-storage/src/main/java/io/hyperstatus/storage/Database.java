package io.hyperstatus.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hyperstatus.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A pooled connection to one database, its schema migrations, and its clock. */
public final class Database implements AutoCloseable {
    private final DatabaseUrl url;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(DatabaseUrl url, HikariDataSource dataSource) {
        this.url = url;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static Database open(DatabaseUrl url, int maxPoolSize) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(pool::setUsername);
        url.password().ifPresent(pool::setPassword);
        pool.setPoolName("hyperstatus-db");
        pool.setConnectionTimeout(10_000);
        switch (url.dialect()) {
            case SQLITE -> {
                createParentFolder(url);
                // One writer at a time: WAL lets readers go on while a heartbeat commits, and a short busy wait
                // queues writers instead of failing them.
                pool.addDataSourceProperty("journal_mode", "WAL");
                pool.addDataSourceProperty("busy_timeout", "10000");
                pool.addDataSourceProperty("synchronous", "NORMAL");
                // A transaction that reads and then writes must take the write lock at BEGIN: upgrading a read
                // lock later fails at once with "database is locked" when another writer got there first.
                pool.addDataSourceProperty("transaction_mode", "IMMEDIATE");
                pool.addDataSourceProperty("foreign_keys", "true");
                pool.setMaximumPoolSize(Math.min(maxPoolSize, 4));
            }
            case MARIADB -> {
                // UNIX_TIMESTAMP(NOW(6)) must not go through a daylight-saving local time zone.
                pool.setConnectionInitSql("SET time_zone = '+00:00'");
                pool.setMaximumPoolSize(maxPoolSize);
            }
            case POSTGRESQL -> pool.setMaximumPoolSize(maxPoolSize);
        }
        try {
            return new Database(url, new HikariDataSource(pool));
        } catch (RuntimeException e) {
            throw new ConfigException("Cannot connect to the database given by [database] connection ("
                    + url.jdbcUrl() + "): " + rootMessage(e), e);
        }
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

    /** The schema version the database is at, or "none". */
    public String schemaVersion() {
        var current = flyway().info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
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
        dataSource.close();
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
