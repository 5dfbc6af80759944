package io.hyperstatus.config;

import java.nio.file.Path;
import java.util.List;

/** The server's {@code [agent_identity]} options: which agent credentials may speak for which hosts. */
final class AgentIdentityDeclarations {
    static final Option<Path> SECRETS_FILE = Option.computed("agent_identity", "secrets_file", ValueTypes.path(),
            "(none: no agent may report)", "with `noauth2`, the agents' shared secrets and the hosts each may speak"
                    + " for, see [docs/agent-identity.md](docs/agent-identity.md)").blankMeansDefault();
    static final Option<Path> HOSTS_FILE = Option.computed("agent_identity", "hosts_file", ValueTypes.path(),
            "(none: no agent may report)", "with `keystone`, the Keystone users with the `compute_agent` role and"
                    + " the hosts each may speak for, see [docs/agent-identity.md](docs/agent-identity.md)")
            .blankMeansDefault();

    static final OptionGroup GROUP = new OptionGroup("agent identity", List.of(SECRETS_FILE, HOSTS_FILE));

    private AgentIdentityDeclarations() {
    }
}
