package io.hyperstatus.core.hypervisors;

import io.hyperstatus.domain.Hypervisor;
import java.util.List;
import java.util.Objects;

/** One hypervisor as the board shows it: with its zone and the names of its host's aggregates, sorted. */
public record BoardEntry(Hypervisor hypervisor, String zone, List<String> aggregates) {
    public BoardEntry {
        Objects.requireNonNull(hypervisor, "hypervisor");
        Objects.requireNonNull(zone, "zone");
        aggregates = List.copyOf(aggregates);
    }
}
