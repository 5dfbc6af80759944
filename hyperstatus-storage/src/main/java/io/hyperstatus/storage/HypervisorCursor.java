package io.hyperstatus.storage;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.ToLongFunction;

/**
 * The hypervisors a query selects, read in batches in node id order: each batch is one short query for the rows after
 * the last id seen. A response of any size thus holds one batch in memory, and a database connection only while a
 * batch is read, not while a slow client takes the response. The database clock is read once, with the first batch,
 * so every hypervisor's state is decided at the same instant. Like paging, a cursor is not a snapshot: a row changed
 * while it runs is seen as it is when its batch is read.
 */
public final class HypervisorCursor<T> implements Iterator<T> {
    /** Reads up to {@code limit} rows after {@code afterId}; {@code now} is null for the first batch. */
    @FunctionalInterface
    interface BatchReader<T> {
        Batch<T> read(long afterId, int limit, Instant now);
    }

    record Batch<T>(List<T> rows, Instant now) {
        Batch {
            Objects.requireNonNull(rows, "rows");
            Objects.requireNonNull(now, "now");
        }
    }

    private final BatchReader<T> reader;
    private final ToLongFunction<T> idOf;
    private final int batchSize;
    private long afterId;
    private long remaining;
    private Instant now;
    private Iterator<T> current = List.<T>of().iterator();
    private boolean lastBatchRead;

    HypervisorCursor(BatchReader<T> reader, ToLongFunction<T> idOf, int batchSize, long afterId, OptionalInt limit) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.reader = Objects.requireNonNull(reader, "reader");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.batchSize = batchSize;
        this.afterId = afterId;
        this.remaining = limit.isPresent() ? limit.getAsInt() : Long.MAX_VALUE;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && !lastBatchRead) {
            readBatch();
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    private void readBatch() {
        int size = (int) Math.min(batchSize, remaining);
        if (size == 0) {
            lastBatchRead = true;
            return;
        }
        Batch<T> batch = reader.read(afterId, size, now);
        now = batch.now();
        List<T> rows = batch.rows();
        remaining -= rows.size();
        lastBatchRead = rows.size() < size || remaining == 0;
        if (!rows.isEmpty()) {
            afterId = idOf.applyAsLong(rows.get(rows.size() - 1));
        }
        current = rows.iterator();
    }
}
