package io.hyperstatus.core.events;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who caused an event: an operator through the API (the token's user and project, and the request id the answer
 * carried), a compute agent (the user of the credential it reports with, and its request's id), or the server's
 * liveness detector (no user, project, request or roles). The caller's roles are kept for the notification's
 * context, which carries them as Nova's does; they are sorted, so a record reads back as it was written.
 */
public record Actor(Kind kind, String userId, String projectId, String requestId, List<String> roles) {
    public enum Kind {
        USER, AGENT, LIVENESS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Actor LIVENESS_DETECTOR = new Actor(Kind.LIVENESS, null, null, null, List.of());

    public Actor {
        Objects.requireNonNull(kind, "kind");
        roles = Objects.requireNonNull(roles, "roles").stream().sorted().toList();
        if (kind == Kind.LIVENESS) {
            if (userId != null || projectId != null || requestId != null || !roles.isEmpty()) {
                throw new IllegalArgumentException("the liveness detector has no user, project, request or roles");
            }
        } else {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    public static Actor user(String userId, String projectId, String requestId) {
        return new Actor(Kind.USER, userId, projectId, requestId, List.of());
    }

    public static Actor user(String userId, String projectId, String requestId, Collection<String> roles) {
        return new Actor(Kind.USER, userId, projectId, requestId, List.copyOf(roles));
    }

    public static Actor agent(String userId, String projectId, String requestId) {
        return new Actor(Kind.AGENT, userId, projectId, requestId, List.of());
    }

    public static Actor agent(String userId, String projectId, String requestId, Collection<String> roles) {
        return new Actor(Kind.AGENT, userId, projectId, requestId, List.copyOf(roles));
    }

    public static Actor liveness() {
        return LIVENESS_DETECTOR;
    }
}
