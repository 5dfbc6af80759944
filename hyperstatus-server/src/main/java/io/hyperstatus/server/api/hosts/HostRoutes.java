package io.hyperstatus.server.api.hosts;

import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.javalin.http.HandlerType;
import java.util.List;

/** The routes of the deprecated {@code /os-hosts}, every one of them gone from 2.43. */
public final class HostRoutes {
    private static final VersionRange VERSIONS = VersionRange.before(Microversions.HOSTS_REMOVED);

    private HostRoutes() {
    }

    public static List<Endpoint> of(HostsController hosts) {
        return List.of(
                new Endpoint(HandlerType.GET, "/os-hosts", VERSIONS, hosts::index),
                new Endpoint(HandlerType.GET, "/os-hosts/{id}", VERSIONS, hosts::show),
                new Endpoint(HandlerType.PUT, "/os-hosts/{id}", VERSIONS, hosts::update),
                new Endpoint(HandlerType.GET, "/os-hosts/{id}/startup", VERSIONS, hosts::startup),
                new Endpoint(HandlerType.GET, "/os-hosts/{id}/shutdown", VERSIONS, hosts::shutdown),
                new Endpoint(HandlerType.GET, "/os-hosts/{id}/reboot", VERSIONS, hosts::reboot));
    }
}
