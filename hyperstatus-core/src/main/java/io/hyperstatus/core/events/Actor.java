package io.hyperstatus.core.events;

import java.util.Objects;

/**
 * Who asked for a change: an operator through the API (the token's user and project, and the request id the
 * answer carries), or a compute agent (the user of the credential it reports with, and its request's id).
 */
public record Actor(Kind kind, String userId, String projectId, String requestId) {
    public enum Kind { USER, AGENT }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(requestId, "requestId");
    }

    public static Actor user(String userId, String projectId, String requestId) {
        return new Actor(Kind.USER, userId, projectId, requestId);
    }

    public static Actor agent(String userId, String projectId, String requestId) {
        return new Actor(Kind.AGENT, userId, projectId, requestId);
    }
}
