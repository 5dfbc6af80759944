package io.hyperstatus.storage;

import io.hyperstatus.core.StoreUnavailableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.sqlite.SQLiteException;

/**
 * Tells a failure to reach the database, or a conflict with another transaction (either of which a caller may
 * retry, and the API answers with 503), from a failure of the statement itself, in the words of each of the three
 * databases and of the pool.
 */
final class StoreFailures {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int MARIADB_DEADLOCK = 1213;

    private StoreFailures() {
    }

    /**
     * The failure as a {@link StoreUnavailableException} when it says the database was unreachable, or that it
     * rolled the transaction back for a conflict (which {@link JdbiTransactions} retries first; a write made
     * outside it gets the API's 503 rather than a 500), else as it is.
     */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException || !(isUnavailable(failure) || isDeadlock(failure))) {
            return failure;
        }
        return new StoreUnavailableException(failure);
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException) {
                return true;
            }
            if (cause instanceof SQLiteException sqlite) {
                // Another process holds the file's lock for longer than busy_timeout.
                int primary = sqlite.getResultCode().code & 0xff;
                return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
            }
            // The pool's "Connection is not available, request timed out" and the drivers' lost connections.
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException
                    || cause instanceof SocketException || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && unavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database rolled the transaction back to break a deadlock or a serialization conflict, so that
     * running it again may well succeed: SQLState 40001 (MariaDB's deadlock, error 1213, and a Galera certification
     * failure; PostgreSQL's serialization failure) and PostgreSQL's 40P01 (deadlock detected).
     */
    static boolean isDeadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState())
                    || "40P01".equals(sql.getSQLState()) || sql.getErrorCode() == MARIADB_DEADLOCK)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLState class 08 (connection exception) on every database, among them pgjdbc's 08001 "Could not find a
     * server with specified targetServerType" (no primary among the hosts, as during a failover); PostgreSQL's
     * 57P01-57P03 (the server shutting down, crashed, or not yet accepting connections), 53300 (too many
     * connections), 57014 (statement cancelled by a timeout) and 25006 (a write on a server in recovery: a standby
     * not yet promoted, or a primary demoted under the connection).
     */
    private static boolean unavailableState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || state.equals("57014") || state.equals("25006");
    }
}
