package io.hyperstatus.server.api;

import io.hyperstatus.server.api.microversion.VersionRange;
import io.javalin.http.HandlerType;
import java.util.Objects;

/** A route below a mount, as its resource lists it: method, path, the microversions it exists in, its action. */
public record Endpoint(HandlerType method, String path, VersionRange versions, Action action) {
    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(action, "action");
    }
}
