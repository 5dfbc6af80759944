package io.hyperstatus.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroversionTest {
    @Test
    void versionsAreOrderedNumericallyNotAsText() {
        List<Microversion> versions = new ArrayList<>(List.of(Microversion.parse("2.100"), Microversion.parse("2.10"),
                Microversion.parse("3.0"), Microversion.parse("2.9"), Microversion.parse("2.1")));
        versions.sort(null);
        assertThat(versions).extracting(Microversion::toString).containsExactly("2.1", "2.9", "2.10", "2.100", "3.0");
    }

    @Test
    void atLeastAndBelowCompareWithTheGivenVersionIncludedInAtLeast() {
        Microversion v = Microversion.parse("2.53");
        assertThat(v.atLeast(Microversion.UUIDS)).isTrue();
        assertThat(v.atLeast(Microversion.parse("2.54"))).isFalse();
        assertThat(v.below(Microversion.parse("2.54"))).isTrue();
        assertThat(v.below(Microversion.UUIDS)).isFalse();
    }

    @Test
    void parseReadsMajorAndMinorAndToleratesSurroundingBlanks() {
        assertThat(Microversion.parse(" 2.53 ")).isEqualTo(new Microversion(2, 53));
        assertThat(Microversion.parse("2.0")).isEqualTo(new Microversion(2, 0));
        assertThat(new Microversion(2, 53)).hasToString("2.53");
    }

    @Test
    void parseRefusesAnythingButMajorDotMinorSayingTheFormExpected() {
        for (String bad : new String[] {"2", "2.", ".1", "2.01", "02.1", "2.1.1", "v2.1", "latest", ""}) {
            assertThatThrownBy(() -> Microversion.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("invalid microversion '" + bad + "': must be of the form 2.53");
        }
        assertThatThrownBy(() -> Microversion.parse(null)).hasMessage("invalid microversion 'null': must be of the form 2.53");
    }

    @Test
    void parseOrNullReadsTheExactTextAndGivesNullForAnythingElse() {
        assertThat(Microversion.parseOrNull("2.60")).isEqualTo(new Microversion(2, 60));
        assertThat(Microversion.parseOrNull(" 2.60")).isNull();
        assertThat(Microversion.parseOrNull("2.060")).isNull();
        assertThat(Microversion.parseOrNull("two.one")).isNull();
    }

    @Test
    void aNumberTooLargeForAnIntReadsAsTheLargestVersion() {
        assertThat(Microversion.parseOrNull("2.99999999999")).isEqualTo(new Microversion(Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void negativeNumbersAreNotVersions() {
        assertThatThrownBy(() -> new Microversion(2, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
