package io.hyperstatus.server.api.auth;

import io.hyperstatus.config.AgentIdentityOptions;
import io.hyperstatus.core.agents.AgentHosts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Keystone users of {@code [agent_identity] hosts_file} and the hosts each may speak for:
 * {@code <user> <host or pattern>...} a line, where the user is written as its id, as its name when it is a user
 * of the {@code Default} domain, or as {@code <domain name>/<user name>}. A user's token must also carry the
 * agents' role ({@link Credentials#AGENT_ROLE}) for the policy to let it use the agent interface.
 */
public final class AgentHostBindings {
    private static final String DEFAULT_DOMAIN_ID = "default";

    private final Map<String, AgentHosts> byUser;

    private AgentHostBindings(Map<String, AgentHosts> byUser) {
        this.byUser = Map.copyOf(byUser);
    }

    public static AgentHostBindings none() {
        return new AgentHostBindings(Map.of());
    }

    /** The file named by the option, or none when it is not set. */
    public static AgentHostBindings load(AgentIdentityOptions options) {
        return options.hostsFile().map(AgentHostBindings::read).orElseGet(AgentHostBindings::none);
    }

    static AgentHostBindings read(Path file) {
        String option = AgentIdentityOptions.hostsFileOption();
        Map<String, AgentHosts> byUser = new HashMap<>();
        for (AgentIdentityFile.Line line : AgentIdentityFile.read(file, option, 1)) {
            String user = line.fields().get(0);
            if (byUser.put(user, new AgentHosts(user, line.hosts())) != null) {
                throw AgentIdentityFile.invalid(option, file, line.number(), "user " + user + " is named twice");
            }
        }
        return new AgentHostBindings(byUser);
    }

    /** The hosts of the user with this id, name and domain; {@link AgentHosts#NONE} when the file has none. */
    public AgentHosts hostsOf(String userId, String userName, String domainId, String domainName) {
        for (String key : List.of(userId, domainName + "/" + userName)) {
            AgentHosts hosts = byUser.get(key);
            if (hosts != null) {
                return hosts;
            }
        }
        if (DEFAULT_DOMAIN_ID.equals(domainId) && byUser.containsKey(userName)) {
            return byUser.get(userName);
        }
        return AgentHosts.NONE;
    }

    public boolean isEmpty() {
        return byUser.isEmpty();
    }
}
