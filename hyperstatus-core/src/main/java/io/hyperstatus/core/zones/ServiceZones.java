package io.hyperstatus.core.zones;

import io.hyperstatus.domain.Service;
import io.hyperstatus.core.port.AggregateStore;
import java.util.Map;
import java.util.SortedSet;

/**
 * The availability zone of each service, as Nova's {@code set_availability_zones} gives it: for nova-compute the
 * {@code availability_zone} metadata of the aggregates its host is in, comma-joined when there are several (Nova
 * joins a Python set, in no stable order; here they are sorted), else {@code [DEFAULT] default_availability_zone};
 * for other binaries {@code internal_service_availability_zone}.
 */
public record ServiceZones(AggregateStore aggregates, String computeZone, String internalZone) {
    /** One service's zone as it is now: a nova-compute service's needs a read of its host's aggregates. */
    public String zoneOf(Service service) {
        return service.isCompute() ? computeZone(aggregates.zonesOf(service.host())) : internalZone;
    }

    /** A compute host's zone, given the zones of its aggregates (none: the default zone). */
    private String computeZone(SortedSet<String> zones) {
        return zones == null || zones.isEmpty() ? computeZone : String.join(",", zones);
    }

    /** The zones as they are now: one read of the aggregates, then a lookup per service. */
    public Snapshot snapshot() {
        return new Snapshot(aggregates.zonesByHost());
    }

    /** The zones of one moment. */
    public final class Snapshot {
        private final Map<String, SortedSet<String>> byHost;

        private Snapshot(Map<String, SortedSet<String>> byHost) {
            this.byHost = byHost;
        }

        public String zoneOf(Service service) {
            return zoneOf(service.host(), service.binary());
        }

        /** The zone of the service with this host and binary. */
        public String zoneOf(String host, String binary) {
            if (!Service.COMPUTE_BINARY.equals(binary)) {
                return internalZone;
            }
            return computeZone(byHost.get(host));
        }
    }
}
