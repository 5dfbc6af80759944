package io.hyperstatus.core;

/**
 * Strings as Python's {@code repr} prints them, because Nova's messages quote values that way and clients match
 * on those messages. Here in the application layer, so that its own messages and the HTTP layer's validation
 * messages quote alike.
 */
public final class PythonStrings {
    private PythonStrings() {
    }

    /** Python's {@code repr} of a string: single quotes unless the text has one and no double quote. */
    public static String repr(String text) {
        char quote = text.contains("'") && !text.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        // An unpaired surrogate is no character; Python shows its code point escaped.
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }
}
