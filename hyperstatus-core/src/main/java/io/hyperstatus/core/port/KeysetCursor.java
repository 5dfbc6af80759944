package io.hyperstatus.core.port;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;

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
    public interface BatchReader<T> {
        Batch<T> read(long afterId, int limit, Instant now);
    }

    /**
     * What one query gave: the values to list, the clock it used, and how many rows it read up to which id. A
     * reader may list fewer values than it read rows (filtered out, or gone meanwhile); the cursor moves on by
     * the rows read.
     */
    public record Batch<T>(List<T> values, Instant now, int rowsRead, long lastIdRead) {
        public Batch {
            Objects.requireNonNull(values, "values");
            Objects.requireNonNull(now, "now");
            if (rowsRead < values.size()) {
                throw new IllegalArgumentException("more values (" + values.size() + ") than rows read (" + rowsRead + ")");
            }
        }
    }

    private final BatchReader<T> reader;
    private final int batchSize;
    private final long firstAfterId;
    private final OptionalInt limit;
    private long afterId;
    private long remaining;
    private long rowsRead;
    private Instant now;
    private Iterator<T> current = List.<T>of().iterator();
    private boolean lastBatchRead;

    /** {@code limit}: at most this many rows are read (and so listed). */
    public KeysetCursor(BatchReader<T> reader, int batchSize, long afterId, OptionalInt limit) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.reader = Objects.requireNonNull(reader, "reader");
        this.batchSize = batchSize;
        this.firstAfterId = afterId;
        this.limit = limit;
        this.afterId = afterId;
        this.remaining = limit.isPresent() ? limit.getAsInt() : Long.MAX_VALUE;
    }

    @Override
    public boolean hasNext() {
        readUntilAValueOrTheEnd();
        return current.hasNext();
    }

    /**
     * Reads now what {@link #hasNext()} would read, without asking for the answer: e.g. the first batch before a
     * response starts, so that a database failure is a fault rather than a broken response.
     */
    public void readAhead() {
        readUntilAValueOrTheEnd();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /**
     * The same selection with each value turned into another by a function that also gets the database clock of
     * its batch: how the application layer applies a rule such as liveness to the rows a store reads, at the
     * instant the store read them. Only a cursor not read yet can be turned.
     */
    public <R> KeysetCursor<R> withClock(BiFunction<? super T, Instant, ? extends R> function) {
        Objects.requireNonNull(function, "function");
        if (rowsRead > 0 || lastBatchRead) {
            throw new IllegalStateException("the cursor has been read already");
        }
        BatchReader<R> mapped = (after, size, knownNow) -> {
            Batch<T> batch = reader.read(after, size, knownNow);
            List<R> values = new ArrayList<>(batch.values().size());
            for (T value : batch.values()) {
                values.add(function.apply(value, batch.now()));
            }
            return new Batch<>(values, batch.now(), batch.rowsRead(), batch.lastIdRead());
        };
        return new KeysetCursor<>(mapped, batchSize, firstAfterId, limit);
    }

    /** The database clock the batches were read by: empty until the first batch is read. */
    public Optional<Instant> now() {
        return Optional.ofNullable(now);
    }

    /** How many rows the batches read so far: a limited cursor that read its limit may have more rows after it. */
    public long rowsRead() {
        return rowsRead;
    }

    private void readUntilAValueOrTheEnd() {
        while (!current.hasNext() && !lastBatchRead) {
            readBatch();
        }
    }

    private void readBatch() {
        int size = (int) Math.min(batchSize, remaining);
        if (size == 0) {
            lastBatchRead = true;
            return;
        }
        Batch<T> batch = reader.read(afterId, size, now);
        now = batch.now();
        remaining -= batch.rowsRead();
        rowsRead += batch.rowsRead();
        lastBatchRead = batch.rowsRead() < size || remaining == 0;
        if (batch.rowsRead() > 0) {
            afterId = batch.lastIdRead();
        }
        current = batch.values().iterator();
    }
}
