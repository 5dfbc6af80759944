package io.hyperstatus.core.aggregates;

import io.hyperstatus.core.PythonStrings;
import io.hyperstatus.core.port.AggregateStore;
import io.hyperstatus.domain.Aggregate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nova's {@code is_safe_to_update_az}: a change of an aggregate's availability zone may not empty the zone, may
 * not put a host in two zones (another aggregate of one of the hosts has another zone), and, when instances are
 * checked, may not move hosts that have instances to a new zone.
 */
final class AvailabilityZoneRule {
    private final AggregateStore store;

    AvailabilityZoneRule(AggregateStore store) {
        this.store = store;
    }

    /** Why the metadata may not be applied to the aggregate with these hosts, or empty when it may. */
    Optional<String> refusal(Aggregate aggregate, Map<String, String> metadata, List<String> hosts,
                             boolean checkInstances) {
        if (!metadata.containsKey(Aggregate.AVAILABILITY_ZONE)) {
            return Optional.empty();
        }
        String zone = metadata.get(Aggregate.AVAILABILITY_ZONE);
        if (zone == null || zone.isEmpty()) {
            return Optional.of("Aggregate " + aggregate.name() + " does not support empty named availability zone");
        }
        List<String> conflicting = new ArrayList<>();
        for (Aggregate other : store.list()) {
            String otherZone = other.availabilityZone();
            if (otherZone != null && other.id() != aggregate.id() && !otherZone.equals(zone)
                    && other.hosts().stream().anyMatch(hosts::contains)) {
                conflicting.add(otherZone);
            }
        }
        if (!conflicting.isEmpty()) {
            return Optional.of("One or more hosts already in availability zone(s) " + pythonList(conflicting));
        }
        if (checkInstances && !zone.equals(aggregate.availabilityZone()) && store.instanceCount(hosts) > 0) {
            return Optional.of("One or more hosts contain instances in this zone");
        }
        return Optional.empty();
    }

    /** A list of strings as Python prints it, since Nova's message shows one. */
    private static String pythonList(List<String> values) {
        List<String> quoted = values.stream().map(PythonStrings::repr).toList();
        return "[" + String.join(", ", quoted) + "]";
    }
}
