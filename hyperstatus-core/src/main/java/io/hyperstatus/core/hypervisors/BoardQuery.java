package io.hyperstatus.core.hypervisors;

import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Which hypervisors the board lists and how: {@code text} is a case-insensitive substring of the hypervisor
 * hostname or the host, {@code zone} and {@code aggregate} (a name) are matched exactly; then sorted and paged.
 */
public record BoardQuery(Optional<String> text, Optional<ServiceState> state, Optional<ServiceStatus> status,
                         Optional<String> zone, Optional<String> aggregate, BoardSort sort, boolean descending,
                         int offset, int limit) {
    public BoardQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
    }

    /** Every hypervisor by hostname, the given page of them. */
    public static BoardQuery page(int offset, int limit) {
        return new BoardQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                BoardSort.HOSTNAME, false, offset, limit);
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

    Comparator<BoardEntry> order() {
        return sort.order(descending);
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
