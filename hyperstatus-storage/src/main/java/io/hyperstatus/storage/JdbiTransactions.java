package io.hyperstatus.storage;

import io.hyperstatus.core.port.Transactions;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions of the Jdbi stores. The stores open their handles with {@code Jdbi.withHandle}/{@code inTransaction},
 * and Jdbi hands a call made while the thread already holds an open handle that same handle (its thread-scoped
 * handle supplier), and runs a nested {@code inTransaction} inside the open transaction. So every store call made
 * inside {@link #inTransaction} is part of one transaction (JdbiTransactionsTest shows it).
 *
 * <p>A transaction the database rolls back to break a deadlock (MariaDB and Galera under concurrent writes, now
 * and then) is run again from the start, a few times, as Nova's database layer does: everything it did was
 * rolled back, and the work it runs only reads and writes through the stores. A nested call is not retried on its
 * own: the outermost one is.
 */
public final class JdbiTransactions implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiTransactions.class);
    /** Runs of one transaction at most: the first and its retries. */
    static final int ATTEMPTS = 4;

    private final Database database;
    private final ThreadLocal<Boolean> running = ThreadLocal.withInitial(() -> false);

    public JdbiTransactions(Database database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (running.get()) {
            return database.jdbi().inTransaction(handle -> work.get());
        }
        running.set(true);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return database.jdbi().inTransaction(handle -> work.get());
                } catch (RuntimeException e) {
                    if (attempt == ATTEMPTS || !StoreFailures.isDeadlock(e)) {
                        throw e;
                    }
                    LOG.info("A transaction was rolled back to break a deadlock; running it again ({} of {})",
                            attempt, ATTEMPTS - 1);
                    pause(attempt);
                }
            }
        } finally {
            running.remove();
        }
    }

    /** A short random wait, longer at each retry, so that the two sides of a deadlock do not meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
