package io.hyperstatus.server.api.availabilityzones;

import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.javalin.http.HandlerType;
import java.util.List;

/** The routes of {@code /os-availability-zone}. */
public final class AvailabilityZoneRoutes {
    private AvailabilityZoneRoutes() {
    }

    public static List<Endpoint> of(AvailabilityZonesController zones) {
        return List.of(
                new Endpoint(HandlerType.GET, "/os-availability-zone", VersionRange.ALL, zones::index),
                new Endpoint(HandlerType.GET, "/os-availability-zone/detail", VersionRange.ALL, zones::detail));
    }
}
