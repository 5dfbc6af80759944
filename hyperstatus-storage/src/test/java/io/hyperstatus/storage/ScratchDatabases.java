package io.hyperstatus.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * Fresh databases on the servers the environment names: {@code HYPERSTATUS_TEST_MARIADB_URL} and
 * {@code HYPERSTATUS_TEST_POSTGRESQL_URL} (administrative JDBC URLs, as for the server's suite), and
 * {@code HYPERSTATUS_TEST_GALERA_PORTS}, the SQL ports of a Galera cluster on 127.0.0.1 with a passwordless root
 * user ({@code scripts/galera.sh start} prints them).
 */
final class ScratchDatabases {
    static final String GALERA_PORTS = "HYPERSTATUS_TEST_GALERA_PORTS";

    private ScratchDatabases() {
    }

    static Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The Galera nodes' administrative URLs, in the order given. */
    static Optional<String[]> galeraNodes() {
        return environment(GALERA_PORTS).map(ports -> ports.split("[\\s,]+")).map(ports -> {
            String[] urls = new String[ports.length];
            for (int i = 0; i < ports.length; i++) {
                urls[i] = "jdbc:mariadb://127.0.0.1:" + Integer.parseInt(ports[i]) + "/?user=root";
            }
            return urls;
        });
    }

    static String newName() {
        return "hs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Creates the database on the server of an administrative URL; answers its JDBC URL. */
    static String create(String adminUrl, String name) {
        boolean mariadb = adminUrl.startsWith("jdbc:mariadb:");
        execute(adminUrl, "CREATE DATABASE " + name + (mariadb ? " CHARACTER SET utf8mb4" : ""));
        return withDatabase(adminUrl, name);
    }

    static void drop(String adminUrl, String name) {
        execute(adminUrl, "DROP DATABASE IF EXISTS " + name);
    }

    /** Replaces the database name of an administrative URL ({@code jdbc:x://host:port/db?params}). */
    static String withDatabase(String url, String name) {
        int schemeEnd = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', schemeEnd);
        int query = url.indexOf('?');
        String hostPart = url.substring(0, pathStart < 0 ? (query < 0 ? url.length() : query) : pathStart);
        return hostPart + "/" + name + (query < 0 ? "" : url.substring(query));
    }

    static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
        }
    }
}
