package io.hyperstatus.domain;

import java.util.OptionalInt;

/**
 * The text every supported database stores as it is: any Unicode text but U+0000 (PostgreSQL's text types refuse
 * it) and unpaired UTF-16 surrogates (not characters at all: no UTF-8 encoding exists for them, and the drivers
 * would store a replacement). One rule for the three databases, so a value is either stored the same way on each
 * or refused on each.
 */
public final class StorableText {
    private StorableText() {
    }

    public static boolean isStorable(String text) {
        return firstUnstorable(text).isEmpty();
    }

    /** The index (in UTF-16 units) of the first character the rule refuses, if any. */
    public static OptionalInt firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return OptionalInt.of(i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return OptionalInt.of(i);
            }
            if (Character.isLowSurrogate(c)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** How the refused character at {@code index} is named in answers: {@code U+0000}, {@code U+D800}. */
    public static String codePointName(String text, int index) {
        return String.format("U+%04X", (int) text.charAt(index));
    }
}
