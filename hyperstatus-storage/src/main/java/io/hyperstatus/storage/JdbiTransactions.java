package io.hyperstatus.storage;

import io.hyperstatus.core.port.Transactions;
import java.util.function.Supplier;

/**
 * Transactions of the Jdbi stores. The stores open their handles with {@code Jdbi.withHandle}/{@code inTransaction},
 * and Jdbi hands a call made while the thread already holds an open handle that same handle (its thread-scoped
 * handle supplier), and runs a nested {@code inTransaction} inside the open transaction. So every store call made
 * inside {@link #inTransaction} is part of one transaction (JdbiTransactionsTest shows it).
 */
public final class JdbiTransactions implements Transactions {
    private final Database database;

    public JdbiTransactions(Database database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return database.jdbi().inTransaction(handle -> work.get());
    }
}
