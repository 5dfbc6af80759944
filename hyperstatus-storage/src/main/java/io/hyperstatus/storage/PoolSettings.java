package io.hyperstatus.storage;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;

/** How a database's HikariCP pool is set, per dialect: how long a call waits, how connections are checked. */
final class PoolSettings {
    /** HikariCP's least connection timeout; shorter ones would silently become its default of 30 s. */
    static final Duration LEAST_POOL_TIMEOUT = Duration.ofMillis(250);
    /** How long one wait on a pool lasts: HikariCP's least, so that a pool renewed meanwhile is asked soon. */
    static final Duration WAIT_SLICE = LEAST_POOL_TIMEOUT;
    /** UNIX_TIMESTAMP(NOW(6)) must not go through a daylight-saving local time zone. */
    static final String MARIADB_INIT_SQL = "SET time_zone = '+00:00'";

    private PoolSettings() {
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
            }
            case POSTGRESQL -> pool.setMaximumPoolSize(maxPoolSize);
        }
        return pool;
    }
}
