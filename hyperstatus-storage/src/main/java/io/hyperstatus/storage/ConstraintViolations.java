package io.hyperstatus.storage;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.sqlite.SQLiteException;

/** Tells a write refused by a uniqueness rule of the schema from other failures, in each database's words. */
final class ConstraintViolations {
    private static final int SQLITE_CONSTRAINT = 19;

    private ConstraintViolations() {
    }

    /** Whether a failure was a constraint violation, in any of the three databases' words. */
    static boolean isConstraintViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause instanceof SQLiteException sqlite) {
                // Extended result codes carry the primary code in their low byte.
                return (sqlite.getResultCode().code & 0xff) == SQLITE_CONSTRAINT;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
