package io.hyperstatus.server.api.availabilityzones;

import static io.hyperstatus.server.api.microversion.VersionRange.ALL;
import static io.javalin.http.HandlerType.GET;

import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceWithState;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.Resource;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.hyperstatus.server.api.policy.PolicyRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /os-availability-zone} and {@code /os-availability-zone/detail}, as Nova's controller builds them: a zone
 * is available when one of its services is enabled, otherwise (all of its services disabled) not available; zones
 * are sorted by name, available ones first. The list hides the internal zone; the detail shows it.
 */
public final class AvailabilityZonesController implements Resource {
    private final ServiceQueries services;
    private final ServiceZones zones;

    public AvailabilityZonesController(ServiceQueries services, ServiceZones zones) {
        this.services = services;
        this.zones = zones;
    }

    public ApiResponse index(ApiRequest request) {
        request.query(AvailabilityZoneProfile.of(request.version()).query());
        request.authorize(PolicyRule.AVAILABILITY_ZONE_LIST);
        Zoned zoned = zoned();
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("availabilityZoneInfo");
            for (String zone : zoned.available()) {
                if (!zone.equals(zones.internalZone())) {
                    AvailabilityZoneView.writeSummary(json, zone, true);
                }
            }
            for (String zone : zoned.notAvailable()) {
                if (!zone.equals(zones.internalZone())) {
                    AvailabilityZoneView.writeSummary(json, zone, false);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    public ApiResponse detail(ApiRequest request) {
        request.query(AvailabilityZoneProfile.of(request.version()).query());
        request.authorize(PolicyRule.AVAILABILITY_ZONE_DETAIL);
        Zoned zoned = zoned();
        // zone -> host -> enabled services of the host in that zone, in service order.
        Map<String, Map<String, List<ServiceWithState>>> hosts = new LinkedHashMap<>();
        for (Zoned.Entry entry : zoned.entries()) {
            if (entry.service().service().disabled() || entry.service().service().isApiService()) {
                continue;
            }
            hosts.computeIfAbsent(entry.zone(), z -> new LinkedHashMap<>())
                    .computeIfAbsent(entry.service().service().host(), h -> new java.util.ArrayList<>())
                    .add(entry.service());
        }
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("availabilityZoneInfo");
            for (String zone : zoned.available()) {
                AvailabilityZoneView.writeDetail(json, zone, hosts.getOrDefault(zone, Map.of()));
            }
            for (String zone : zoned.notAvailable()) {
                AvailabilityZoneView.writeSummary(json, zone, false);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** Every service with its zone, and the zones split by availability. */
    private Zoned zoned() {
        ServiceZones.Snapshot snapshot = zones.snapshot();
        List<Zoned.Entry> entries = services.list(Optional.empty(), Optional.empty()).stream()
                .map(s -> new Zoned.Entry(s, snapshot.zoneOf(s.service()))).toList();
        TreeSet<String> available = new TreeSet<>();
        TreeSet<String> notAvailable = new TreeSet<>();
        entries.stream().filter(e -> !e.service().service().disabled()).forEach(e -> available.add(e.zone()));
        entries.stream().filter(e -> e.service().service().disabled() && !available.contains(e.zone()))
                .forEach(e -> notAvailable.add(e.zone()));
        return new Zoned(entries, available, notAvailable);
    }

    private record Zoned(List<Entry> entries, TreeSet<String> available, TreeSet<String> notAvailable) {
        record Entry(ServiceWithState service, String zone) {
        }
    }

    static boolean isUp(ServiceWithState service) {
        return service.state() == ServiceState.UP;
    }

    /** This resource's routes below a mount. The list and the detail. */
    @Override
    public List<Endpoint> routes() {
        return List.of(
                new Endpoint(GET, "/os-availability-zone", ALL, this::index),
                new Endpoint(GET, "/os-availability-zone/detail", ALL, this::detail));
    }
}
