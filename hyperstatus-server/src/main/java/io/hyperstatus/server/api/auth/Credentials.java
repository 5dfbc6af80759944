package io.hyperstatus.server.api.auth;

import io.hyperstatus.core.agents.AgentHosts;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: the user of the token, its roles, and what the token is scoped to. A project-scoped token
 * carries its project; a system- or domain-scoped one has none (projectId is "", never matching a URL's).
 * {@code agentHosts} are the hosts the caller may speak for on the agent interface: none unless the server's agent
 * identity files bind the caller to hosts (see docs/agent-identity.md).
 */
public record Credentials(String userId, String projectId, Set<String> roles, Scope scope, AgentHosts agentHosts) {
    /** The role of compute agents' users: the agent interface's, and nothing in the compute API. */
    public static final String AGENT_ROLE = "compute_agent";

    /** What a token grants its roles on, as Keystone scopes tokens. */
    public enum Scope { PROJECT, SYSTEM, DOMAIN, UNSCOPED }

    public Credentials {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(projectId, "projectId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(agentHosts, "agentHosts");
    }

    /** Credentials bound to no host. */
    public Credentials(String userId, String projectId, Set<String> roles, Scope scope) {
        this(userId, projectId, roles, scope, AgentHosts.NONE);
    }

    /** These credentials, bound to {@code hosts} on the agent interface. */
    public Credentials withAgentHosts(AgentHosts hosts) {
        return new Credentials(userId, projectId, roles, scope, hosts);
    }

    /** Whether the caller holds the agents' role, which is refused everywhere in the compute API. */
    public boolean isComputeAgent() {
        return roles.contains(AGENT_ROLE);
    }

    /** Project-scoped credentials, as every noauth2 token is. */
    public Credentials(String userId, String projectId, Set<String> roles) {
        this(userId, projectId, roles, Scope.PROJECT);
    }
}
