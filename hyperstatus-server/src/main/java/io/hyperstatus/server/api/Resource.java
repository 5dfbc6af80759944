package io.hyperstatus.server.api;

import java.util.List;

/** A resource of an API: the routes it answers, each with its microversion range and action. */
public interface Resource {
    /** The routes below a mount, literal paths before {@code {id}} ones so that a literal is never read as an id. */
    List<Endpoint> routes();
}
