package io.hyperstatus.core;

import java.util.ArrayList;
import java.util.List;

/** A list in consecutive pieces, for work done a bounded number of items at a time (a transaction, an IN list). */
public final class Chunks {
    private Chunks() {
    }

    /** The pieces of {@code items}, in order, each of at most {@code size} items: views of the list, not copies. */
    public static <T> List<List<T>> of(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunks of " + size);
        }
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}
