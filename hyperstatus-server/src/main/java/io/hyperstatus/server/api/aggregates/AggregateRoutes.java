package io.hyperstatus.server.api.aggregates;

import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.javalin.http.HandlerType;
import java.util.List;

/** The routes of {@code /os-aggregates}. */
public final class AggregateRoutes {
    private AggregateRoutes() {
    }

    public static List<Endpoint> of(AggregatesController aggregates) {
        return List.of(
                new Endpoint(HandlerType.GET, "/os-aggregates", VersionRange.ALL, aggregates::index),
                new Endpoint(HandlerType.POST, "/os-aggregates", VersionRange.ALL, aggregates::create),
                new Endpoint(HandlerType.GET, "/os-aggregates/{id}", VersionRange.ALL, aggregates::show),
                new Endpoint(HandlerType.PUT, "/os-aggregates/{id}", VersionRange.ALL, aggregates::update),
                new Endpoint(HandlerType.DELETE, "/os-aggregates/{id}", VersionRange.ALL, aggregates::delete),
                new Endpoint(HandlerType.POST, "/os-aggregates/{id}/action", VersionRange.ALL, aggregates::action));
    }
}
