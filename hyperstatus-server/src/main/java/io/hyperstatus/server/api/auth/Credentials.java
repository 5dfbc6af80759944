package io.hyperstatus.server.api.auth;

import java.util.Objects;
import java.util.Set;

/** Who is calling: the user and project of the token, and its roles. */
public record Credentials(String userId, String projectId, Set<String> roles) {
    public Credentials {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(projectId, "projectId");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
