package io.hyperstatus.core.hypervisors;

import java.util.Comparator;
import java.util.Objects;

/** What the board lists (the filter), in which order, and which page of it. */
public record BoardQuery(BoardFilter filter, BoardSort sort, boolean descending, int offset, int limit) {
    public BoardQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1: " + offset + ", " + limit);
        }
    }

    /** Every hypervisor by hostname, the given page of them. */
    public static BoardQuery page(int offset, int limit) {
        return new BoardQuery(BoardFilter.NONE, BoardSort.HOSTNAME, false, offset, limit);
    }

    Comparator<BoardEntry> order() {
        return sort.order(descending);
    }
}
