package io.hyperstatus.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimeTest {
    @ParameterizedTest
    @CsvSource({
        "2026-12-01T15:00:00Z,          2026-12-01T15:00:00Z",
        "2026-12-01T16:30:00+01:30,     2026-12-01T15:00:00Z",
        "2026-12-01T15:00:00.123456,    2026-12-01T15:00:00.123456Z",
        "2026-12-01,                    2026-12-01T00:00:00Z"})
    void anOffsetTimeALocalTimeInUtcOrADateAtItsMidnightUtc(String text, String instant) {
        assertThat(IsoTime.parse(text)).contains(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01T00:00:00Z", "2026-12-01 15:00:00", "", "1733065200"})
    void anythingElseIsNoTime(String text) {
        assertThat(IsoTime.parse(text)).isEmpty();
    }
}
