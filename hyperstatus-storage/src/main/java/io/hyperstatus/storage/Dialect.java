package io.hyperstatus.storage;

/**
 * What differs between the supported databases. Times are stored as microseconds since the epoch and always
 * stamped and read with the database's own clock ({@link #nowMicros()}), never the API server's.
 */
public enum Dialect {
    // SQLite has no row locks: its write transactions take the database's write lock at BEGIN (see Database), so
    // a read in one already excludes every other writer.
    SQLITE("sqlite", "CAST(unixepoch('subsec') * 1000000 AS INTEGER)", "", "/"),
    POSTGRESQL("postgresql", "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)", " FOR UPDATE", "/"),
    MARIADB("mariadb", "CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS SIGNED)", " FOR UPDATE", " DIV ");

    private final String migrationFolder;
    private final String nowMicros;
    private final String forUpdate;
    private final String integerDivision;

    Dialect(String migrationFolder, String nowMicros, String forUpdate, String integerDivision) {
        this.migrationFolder = migrationFolder;
        this.nowMicros = nowMicros;
        this.forUpdate = forUpdate;
        this.integerDivision = integerDivision;
    }

    /**
     * What ends a SELECT that locks the rows it reads until the transaction ends, so that a concurrent write of them
     * waits (and a concurrent delete is seen once it commits).
     */
    public String forUpdate() {
        return forUpdate;
    }

    /** The operator of integer division that truncates toward zero. */
    public String integerDivision() {
        return integerDivision;
    }

    /** A SQL expression for the database's current time in epoch microseconds. */
    public String nowMicros() {
        return nowMicros;
    }

    public String migrationLocation() {
        return "classpath:db/migration/dialects/" + migrationFolder;
    }
}
