package io.hyperstatus.server.agent;

import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.javalin.http.HandlerType;
import java.util.List;

/** The routes of the agents' interface; it has no microversions, so every route is in the whole range. */
public final class AgentRoutes {
    private AgentRoutes() {
    }

    public static List<Endpoint> of(AgentController agent) {
        return List.of(
                new Endpoint(HandlerType.POST, "/services", VersionRange.ALL, agent::registerServices),
                new Endpoint(HandlerType.POST, "/heartbeats", VersionRange.ALL, agent::heartbeat),
                new Endpoint(HandlerType.POST, "/compute-nodes", VersionRange.ALL, agent::reportComputeNodes));
    }
}
