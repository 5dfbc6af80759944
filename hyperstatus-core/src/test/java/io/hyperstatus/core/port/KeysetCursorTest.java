package io.hyperstatus.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {
    private static final Instant CLOCK = Instant.parse("2026-11-25T12:00:00Z");

    /** Rows with the given ids; records each batch read as "afterId+limit" and the clock it was given. */
    private static final class Rows implements KeysetCursor.BatchReader<Long> {
        final List<Long> ids;
        final List<String> reads = new ArrayList<>();
        final List<Instant> clocksGiven = new ArrayList<>();

        Rows(long... ids) {
            this.ids = LongStream.of(ids).boxed().toList();
        }

        @Override
        public KeysetCursor.Batch<Long> read(long afterId, int limit, Instant now) {
            reads.add(afterId + "+" + limit);
            clocksGiven.add(now);
            List<Long> batch = ids.stream().filter(id -> id > afterId).limit(limit).toList();
            return new KeysetCursor.Batch<>(batch, now != null ? now : CLOCK, batch.size(),
                    batch.isEmpty() ? afterId : batch.get(batch.size() - 1));
        }
    }

    private static List<Long> drain(Iterator<Long> cursor) {
        List<Long> seen = new ArrayList<>();
        cursor.forEachRemaining(seen::add);
        return seen;
    }

    @Test
    void readsEveryRowInBatchesAfterTheLastIdSeen() {
        Rows rows = new Rows(3, 5, 8, 13, 21, 34, 55);
        var cursor = new KeysetCursor<>(rows, 3, Long.MIN_VALUE, OptionalInt.empty());

        assertThat(drain(cursor)).containsExactly(3L, 5L, 8L, 13L, 21L, 34L, 55L);
        assertThat(rows.reads).containsExactly(Long.MIN_VALUE + "+3", "8+3", "34+3");
    }

    @Test
    void readsTheDatabaseClockOnceAndGivesItToLaterBatches() {
        Rows rows = new Rows(1, 2, 3, 4, 5);
        drain(new KeysetCursor<>(rows, 2, 0, OptionalInt.empty()));

        assertThat(rows.clocksGiven).containsExactly(null, CLOCK, CLOCK);
    }

    @Test
    void aFullLastBatchNeedsOneMoreReadToKnowItWasTheLast() {
        Rows rows = new Rows(1, 2, 3, 4);
        assertThat(drain(new KeysetCursor<>(rows, 2, 0, OptionalInt.empty()))).hasSize(4);
        assertThat(rows.reads).containsExactly("0+2", "2+2", "4+2");
    }

    @Test
    void aLimitStopsTheCursorAndShrinksTheLastBatch() {
        Rows rows = new Rows(1, 2, 3, 4, 5, 6, 7, 8, 9);
        var cursor = new KeysetCursor<>(rows, 4, 2, OptionalInt.of(5));

        assertThat(drain(cursor)).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(rows.reads).containsExactly("2+4", "6+1");
    }

    @Test
    void aLimitOfZeroReadsNothing() {
        Rows rows = new Rows(1, 2);
        var cursor = new KeysetCursor<>(rows, 10, 0, OptionalInt.of(0));

        assertThat(cursor.hasNext()).isFalse();
        assertThat(rows.reads).isEmpty();
    }

    @Test
    void anEmptySelectionIsOneReadAndThenExhausted() {
        Rows rows = new Rows();
        var cursor = new KeysetCursor<>(rows, 10, 0, OptionalInt.empty());

        assertThat(cursor.hasNext()).isFalse();
        assertThat(cursor.hasNext()).isFalse();
        assertThat(rows.reads).containsExactly("0+10");
        assertThatThrownBy(cursor::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> new KeysetCursor<>(new Rows(), 0, 0, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchListingFewerValuesThanItReadStillMovesPastEveryRowRead() {
        List<String> reads = new ArrayList<>();
        List<Long> ids = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        KeysetCursor.BatchReader<Long> multiplesOfThree = (afterId, limit, now) -> {
            reads.add(afterId + "+" + limit);
            List<Long> read = ids.stream().filter(id -> id > afterId).limit(limit).toList();
            return new KeysetCursor.Batch<>(read.stream().filter(id -> id % 3 == 0).toList(), CLOCK, read.size(),
                    read.isEmpty() ? afterId : read.get(read.size() - 1));
        };

        var cursor = new KeysetCursor<>(multiplesOfThree, 3, 0, OptionalInt.empty());
        assertThat(drain(cursor)).containsExactly(3L, 6L);
        assertThat(reads).containsExactly("0+3", "3+3", "6+3");
        assertThat(cursor.rowsRead()).isEqualTo(7);
    }

    @Test
    void aBatchCannotListMoreValuesThanItReadRows() {
        assertThatThrownBy(() -> new KeysetCursor.Batch<>(List.of(1L, 2L), CLOCK, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTurnedCursorGivesEachValueTheClockOfItsBatchAndPagesAsTheOriginal() {
        Rows rows = new Rows(1, 2, 3);
        KeysetCursor<String> turned = new KeysetCursor<>(rows, 2, 1, OptionalInt.of(5))
                .withClock((id, now) -> id + "@" + now);

        List<String> seen = new ArrayList<>();
        turned.forEachRemaining(seen::add);

        assertThat(seen).containsExactly("2@" + CLOCK, "3@" + CLOCK);
        assertThat(rows.reads).containsExactly("1+2", "3+2");
        assertThat(turned.rowsRead()).isEqualTo(2);
    }

    @Test
    void aCursorAlreadyReadCannotBeTurned() {
        KeysetCursor<Long> cursor = new KeysetCursor<>(new Rows(1, 2), 1, Long.MIN_VALUE, OptionalInt.empty());
        cursor.next();

        assertThatThrownBy(() -> cursor.withClock((id, now) -> id)).isInstanceOf(IllegalStateException.class);
    }
}
