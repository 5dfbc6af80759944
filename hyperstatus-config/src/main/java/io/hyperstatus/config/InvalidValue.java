package io.hyperstatus.config;

import java.util.Optional;

/**
 * Thrown by a {@link ValueType} that refuses a value; {@link Option} turns it into the {@link ConfigException} that
 * names the option, so that every such message is worded in one place.
 */
final class InvalidValue extends RuntimeException {
    private final Optional<String> value;
    private final String why;

    /** {@code value}: the part of the text refused (an item of a list), quoted in the message. */
    InvalidValue(String value, String why) {
        this(Optional.of(value), why);
    }

    /** Refuses the value as a whole, e.g. an empty list: the message says why without quoting it. */
    static InvalidValue unquoted(String why) {
        return new InvalidValue(Optional.empty(), why);
    }

    private InvalidValue(Optional<String> value, String why) {
        super(why, null, false, false);
        this.value = value;
        this.why = why;
    }

    Optional<String> value() {
        return value;
    }

    String why() {
        return why;
    }
}
