package io.hyperstatus.config;

import java.util.Objects;

/**
 * What an option is when the file does not set it: a value written as it would be in the file, a value worked out
 * when the configuration is read (from another option or the machine), or nothing, the option being required in
 * some setups. The last two carry the words the sample and the README show.
 */
public sealed interface OptionDefault {
    /** The default as the sample file and the README show it. */
    String text();

    /** A fixed default, written as in the file and read by the option's own type, so that it is validated too. */
    record Literal(String text) implements OptionDefault {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Worked out when the configuration is read, e.g. from {@code state_path} or the machine's host name;
     * {@code text} says how.
     */
    record Computed(String text) implements OptionDefault {
        public Computed {
            requireWords(text);
        }
    }

    /** No default: the option must be set when {@code when} holds, and is not read otherwise. */
    record Required(String when) implements OptionDefault {
        public Required {
            requireWords(when);
        }

        @Override
        public String text() {
            return "(required " + when + ")";
        }
    }

    private static void requireWords(String words) {
        if (words == null || words.isBlank()) {
            throw new IllegalArgumentException("a default without a value needs words saying what it is");
        }
    }
}
