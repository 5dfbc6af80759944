package io.hyperstatus.core.hypervisors;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A page of the board: its hypervisors, how many match the filters in all, and the database clock they were judged by. */
public record BoardPage(List<BoardEntry> hypervisors, int total, Instant now) {
    public BoardPage {
        hypervisors = List.copyOf(hypervisors);
        Objects.requireNonNull(now, "now");
        if (total < hypervisors.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the page's " + hypervisors.size());
        }
    }
}
