package io.hyperstatus.server.api.microversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.error.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroversionNegotiatorTest {
    private final MicroversionNegotiator negotiator = new MicroversionNegotiator();

    private Microversion negotiate(List<String> header, List<String> legacy) {
        return negotiator.negotiate(header, legacy);
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(Microversion.parse("2.9")).isLessThan(Microversion.parse("2.10"));
        assertThat(Microversion.parse("2.10")).isLessThan(Microversion.parse("2.100"));
    }

    @Test
    void noHeaderMeansTheMinimumAndLatestTheMaximum() {
        assertThat(negotiate(List.of(), List.of())).isEqualTo(Microversion.parse("2.1"));
        assertThat(negotiate(List.of("compute latest"), List.of())).isEqualTo(Microversion.parse("2.104"));
        assertThat(negotiate(List.of(), List.of("latest"))).isEqualTo(Microversion.parse("2.104"));
    }

    @Test
    void newHeaderWinsAndItsLastComputeEntryCounts() {
        assertThat(negotiate(List.of("compute 2.53"), List.of("2.1"))).isEqualTo(Microversion.parse("2.53"));
        assertThat(negotiate(List.of("compute 2.53, compute 2.1"), List.of())).isEqualTo(Microversion.parse("2.1"));
        assertThat(negotiate(List.of("COMPUTE 2.60, placement 1.2"), List.of())).isEqualTo(Microversion.parse("2.60"));
    }

    @Test
    void newHeaderWithoutAComputeEntryIsIgnored() {
        assertThat(negotiate(List.of("volume 3.0"), List.of("2.11"))).isEqualTo(Microversion.parse("2.11"));
        assertThat(negotiate(List.of("2.53"), List.of())).isEqualTo(Microversion.parse("2.1"));
        assertThat(negotiate(List.of("compute"), List.of())).isEqualTo(Microversion.parse("2.1"));
    }

    @Test
    void malformedVersionIsABadRequest() {
        for (String bad : List.of("2.x", "2.01", "Latest", "v2.1", "2", "2.1.1", "-2.1")) {
            assertThatThrownBy(() -> negotiate(List.of("compute " + bad), List.of()))
                    .isInstanceOf(ApiException.class)
                    .hasMessage("API Version String " + bad + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
    }

    @Test
    void versionOutsideTheServedRangeIsNotAcceptable() {
        for (String outside : List.of("2.0", "2.105", "2.999", "3.0", "1.1")) {
            assertThatThrownBy(() -> negotiate(List.of(), List.of(outside)))
                    .isInstanceOf(MicroversionNegotiator.NotAcceptable.class)
                    .hasMessage("Version " + outside + " is not supported by the API. Minimum is 2.1 and maximum is 2.104.");
        }
    }
}
