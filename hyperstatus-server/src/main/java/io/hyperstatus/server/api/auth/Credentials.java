package io.hyperstatus.server.api.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the user of the token, its roles, and what the token is scoped to. A project-scoped token
 * carries its project; a system- or domain-scoped one has none (projectId is "", never matching a URL's).
 */
public record Credentials(String userId, String projectId, Set<String> roles, Scope scope) {
    /** What a token grants its roles on, as Keystone scopes tokens. */
    public enum Scope { PROJECT, SYSTEM, DOMAIN, UNSCOPED }

    public Credentials {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(projectId, "projectId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(scope, "scope");
    }

    /** Project-scoped credentials, as every noauth2 token is. */
    public Credentials(String userId, String projectId, Set<String> roles) {
        this(userId, projectId, roles, Scope.PROJECT);
    }
}
