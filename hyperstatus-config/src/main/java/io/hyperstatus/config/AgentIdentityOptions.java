package io.hyperstatus.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The server's {@code [agent_identity]} options: with noauth2, the file of agents' shared secrets; with Keystone,
 * the file binding agent users to hosts. Without the file of its strategy, no credential may use the agent
 * interface.
 */
public record AgentIdentityOptions(Optional<Path> secretsFile, Optional<Path> hostsFile) {

    /** The option a secrets file is named by, for messages. */
    public static String secretsFileOption() {
        return AgentIdentityDeclarations.SECRETS_FILE.toString();
    }

    /** The option a hosts file is named by, for messages. */
    public static String hostsFileOption() {
        return AgentIdentityDeclarations.HOSTS_FILE.toString();
    }

    static AgentIdentityOptions from(IniOptions ini) {
        return new AgentIdentityOptions(ini.find(AgentIdentityDeclarations.SECRETS_FILE),
                ini.find(AgentIdentityDeclarations.HOSTS_FILE));
    }
}
