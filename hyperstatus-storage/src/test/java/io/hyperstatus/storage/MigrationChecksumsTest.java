package io.hyperstatus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The migrations each database is given are the ones existing databases have applied, to the checksum: Flyway
 * refuses to migrate a database whose applied scripts changed. A script shared between databases, or made from a
 * template, must give back the same text it had when it was applied.
 */
class MigrationChecksumsTest {
    private static final List<String> SHARED = List.of(
            "3 row versions 1082223437",
            "4 compute node service -1502498889",
            "5 database outages 86121384",
            "6 service events -144666691",
            "7 zone disruptions 726834749",
            "8 notifications -1760312665");

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyAppliedMigrationKeepsItsVersionDescriptionAndChecksum(Dialect dialect) {
        List<String> expected = switch (dialect) {
            case SQLITE -> List.of("1 services compute nodes instances 655283407", "2 aggregates 1928042389");
            case POSTGRESQL -> List.of("1 services compute nodes instances -1705423924", "2 aggregates -882011308");
            case MARIADB -> List.of("1 services compute nodes instances 765997538", "2 aggregates -54479928");
        };
        // Resolving scripts needs a connection, not the database they are for: a scratch SQLite file does.
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:sqlite:" + folder.resolve("scratch.sqlite"), null, null)
                .locations(Database.migrationLocations(dialect))
                .table("hyperstatus_schema_history")
                .load();

        List<String> resolved = Arrays.stream(flyway.info().all())
                .map(m -> m.getVersion() + " " + m.getDescription() + " " + m.getChecksum()).toList();

        assertThat(resolved).containsExactlyElementsOf(Stream.concat(expected.stream(), SHARED.stream()).toList());
    }
}
