package io.hyperstatus.server.api.hypervisors;

import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.javalin.http.HandlerType;
import java.util.List;

/** The routes of {@code /os-hypervisors}, with the microversions each exists in. */
public final class HypervisorRoutes {
    private HypervisorRoutes() {
    }

    /** Literal paths come before {id}, so that {@code /os-hypervisors/detail} is never a show. */
    public static List<Endpoint> of(HypervisorsController hypervisors) {
        VersionRange untilTrimmed = VersionRange.before(Microversions.TRIMMED_HYPERVISORS);
        VersionRange untilUuidIds = VersionRange.before(Microversions.UUID_IDS);
        return List.of(
                new Endpoint(HandlerType.GET, "/os-hypervisors", VersionRange.ALL, hypervisors::index),
                new Endpoint(HandlerType.GET, "/os-hypervisors/detail", VersionRange.ALL, hypervisors::detail),
                new Endpoint(HandlerType.GET, "/os-hypervisors/statistics", untilTrimmed, hypervisors::statistics),
                new Endpoint(HandlerType.GET, "/os-hypervisors/{id}", VersionRange.ALL, hypervisors::show),
                new Endpoint(HandlerType.GET, "/os-hypervisors/{id}/search", untilUuidIds, hypervisors::search),
                new Endpoint(HandlerType.GET, "/os-hypervisors/{id}/servers", untilUuidIds, hypervisors::servers),
                new Endpoint(HandlerType.GET, "/os-hypervisors/{id}/uptime", untilTrimmed, hypervisors::uptime));
    }
}
