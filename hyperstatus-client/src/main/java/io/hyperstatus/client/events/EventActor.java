package io.hyperstatus.client.events;

import java.util.Objects;

/**
 * Who made a change: {@code user} (an API call, with its user, project and request id), {@code agent} (a compute
 * agent, with its credential's user) or {@code liveness} (the servers' detector, with no user).
 */
public record EventActor(String kind, String userId, String projectId, String requestId) {
    public EventActor {
        Objects.requireNonNull(kind, "kind");
    }

    /** One word or two for a table: the user id of a user, "agent (user)" for an agent, the kind otherwise. */
    public String label() {
        if ("user".equals(kind) && userId != null) {
            return userId;
        }
        if ("agent".equals(kind) && userId != null) {
            return "agent (" + userId + ")";
        }
        return kind;
    }
}
