package io.hyperstatus.core.port;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction. The application layer opens one around every change of a service: the
 * read of the row as it was, the write, and the event the change produces are all inside it. The stores do not
 * take a transaction as an argument: each store call made while one is open on the thread joins it (the Jdbi
 * implementation relies on Jdbi reusing the thread's open handle in nested calls), so an event sink that writes
 * to the same database stores each event in the same transaction as its change, and a failure of either rolls
 * back both. Work that throws rolls the transaction back; the exception reaches the caller unchanged.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /** For fakes and for stores without a database: the work runs as it is. */
    static Transactions none() {
        return Supplier::get;
    }
}
