package io.hyperstatus.core.events;

import io.hyperstatus.core.port.Transactions;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Transactions that signal once the work has committed (a change, and the events it wrote): the log's follower
 * then reads the new events at once instead of at its next look. A rolled-back transaction signals nothing.
 */
public final class CommitSignalingTransactions implements Transactions {
    private final Transactions transactions;
    private final Runnable committed;

    public CommitSignalingTransactions(Transactions transactions, Runnable committed) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.committed = Objects.requireNonNull(committed, "committed");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        T result = transactions.inTransaction(work);
        committed.run();
        return result;
    }
}
