package io.hyperstatus.server.api.services;

import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.javalin.http.HandlerType;
import java.util.List;

/** The routes of {@code /os-services}; {id} is an action name before 2.53 and a UUID from it. */
public final class ServiceRoutes {
    private ServiceRoutes() {
    }

    public static List<Endpoint> of(ServicesController services) {
        return List.of(
                new Endpoint(HandlerType.GET, "/os-services", VersionRange.ALL, services::index),
                new Endpoint(HandlerType.PUT, "/os-services/{id}", VersionRange.ALL, services::update),
                new Endpoint(HandlerType.DELETE, "/os-services/{id}", VersionRange.ALL, services::delete));
    }
}
