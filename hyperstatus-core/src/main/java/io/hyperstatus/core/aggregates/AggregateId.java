package io.hyperstatus.core.aggregates;

import java.util.Objects;

/** An aggregate's id as the request gave it: its value, and its text, which Nova's not-found answers quote. */
public record AggregateId(long value, String asGiven) {
    public AggregateId {
        Objects.requireNonNull(asGiven, "asGiven");
    }

    public static AggregateId of(long value) {
        return new AggregateId(value, Long.toString(value));
    }
}
