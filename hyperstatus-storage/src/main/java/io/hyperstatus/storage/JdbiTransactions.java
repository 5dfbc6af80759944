package io.hyperstatus.storage;

import io.hyperstatus.core.StoreUnavailableException;
import io.hyperstatus.core.port.Transactions;
import java.time.Duration;
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
 * <p>A transaction the database rolls back to break a deadlock (MariaDB under concurrent writes, PostgreSQL's
 * serialization failures, and on Galera every write-set that lost certification to another node's, reported at
 * COMMIT) is run again from the start, as oslo.db's {@code wrap_db_retry} does for Nova: everything it did was
 * rolled back, and the work it runs only reads and writes through the stores. The pauses grow exponentially with
 * a random part (so that the two sides do not meet again), are capped, and the retries stop after
 * {@link #ATTEMPTS} runs or once {@link #RETRY_BUDGET} has passed; then the caller gets a
 * {@link StoreUnavailableException} (the API's 503: the request may succeed when repeated). A nested call is not
 * retried on its own: the outermost one is.
 */
public final class JdbiTransactions implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiTransactions.class);
    /** Runs of one transaction at most: the first and its retries. */
    static final int ATTEMPTS = 10;
    /** The first pause's upper bound; each next one doubles, up to {@link #LONGEST_PAUSE}. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    static final Duration LONGEST_PAUSE = Duration.ofMillis(250);
    /** No retry starts after this long since the first run began: a request is answered within a few seconds. */
    static final Duration RETRY_BUDGET = Duration.ofSeconds(2);

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
            long deadline = System.nanoTime() + RETRY_BUDGET.toNanos();
            for (int attempt = 1; ; attempt++) {
                try {
                    return database.jdbi().inTransaction(handle -> work.get());
                } catch (RuntimeException e) {
                    if (!StoreFailures.isDeadlock(e)) {
                        throw e;
                    }
                    Duration pause = pause(attempt);
                    if (attempt == ATTEMPTS || System.nanoTime() + pause.toNanos() - deadline > 0) {
                        LOG.warn("A transaction was rolled back for a conflict {} times in a row; giving up", attempt);
                        throw e instanceof StoreUnavailableException ? e : new StoreUnavailableException(e);
                    }
                    LOG.info("A transaction was rolled back for a conflict (a deadlock, or a Galera write-set that"
                            + " lost certification); running it again in {} ms ({} of {})", pause.toMillis(),
                            attempt, ATTEMPTS - 1);
                    sleep(pause);
                }
            }
        } finally {
            running.remove();
        }
    }

    /**
     * The wait before run {@code attempt + 1}: between half of and the whole of {@code FIRST_PAUSE * 2^(attempt-1)},
     * capped at {@link #LONGEST_PAUSE}.
     */
    static Duration pause(int attempt) {
        long ceiling = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
