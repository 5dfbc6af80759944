package io.hyperstatus.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.core.StoreUnavailableException;
import io.hyperstatus.core.port.RowAt;
import io.hyperstatus.core.services.ServiceChange;
import io.hyperstatus.core.services.ServiceRef;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import java.nio.file.Path;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store calls made inside {@link JdbiTransactions#inTransaction} join its transaction: Jdbi 3 gives a nested
 * {@code withHandle}/{@code inTransaction} the handle the thread already holds. What the application layer's
 * event-in-the-same-transaction design relies on.
 */
class JdbiTransactionsTest {
    @TempDir
    Path folder;

    private Database database;
    private JdbiAgentStore agents;
    private JdbiServiceStore services;

    @BeforeEach
    void openMigratedDatabase() {
        database = Database.open(DatabaseUrl.parse("sqlite:///" + folder.resolve("tx.sqlite")), 2);
        database.migrate();
        agents = new JdbiAgentStore(database);
        services = new JdbiServiceStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void nestedStoreCallsUseTheHandleOfTheOpenTransaction() {
        AtomicReference<Handle> outer = new AtomicReference<>();
        AtomicReference<Handle> inner = new AtomicReference<>();
        database.jdbi().useTransaction(handle -> {
            outer.set(handle);
            database.jdbi().useHandle(inner::set);
            database.jdbi().useTransaction(h -> assertThat(h).isSameAs(handle));
        });
        assertThat(inner.get()).isSameAs(outer.get());
    }

    @Test
    void aFailureAfterTheStoresWroteRollsEveryWriteOfTheTransactionBack() {
        Service kept = agents.insert(new ServiceKey("kept", Service.COMPUTE_BINARY));
        ServiceKey key = new ServiceKey("alpha", Service.COMPUTE_BINARY);

        assertThatThrownBy(() -> new JdbiTransactions(database).inTransaction(() -> {
            Service inserted = agents.insert(key);
            services.save(kept.id(), ServiceChange.disable("in the transaction"));
            // Read back inside the transaction: the nested calls see its uncommitted writes.
            assertThat(services.find(ServiceRef.byId(inserted.id()))).isPresent();
            throw new IllegalStateException("the event sink failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the event sink failed");

        assertThat(agents.registered(key)).isEmpty();
        assertThat(services.find(ServiceRef.byId(kept.id())).map(RowAt::row).map(Service::disabled))
                .contains(false);
    }

    @Test
    void aTransactionRolledBackToBreakADeadlockRunsAgainFromTheStart() {
        ServiceKey key = new ServiceKey("alpha", Service.COMPUTE_BINARY);
        AtomicInteger runs = new AtomicInteger();

        Service inserted = new JdbiTransactions(database).inTransaction(() -> {
            Service service = agents.insert(key);
            if (runs.incrementAndGet() == 1) {
                throw deadlock();
            }
            return service;
        });

        assertThat(runs).hasValue(2);
        assertThat(agents.registered(key)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(inserted.id()));
    }

    @Test
    void aDeadlockThatGoesOnIsReportedAsUnavailableAfterTheLastRunAndAnyOtherFailureAtOnce() {
        AtomicInteger deadlocked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        JdbiTransactions transactions = new JdbiTransactions(database);

        long started = System.nanoTime();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            deadlocked.incrementAndGet();
            throw deadlock();
        })).isInstanceOf(StoreUnavailableException.class).hasRootCauseInstanceOf(SQLTransactionRollbackException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            failed.incrementAndGet();
            throw new IllegalStateException("not a deadlock");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(deadlocked).hasValue(JdbiTransactions.ATTEMPTS);
        assertThat(failed).hasValue(1);
        // Nine pauses of at least half their ceilings (5, 10, 20, 40, 80, then 4 of 125 ms), within the budget.
        assertThat(took).isBetween(Duration.ofMillis(650), JdbiTransactions.RETRY_BUDGET.plusMillis(500));
    }

    @Test
    void thePausesGrowExponentiallyWithJitterUpToTheirCap() {
        for (int run = 0; run < 200; run++) {
            assertThat(JdbiTransactions.pause(1)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
            assertThat(JdbiTransactions.pause(4)).isBetween(Duration.ofMillis(40), Duration.ofMillis(80));
            assertThat(JdbiTransactions.pause(9)).isBetween(Duration.ofMillis(125), JdbiTransactions.LONGEST_PAUSE);
            assertThat(JdbiTransactions.pause(60)).isBetween(Duration.ofMillis(125), JdbiTransactions.LONGEST_PAUSE);
        }
        long longestInAll = 0;
        for (int attempt = 1; attempt < JdbiTransactions.ATTEMPTS; attempt++) {
            longestInAll += Math.min(JdbiTransactions.LONGEST_PAUSE.toMillis(),
                    JdbiTransactions.FIRST_PAUSE.toMillis() << (attempt - 1));
        }
        assertThat(Duration.ofMillis(longestInAll)).isLessThan(JdbiTransactions.RETRY_BUDGET);
    }

    @Test
    void aNestedTransactionIsRetriedOnlyAsPartOfTheOutermostOne() {
        AtomicInteger outer = new AtomicInteger();
        AtomicInteger inner = new AtomicInteger();
        JdbiTransactions transactions = new JdbiTransactions(database);

        transactions.inTransaction(() -> {
            outer.incrementAndGet();
            return transactions.inTransaction(() -> {
                if (inner.incrementAndGet() == 1) {
                    throw deadlock();
                }
                return null;
            });
        });

        assertThat(outer).hasValue(2);
        assertThat(inner).hasValue(2);
    }

    private static UnableToExecuteStatementException deadlock() {
        return new UnableToExecuteStatementException(new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213), null);
    }

    @Test
    void everyWriteButAHeartbeatMovesTheRowVersion() {
        Service service = agents.insert(new ServiceKey("alpha", Service.COMPUTE_BINARY));
        long created = version(service.id());

        agents.heartbeat(java.util.List.of(new ServiceKey("alpha", Service.COMPUTE_BINARY)));
        long afterHeartbeat = version(service.id());
        services.save(service.id(), ServiceChange.forceDown(true));

        assertThat(afterHeartbeat).isEqualTo(created);
        assertThat(version(service.id())).isEqualTo(created + 1);
    }

    private long version(long id) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT version FROM services WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }
}
