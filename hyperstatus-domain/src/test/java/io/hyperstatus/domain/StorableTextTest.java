package io.hyperstatus.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorableTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "rack 12", "Zürich", "東京", "\uD83D\uDD27 wrench", "tab\tand\nnewline", "\u007f\u0085\uFFFE"})
    void anyUnicodeTextButTheRefusedCharactersIsStorable(String text) {
        assertThat(StorableText.isStorable(text)).isTrue();
        assertThat(StorableText.firstUnstorable(text)).isEmpty();
    }

    @Test
    void aNulIsRefusedWhereverItIs() {
        assertThat(StorableText.firstUnstorable("\u0000")).isEqualTo(OptionalInt.of(0));
        assertThat(StorableText.firstUnstorable("ab\u0000cd")).isEqualTo(OptionalInt.of(2));
        assertThat(StorableText.codePointName("ab\u0000cd", 2)).isEqualTo("U+0000");
    }

    @Test
    void anUnpairedSurrogateIsRefusedButAPairIsOne() {
        assertThat(StorableText.firstUnstorable("x\uD800")).isEqualTo(OptionalInt.of(1));
        assertThat(StorableText.firstUnstorable("x\uD800y")).isEqualTo(OptionalInt.of(1));
        assertThat(StorableText.firstUnstorable("\uDC00\uD800")).isEqualTo(OptionalInt.of(0));
        assertThat(StorableText.firstUnstorable("\uD83D\uDD27\uDD27")).isEqualTo(OptionalInt.of(2));
        assertThat(StorableText.codePointName("x\uDFFF", 1)).isEqualTo("U+DFFF");
    }
}
