package io.hyperstatus.domain;

/**
 * A node-report figure an agent may leave out, in which case it follows from the others (see
 * {@link NodeReport#withDefaults}). A figure that is given may still be null: the agent says it does not know it,
 * which is not the same as leaving it out.
 */
public record Reported<T>(boolean given, T value) {
    private static final Reported<?> LEFT_OUT = new Reported<>(false, null);

    public Reported {
        if (!given && value != null) {
            throw new IllegalArgumentException("a figure left out has no value");
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> Reported<T> leftOut() {
        return (Reported<T>) LEFT_OUT;
    }

    /** A given figure; {@code value} may be null (unknown). */
    public static <T> Reported<T> of(T value) {
        return new Reported<>(true, value);
    }

    /** The given value (possibly null), else {@code derived}. */
    public T orElse(T derived) {
        return given ? value : derived;
    }
}
