package io.hyperstatus.core.agents;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The hosts one agent credential may register, heartbeat and report for, as the server's agent identity files
 * bind them: host names, or patterns in which {@code *} stands for any run of characters ({@code *} alone is every
 * host, for an agent that simulates many). {@link #NONE} is what every other credential has.
 *
 * @param agent who holds the entitlement, as refusals name it
 * @param patterns the host names and patterns, in the order the file gives them
 */
public record AgentHosts(String agent, List<String> patterns) {
    public static final AgentHosts NONE = new AgentHosts("", List.of());

    public AgentHosts {
        Objects.requireNonNull(agent, "agent");
        patterns = List.copyOf(patterns);
        for (String pattern : patterns) {
            if (pattern.isBlank()) {
                throw new IllegalArgumentException("a host pattern is empty");
            }
        }
    }

    /** Whether the credential may speak for {@code host}. */
    public boolean allows(String host) {
        for (String pattern : patterns) {
            if (pattern.indexOf('*') < 0 ? pattern.equals(host) : glob(pattern).matcher(host).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the credential is bound to any host at all. */
    public boolean isAgent() {
        return !patterns.isEmpty();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] literals = pattern.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
