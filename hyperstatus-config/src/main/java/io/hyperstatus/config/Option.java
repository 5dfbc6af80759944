package io.hyperstatus.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One option, declared once: where it is in the file, how its text is read and checked, its default and what it
 * is for. Reading, validating and the message that names a refused option all go through here; the sample file
 * and the README's table are printed from the same declaration.
 *
 * @param blankIsUnset whether {@code name =} with nothing after it means the default rather than an empty value
 */
public record Option<T>(String section, String name, ValueType<T> type, OptionDefault defaultValue, String help,
                        boolean blankIsUnset) {
    public Option {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (help == null || help.isBlank()) {
            throw new IllegalArgumentException("option [" + section + "] " + name + " needs help text");
        }
        if (defaultValue instanceof OptionDefault.Literal literal) {
            // A default the option itself would refuse is a mistake in the declaration: fail when it is made.
            try {
                type.parse(literal.text());
            } catch (InvalidValue e) {
                throw new IllegalArgumentException("the default of [" + section + "] " + name + " is invalid: "
                        + e.getMessage(), e);
            }
        }
    }

    /** An option with a fixed default, written as it would be in the file. */
    static <T> Option<T> of(String section, String name, ValueType<T> type, String defaultText, String help) {
        return new Option<>(section, name, type, new OptionDefault.Literal(defaultText), help, false);
    }

    /** An option whose default is worked out when the configuration is read; {@code description} says how. */
    static <T> Option<T> computed(String section, String name, ValueType<T> type, String description, String help) {
        return new Option<>(section, name, type, new OptionDefault.Computed(description), help, false);
    }

    /** An option without default that must be set {@code when} something holds. */
    static <T> Option<T> required(String section, String name, ValueType<T> type, String when, String help) {
        return new Option<>(section, name, type, new OptionDefault.Required(when), help, true);
    }

    /** The same option, with {@code name =} (nothing after it) meaning the default. */
    Option<T> blankMeansDefault() {
        return new Option<>(section, name, type, defaultValue, help, true);
    }

    /** The typed fixed default, if the option has one. */
    Optional<T> literalDefault() {
        return defaultValue instanceof OptionDefault.Literal literal ? Optional.of(type.parse(literal.text()))
                : Optional.empty();
    }

    /** Reads the text found in the file; a refusal names this option. */
    T parse(String text) {
        try {
            return type.parse(text);
        } catch (InvalidValue e) {
            throw e.value().map(value -> invalid(value, e.why())).orElseGet(() -> invalidBecause(e.why()));
        }
    }

    /** "Invalid value for option [section] name: 'value' why". */
    ConfigException invalid(String value, String why) {
        return invalidBecause("'" + value + "' " + why);
    }

    /** "Invalid value for option [section] name: " and the reason, for reasons that are not about one value. */
    ConfigException invalidBecause(String reason) {
        return new ConfigException("Invalid value for option " + this + ": " + reason);
    }

    /** "[section] name", as messages and the documentation write an option. */
    @Override
    public String toString() {
        return "[" + section + "] " + name;
    }
}
