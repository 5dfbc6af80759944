package io.hyperstatus.server.api.extensions;

import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.javalin.http.HandlerType;
import java.util.List;

/** The routes of {@code /extensions}. */
public final class ExtensionRoutes {
    private ExtensionRoutes() {
    }

    public static List<Endpoint> of(ExtensionsController extensions) {
        return List.of(
                new Endpoint(HandlerType.GET, "/extensions", VersionRange.ALL, extensions::index),
                new Endpoint(HandlerType.GET, "/extensions/{alias}", VersionRange.ALL, extensions::show));
    }
}
