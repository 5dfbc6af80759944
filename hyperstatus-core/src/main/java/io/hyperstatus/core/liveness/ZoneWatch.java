package io.hyperstatus.core.liveness;

import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.ZoneDisruption;
import io.hyperstatus.core.port.EventStore;
import io.hyperstatus.core.port.LivenessStore;
import io.hyperstatus.core.port.Transactions;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.ServiceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells a zone's partition from independent failures: when more than the threshold of a zone's services (zones
 * of three or more) went down within one service_down_time, one {@code zone_disrupted} event is recorded, and no
 * other for that zone until its disruption ends (no more than the threshold of its services still recorded
 * down). The disruption is kept in the database, so a detector that takes over knows it.
 */
final class ZoneWatch {
    private final LivenessStore store;
    private final EventStore events;
    private final Transactions transactions;
    private final ServiceZones zones;
    private final Duration serviceDownTime;
    private final DetectorOptions options;
    private Instant nextEndCheck = Instant.MIN;

    ZoneWatch(LivenessStore store, EventStore events, Transactions transactions, ServiceZones zones,
              Duration serviceDownTime, DetectorOptions options) {
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.zones = zones;
        this.serviceDownTime = serviceDownTime;
        this.options = options;
    }

    ServiceZones.Snapshot zones() {
        return zones.snapshot();
    }

    /**
     * After a pass: {@code wentDown} holds the latest deadline recorded in each zone this pass. The zones are
     * counted only when something went down, or (at most once per service_down_time, or when something came up)
     * while a disruption lasts.
     */
    void check(Instant now, Map<String, Instant> wentDown, boolean somethingCameUp) {
        Set<String> disrupted = store.disruptedZones();
        boolean endCheck = !disrupted.isEmpty() && (somethingCameUp || !now.isBefore(nextEndCheck));
        if (wentDown.isEmpty() && !endCheck) {
            return;
        }
        ServiceZones.Snapshot snapshot = zones.snapshot();
        Map<String, Integer> sizes = count(store.liveServices(), snapshot);
        Set<String> claimed = new HashSet<>();
        wentDown.forEach((zone, latest) -> {
            int services = sizes.getOrDefault(zone, 0);
            // A zone too small for the rule costs no query.
            if (disrupted.contains(zone) || services < DetectorOptions.SMALLEST_ZONE) {
                return;
            }
            int down = Math.min(services, store.wentDownAfter(zone, latest.minus(serviceDownTime)));
            if (options.disrupts(down, services)) {
                boolean recorded = transactions.inTransaction(() -> {
                    if (!store.claimDisruption(zone, latest)) {
                        return false;
                    }
                    events.append(EventRecord.ofZone(latest, zone, new ZoneDisruption(down, services)));
                    return true;
                });
                if (recorded) {
                    claimed.add(zone);
                }
            }
        });
        if (endCheck) {
            nextEndCheck = now.plus(serviceDownTime);
            Map<String, Integer> down = count(store.recordedDown(), snapshot);
            for (String zone : disrupted) {
                if (down.getOrDefault(zone, 0) <= options.massDownThreshold() * sizes.getOrDefault(zone, 0)
                        && !claimed.contains(zone)) {
                    store.endDisruption(zone);
                }
            }
        }
    }

    private static Map<String, Integer> count(Iterable<ServiceKey> services, ServiceZones.Snapshot snapshot) {
        Map<String, Integer> counts = new HashMap<>();
        for (ServiceKey key : services) {
            counts.merge(snapshot.zoneOf(key.host(), key.binary()), 1, Integer::sum);
        }
        return counts;
    }
}
