package io.hyperstatus.core.hypervisors;

import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Which hypervisors the board lists: {@code text} is a case-insensitive substring of the hypervisor hostname or the
 * host, {@code zone} and {@code aggregate} (a name) match exactly; an empty part lets every hypervisor through.
 */
public record BoardFilter(Optional<String> text, Optional<ServiceState> state, Optional<ServiceStatus> status,
                          Optional<String> zone, Optional<String> aggregate) {
    public static final BoardFilter NONE = new BoardFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public BoardFilter {
        // A part not given is Optional.empty(), never null.
        for (Optional<?> part : Arrays.asList(text, state, status, zone, aggregate)) {
            Objects.requireNonNull(part, "a part of the filter is null");
        }
    }

    boolean matches(BoardEntry entry) {
        ComputeNode node = entry.hypervisor().node();
        return state.map(s -> s == entry.hypervisor().state()).orElse(true)
                && status.map(s -> s == entry.hypervisor().status()).orElse(true)
                && zone.map(entry.zone()::equals).orElse(true)
                && aggregate.map(entry.aggregates()::contains).orElse(true)
                && text.map(t -> containsIgnoringCase(node.hypervisorHostname(), t)
                        || containsIgnoringCase(node.host(), t)).orElse(true);
    }

    // Compared in place: lower-casing every hostname of a large cloud for each request would make as many strings.
    private static boolean containsIgnoringCase(String value, String part) {
        for (int i = 0; i + part.length() <= value.length(); i++) {
            if (value.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }
}
