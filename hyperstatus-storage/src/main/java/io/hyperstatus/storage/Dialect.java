package io.hyperstatus.storage;

/**
 * What differs between the supported databases. Times are stored as microseconds since the epoch and always
 * stamped and read with the database's own clock ({@link #nowMicros()}), never the API server's.
 */
public enum Dialect {
    SQLITE("sqlite", "CAST(unixepoch('subsec') * 1000000 AS INTEGER)"),
    POSTGRESQL("postgresql", "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)"),
    MARIADB("mariadb", "CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS SIGNED)");

    private final String migrationFolder;
    private final String nowMicros;

    Dialect(String migrationFolder, String nowMicros) {
        this.migrationFolder = migrationFolder;
        this.nowMicros = nowMicros;
    }

    /** A SQL expression for the database's current time in epoch microseconds. */
    public String nowMicros() {
        return nowMicros;
    }

    public String migrationLocation() {
        return "classpath:db/migration/dialects/" + migrationFolder;
    }
}
