package io.hyperstatus.core.testing;

import io.hyperstatus.core.port.Transactions;
import java.util.function.Supplier;

/** Runs work as it is, and knows whether a transaction is open (so tests can see events published inside one). */
public final class TestingTransactions implements Transactions {
    private int open;
    private int opened;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        open++;
        opened++;
        try {
            return work.get();
        } finally {
            open--;
        }
    }

    public boolean isOpen() {
        return open > 0;
    }

    public int opened() {
        return opened;
    }
}
