package io.hyperstatus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default of {@code [DEFAULT] host}. */
class MachineHostNameTest {
    @Test
    void theMachinesNameIsUsedWhetherOrNotItResolves() {
        assertThat(MachineHostName.determine(List.of(reasons -> Optional.of("compute-07.invalid\n"))))
                .isEqualTo("compute-07.invalid");
    }

    @Test
    void theFirstSourceWithANameWins() {
        List<String> asked = new ArrayList<>();
        String name = MachineHostName.determine(List.of(
                reasons -> {
                    asked.add("kernel");
                    reasons.add("no kernel here");
                    return Optional.empty();
                },
                reasons -> {
                    asked.add("lookup");
                    return Optional.of("api-1");
                },
                reasons -> {
                    asked.add("never");
                    return Optional.of("other");
                }));
        assertThat(name).isEqualTo("api-1");
        assertThat(asked).containsExactly("kernel", "lookup");
    }

    @Test
    void withoutAnyNameItFallsBackToLocalhost() {
        assertThat(MachineHostName.determine(List.of(reasons -> Optional.of("  "), reasons -> Optional.empty())))
                .isEqualTo("localhost");
    }

    @Test
    void theDefaultHostIsTheMachinesName() {
        assertThat(HyperstatusConfig.defaults().host()).isEqualTo(MachineHostName.determine()).isNotBlank();
        assertThat(HyperstatusConfig.parse("[DEFAULT]\nhost =\n").host()).isEqualTo(MachineHostName.determine());
    }
}
