package io.hyperstatus.core.zones;

import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How many services (or hypervisors) there are per zone, binary, state and status: the one count behind the
 * metrics' {@code hyperstatus_services} and the zone summary of hyperstatus's API. Not thread-safe: one count is
 * made by one reader.
 */
public final class StateCounts {
    /** Sorted by zone, binary, then state and status by their wire names ("down" before "up"). */
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::zone).thenComparing(Key::binary)
            .thenComparing(key -> key.state().wireName()).thenComparing(key -> key.status().wireName());

    /** One cell of the count; {@link #add} checks its parts. */
    public record Key(String zone, String binary, ServiceState state, ServiceStatus status) {
    }

    // Counted in a hash map and sorted when asked: a large cloud has few keys, and many services to count.
    private final Map<Key, Integer> tally = new HashMap<>();

    public void add(String zone, String binary, ServiceState state, ServiceStatus status) {
        Key key = new Key(Objects.requireNonNull(zone, "zone"), Objects.requireNonNull(binary, "binary"),
                Objects.requireNonNull(state, "state"), Objects.requireNonNull(status, "status"));
        tally.merge(key, 1, Integer::sum);
    }

    /** The non-zero counts, in the order of {@link #ORDER}. */
    public SortedMap<Key, Integer> sorted() {
        SortedMap<Key, Integer> sorted = new TreeMap<>(ORDER);
        sorted.putAll(tally);
        return sorted;
    }
}
