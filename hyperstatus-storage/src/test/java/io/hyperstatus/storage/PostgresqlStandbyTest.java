package io.hyperstatus.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hyperstatus.core.StoreUnavailableException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A primary and its hot standby (scripts/postgresql-standby.sh start, whose export lines set
 * HYPERSTATUS_PG_PRIMARY_PORT and HYPERSTATUS_PG_STANDBY_PORT): a multi-host URL finds the primary whatever the
 * order of its hosts, and a write on the standby is an unavailable database (503), not a failed statement (500).
 * Skipped without the two ports. It leaves the pair as it found it (ha/run.sh does the promotion).
 */
class PostgresqlStandbyTest {
    private static String primaryPort;
    private static String standbyPort;
    private static Database primary;

    @BeforeAll
    static void migrateThePrimary() {
        primaryPort = System.getenv("HYPERSTATUS_PG_PRIMARY_PORT");
        standbyPort = System.getenv("HYPERSTATUS_PG_STANDBY_PORT");
        assumeTrue(primaryPort != null && standbyPort != null,
                "HYPERSTATUS_PG_PRIMARY_PORT and HYPERSTATUS_PG_STANDBY_PORT not set (scripts/postgresql-standby.sh start)");
        primary = Database.open(DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + primaryPort + "/postgres"), 2);
        primary.migrate();
    }

    @AfterAll
    static void close() {
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void multiHostUrlWritesOnThePrimaryWhenTheStandbyIsListedFirst() {
        try (Database database = Database.open(DatabaseUrl.parse("postgresql://postgres@127.0.0.1:" + standbyPort
                + ",127.0.0.1:" + primaryPort + "/postgres"), 2)) {
            boolean inRecovery = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT pg_is_in_recovery()").mapTo(Boolean.class).one());
            assertThat(inRecovery).isFalse();
            String name = "standby-test-" + System.nanoTime();
            new JdbiAggregateStore(database).create(name, null);
            assertThat(new JdbiAggregateStore(primary).list()).anyMatch(aggregate -> aggregate.name().equals(name));
        }
    }

    @Test
    void aWriteOnTheStandbyIsAnUnavailableDatabase() {
        try (Database standby = Database.open(DatabaseUrl.parse(
                "jdbc:postgresql://127.0.0.1:" + standbyPort + "/postgres?user=postgres"), 1, Duration.ofSeconds(1))) {
            JdbiAggregateStore aggregates = new JdbiAggregateStore(standby);
            // Reads go on; the write is refused with SQLState 25006, which is no statement's fault.
            assertThat(aggregates.list()).isNotNull();
            int before = backendPid(standby);
            assertThatThrownBy(() -> aggregates.create("on-the-standby-" + System.nanoTime(), null))
                    .isInstanceOf(StoreUnavailableException.class)
                    .satisfies(failure -> assertThat(sqlStates(failure)).contains("25006"));
            // The pool (of one connection) dropped the connection that answered 25006 rather than keep it.
            assertThat(backendPid(standby)).isNotEqualTo(before);
        }
    }

    private static int backendPid(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one());
    }

    private static List<String> sqlStates(Throwable failure) {
        List<String> states = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                states.add(sql.getSQLState());
            }
        }
        return states;
    }
}
