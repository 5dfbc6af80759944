package io.hyperstatus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table of the migrated schema has a primary key: Galera replicates a row change by its key (a table without
 * one is replicated by a full scan on every node, and its rows can be duplicated), and certification tells
 * conflicting writes apart by it. Checked on SQLite always, and on the MariaDB, PostgreSQL and Galera servers
 * the environment names (see {@link ScratchDatabases}), each in a fresh database.
 */
class SchemaPrimaryKeysTest {
    @TempDir
    Path folder;

    @Test
    void everyTableOfTheSqliteSchemaHasAPrimaryKey() throws SQLException {
        assertEveryTableHasAPrimaryKey(DatabaseUrl.parse("sqlite:///" + folder.resolve("keys.sqlite")).jdbcUrl());
    }

    @Test
    void everyTableOfTheMariadbSchemaHasAPrimaryKey() throws SQLException {
        onServer(ScratchDatabases.environment("HYPERSTATUS_TEST_MARIADB_URL"), "HYPERSTATUS_TEST_MARIADB_URL");
    }

    @Test
    void everyTableOfThePostgresqlSchemaHasAPrimaryKey() throws SQLException {
        onServer(ScratchDatabases.environment("HYPERSTATUS_TEST_POSTGRESQL_URL"), "HYPERSTATUS_TEST_POSTGRESQL_URL");
    }

    @Test
    void everyTableOfTheSchemaOnGaleraHasAPrimaryKey() throws SQLException {
        onServer(ScratchDatabases.galeraNodes().map(nodes -> nodes[0]), ScratchDatabases.GALERA_PORTS);
    }

    private static void onServer(Optional<String> adminUrl, String variable) throws SQLException {
        Assumptions.assumeTrue(adminUrl.isPresent(), variable + " is not set: no such server to check");
        String name = ScratchDatabases.newName();
        String url = ScratchDatabases.create(adminUrl.get(), name);
        try {
            assertEveryTableHasAPrimaryKey(url);
        } finally {
            ScratchDatabases.drop(adminUrl.get(), name);
        }
    }

    private static void assertEveryTableHasAPrimaryKey(String jdbcUrl) throws SQLException {
        try (Database database = Database.open(DatabaseUrl.parse(jdbcUrl), 2)) {
            database.migrate();
            List<String> tables = new ArrayList<>();
            List<String> withoutKey = new ArrayList<>();
            database.jdbi().useHandle(handle -> {
                Connection connection = handle.getConnection();
                DatabaseMetaData meta = connection.getMetaData();
                String catalog = connection.getCatalog();
                // PostgreSQL's tables are in the public schema; the others have no schemas beside the database.
                String schema = database.dialect() == Dialect.POSTGRESQL ? "public" : null;
                try (ResultSet rows = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                    while (rows.next()) {
                        tables.add(rows.getString("TABLE_NAME"));
                    }
                }
                for (String table : tables) {
                    try (ResultSet keys = meta.getPrimaryKeys(catalog, schema, table)) {
                        if (!keys.next()) {
                            withoutKey.add(table);
                        }
                    }
                }
            });
            // The migrations' tables and Flyway's history are all there: the check looked at the real schema.
            assertThat(tables.stream().map(t -> t.toLowerCase(Locale.ROOT)))
                    .contains("services", "compute_nodes", "instances", "aggregates", "aggregate_hosts",
                            "aggregate_metadata", "service_events", "event_sequence", "liveness_lease",
                            "database_outages", "zone_disruptions", "notification_outbox", "hyperstatus_schema_history");
            assertThat(withoutKey).as("tables without a primary key").isEmpty();
        }
    }
}
