package io.hyperstatus.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** How a database's HikariCP pool is set, per dialect: how long a call waits, how connections are checked. */
final class PoolSettings {
    /** HikariCP's least connection timeout; shorter ones would silently become its default of 30 s. */
    static final Duration LEAST_POOL_TIMEOUT = Duration.ofMillis(250);
    /** How long one wait on a pool lasts: HikariCP's least, so that a pool renewed meanwhile is asked soon. */
    static final Duration WAIT_SLICE = LEAST_POOL_TIMEOUT;
    /** UNIX_TIMESTAMP(NOW(6)) must not go through a daylight-saving local time zone. */
    static final String MARIADB_INIT_SQL = "SET time_zone = '+00:00'";
    /**
     * With several hosts, how long pgjdbc trusts what it last saw of a host (primary, standby, unreachable), which
     * decides which hosts it tries and in what order: a stale "standby" could pass over a promoted host for its
     * default of 10 s. (When no host is a candidate it tries them all in order, so two hosts recover at once
     * either way.)
     */
    static final int HOST_RECHECK_SECONDS = 2;
    /**
     * With several hosts, how long a connection attempt to one host may take before the next is tried: a host
     * that is down without refusing (a dead machine) would otherwise cost pgjdbc's default of 10 s (Connector/J's
     * 30 s).
     */
    static final int MULTI_HOST_CONNECT_TIMEOUT_SECONDS = 2;
    /** PostgreSQL's read_only_sql_transaction: a write on a server in recovery (a standby, or a demoted primary). */
    static final String READ_ONLY_TRANSACTION = "25006";

    private PoolSettings() {
    }

    /** Evicts a connection that answered 25006; leaves every other failure to HikariCP's own rules. */
    static final class ReadOnlyEviction implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return READ_ONLY_TRANSACTION.equals(e.getSQLState())
                    ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }

    /** The pool's settings; {@code failFirst}: the first pool refuses to start without the database. */
    static HikariConfig of(DatabaseUrl url, int maxPoolSize, Duration timeout, boolean failFirst) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(pool::setUsername);
        url.password().ifPresent(pool::setPassword);
        pool.setPoolName("hyperstatus-db");
        // A call waits for a connection in slices, each on the pool of the moment (see Database), in all the pool
        // timeout, then fails with StoreUnavailableException (503).
        pool.setConnectionTimeout(WAIT_SLICE.toMillis());
        // A connection idle for a while is checked before use; the check must fit well within the wait.
        pool.setValidationTimeout(Math.max(LEAST_POOL_TIMEOUT.toMillis(), Math.min(1000, timeout.toMillis() / 2)));
        // Idle connections are checked every 30 s (HikariCP's least), so a dead one is found before a call needs it.
        pool.setKeepaliveTime(30_000);
        // The first pool refuses to start without the database; a pool renewed after an outage connects lazily.
        pool.setInitializationFailTimeout(failFirst ? 1 : -1);
        switch (url.dialect()) {
            case SQLITE -> {
                // One writer at a time: WAL lets readers go on while a heartbeat commits, and a short busy wait
                // queues writers instead of failing them; a lock held for longer (another process holding the
                // file) fails the call with 503 after the pool timeout.
                pool.addDataSourceProperty("journal_mode", "WAL");
                pool.addDataSourceProperty("busy_timeout", Long.toString(timeout.toMillis()));
                pool.addDataSourceProperty("synchronous", "NORMAL");
                // A transaction that reads and then writes must take the write lock at BEGIN: upgrading a read
                // lock later fails at once with "database is locked" when another writer got there first.
                pool.addDataSourceProperty("transaction_mode", "IMMEDIATE");
                pool.addDataSourceProperty("foreign_keys", "true");
                pool.setMaximumPoolSize(Math.min(maxPoolSize, 4));
            }
            case MARIADB -> {
                pool.setConnectionInitSql(MARIADB_INIT_SQL);
                pool.setMaximumPoolSize(maxPoolSize);
                // The nodes of a Galera cluster: a dead machine costs this per attempt, not Connector/J's 30 s.
                if (url.jdbcUrl().matches("jdbc:mariadb:(sequential|loadbalance):.*")
                        && !url.jdbcUrl().contains("connectTimeout")) {
                    pool.addDataSourceProperty("connectTimeout",
                            Integer.toString(MULTI_HOST_CONNECT_TIMEOUT_SECONDS * 1000));
                }
            }
            case POSTGRESQL -> {
                pool.setDataSourceProperties(postgresqlDefaults(url));
                // A connection to a server that is in recovery can never write again: HikariCP would keep it.
                pool.setExceptionOverride(new ReadOnlyEviction());
                pool.setMaximumPoolSize(maxPoolSize);
            }
        }
        return pool;
    }

    /**
     * pgjdbc's properties for a URL with several hosts, each unless the URL sets it (the URL's own parameters win
     * over these): the primary as the target, and the short recheck and connect timeout above. None for one host.
     */
    static Properties postgresqlDefaults(DatabaseUrl url) {
        Properties properties = new Properties();
        if (url.dialect() == Dialect.POSTGRESQL && url.hasSeveralHosts()) {
            properties.setProperty("targetServerType", "primary");
            properties.setProperty("hostRecheckSeconds", Integer.toString(HOST_RECHECK_SECONDS));
            properties.setProperty("connectTimeout", Integer.toString(MULTI_HOST_CONNECT_TIMEOUT_SECONDS));
        }
        return properties;
    }
}
