package io.hyperstatus.storage;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The rows a listing selects, read in batches in id order: each batch is one short query for the rows after the last
 * id seen. A response of any size thus holds one batch in memory, and a database connection only while a batch is
 * read, not while a slow client takes the response. The database clock is read once, with the first batch, so every
 * row's state is decided at the same instant. Like paging, a cursor is not a snapshot: a row changed while it runs
 * is seen as it is when its batch is read.
 */
public final class KeysetCursor<T> implements Iterator<T> {
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
    private final Predicate<T> keep;
    private long afterId;
    private long remaining;
    private Instant now;
    private Iterator<T> current = List.<T>of().iterator();
    private boolean lastBatchRead;

    KeysetCursor(BatchReader<T> reader, ToLongFunction<T> idOf, int batchSize, long afterId, OptionalInt limit) {
        this(reader, idOf, batchSize, afterId, limit.isPresent() ? limit.getAsInt() : Long.MAX_VALUE, row -> true);
    }

    private KeysetCursor(BatchReader<T> reader, ToLongFunction<T> idOf, int batchSize, long afterId, long remaining,
                         Predicate<T> keep) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.reader = Objects.requireNonNull(reader, "reader");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.batchSize = batchSize;
        this.afterId = afterId;
        this.remaining = remaining;
        this.keep = Objects.requireNonNull(keep, "keep");
    }

    /**
     * The same rows without those the predicate refuses, for conditions SQL cannot state exactly. Batches still
     * advance over every row read, so a limit counts rows read, not rows kept.
     */
    KeysetCursor<T> filtered(Predicate<T> predicate) {
        return new KeysetCursor<>(reader, idOf, batchSize, afterId, remaining, keep.and(predicate));
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
        current = rows.stream().filter(keep).iterator();
    }
}
