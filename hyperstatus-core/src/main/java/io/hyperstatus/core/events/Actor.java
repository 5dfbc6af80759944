package io.hyperstatus.core.events;

import java.util.Locale;
import java.util.Objects;

/**
 * Who caused an event: an operator through the API (the token's user and project, and the request id the answer
 * carried), a compute agent (the user of the credential it reports with, and its request's id), or the server's
 * liveness detector (no user, project or request).
 */
public record Actor(Kind kind, String userId, String projectId, String requestId) {
    public enum Kind {
        USER, AGENT, LIVENESS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Actor LIVENESS_DETECTOR = new Actor(Kind.LIVENESS, null, null, null);

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.LIVENESS) {
            if (userId != null || projectId != null || requestId != null) {
                throw new IllegalArgumentException("the liveness detector has no user, project or request");
            }
        } else {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    public static Actor user(String userId, String projectId, String requestId) {
        return new Actor(Kind.USER, userId, projectId, requestId);
    }

    public static Actor agent(String userId, String projectId, String requestId) {
        return new Actor(Kind.AGENT, userId, projectId, requestId);
    }

    public static Actor liveness() {
        return LIVENESS_DETECTOR;
    }
}
