package io.hyperstatus.server.api;

import static io.hyperstatus.server.api.microversion.VersionRange.ALL;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.hyperstatus.server.api.aggregates.AggregatesController;
import io.hyperstatus.server.api.availabilityzones.AvailabilityZonesController;
import io.hyperstatus.server.api.extensions.ExtensionsController;
import io.hyperstatus.server.api.hosts.HostsController;
import io.hyperstatus.server.api.hypervisors.HypervisorsController;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.hyperstatus.server.api.services.ServicesController;
import java.util.List;

/**
 * The routes of the compute API below a mount, in one table: method, path, the microversions each exists in and
 * the controller method that answers. Within a resource, literal paths come before {id}, so that
 * {@code /os-hypervisors/detail} is never a show.
 */
final class ComputeRoutes {
    private ComputeRoutes() {
    }

    static List<Endpoint> of(HypervisorsController hypervisors, ServicesController services,
                             AggregatesController aggregates, AvailabilityZonesController zones,
                             HostsController hosts, ExtensionsController extensions) {
        VersionRange untilTrimmed = VersionRange.before(Microversions.TRIMMED_HYPERVISORS);
        VersionRange untilUuidIds = VersionRange.before(Microversions.UUID_IDS);
        // The deprecated os-hosts is gone from 2.43, every route of it.
        VersionRange untilHostsRemoved = VersionRange.before(Microversions.HOSTS_REMOVED);
        return List.of(
                new Endpoint(GET, "/os-hypervisors", ALL, hypervisors::index),
                new Endpoint(GET, "/os-hypervisors/detail", ALL, hypervisors::detail),
                new Endpoint(GET, "/os-hypervisors/statistics", untilTrimmed, hypervisors::statistics),
                new Endpoint(GET, "/os-hypervisors/{id}", ALL, hypervisors::show),
                new Endpoint(GET, "/os-hypervisors/{id}/search", untilUuidIds, hypervisors::search),
                new Endpoint(GET, "/os-hypervisors/{id}/servers", untilUuidIds, hypervisors::servers),
                new Endpoint(GET, "/os-hypervisors/{id}/uptime", untilTrimmed, hypervisors::uptime),
                // {id} is an action name before 2.53 and a UUID from it.
                new Endpoint(GET, "/os-services", ALL, services::index),
                new Endpoint(PUT, "/os-services/{id}", ALL, services::update),
                new Endpoint(DELETE, "/os-services/{id}", ALL, services::delete),
                new Endpoint(GET, "/os-aggregates", ALL, aggregates::index),
                new Endpoint(POST, "/os-aggregates", ALL, aggregates::create),
                new Endpoint(GET, "/os-aggregates/{id}", ALL, aggregates::show),
                new Endpoint(PUT, "/os-aggregates/{id}", ALL, aggregates::update),
                new Endpoint(DELETE, "/os-aggregates/{id}", ALL, aggregates::delete),
                new Endpoint(POST, "/os-aggregates/{id}/action", ALL, aggregates::action),
                new Endpoint(GET, "/os-availability-zone", ALL, zones::index),
                new Endpoint(GET, "/os-availability-zone/detail", ALL, zones::detail),
                new Endpoint(GET, "/os-hosts", untilHostsRemoved, hosts::index),
                new Endpoint(GET, "/os-hosts/{id}", untilHostsRemoved, hosts::show),
                new Endpoint(PUT, "/os-hosts/{id}", untilHostsRemoved, hosts::update),
                new Endpoint(GET, "/os-hosts/{id}/startup", untilHostsRemoved, hosts::startup),
                new Endpoint(GET, "/os-hosts/{id}/shutdown", untilHostsRemoved, hosts::shutdown),
                new Endpoint(GET, "/os-hosts/{id}/reboot", untilHostsRemoved, hosts::reboot),
                new Endpoint(GET, "/extensions", ALL, extensions::index),
                new Endpoint(GET, "/extensions/{alias}", ALL, extensions::show));
    }
}
