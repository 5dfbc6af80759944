package io.hyperstatus.config;

import java.util.Optional;

/**
 * How an option's text is read and checked. {@link #parse} gets the text as written (without surrounding blanks)
 * and throws {@link InvalidValue} saying why it is refused; the sample and the README show {@link #name} and
 * {@link #range}.
 */
public interface ValueType<T> {
    T parse(String text);

    /** In words: "integer", "seconds", "http(s) URL"... */
    String name();

    /** The values allowed, in words, when not every value of {@link #name} is; by default every value is. */
    default Optional<String> range() {
        return Optional.empty();
    }
}
