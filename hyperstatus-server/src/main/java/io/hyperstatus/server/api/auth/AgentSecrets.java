package io.hyperstatus.server.api.auth;

import io.hyperstatus.config.AgentIdentityOptions;
import io.hyperstatus.core.agents.AgentHosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agents' shared secrets of {@code [agent_identity] secrets_file} (noauth2), each with the agent's name and the
 * hosts it may speak for: {@code <name> <secret> <host or pattern>...} a line. A presented secret is compared with
 * every stored one, each in constant time and without stopping at a match, so the time taken tells nothing about
 * how much of a secret was right, nor which.
 */
public final class AgentSecrets {
    /** Shorter secrets could be guessed; 32 characters of a generated secret are well beyond that. */
    static final int MIN_SECRET_LENGTH = 32;

    private static final class Agent {
        private final String name;
        private final byte[] secretDigest;
        private final AgentHosts hosts;

        Agent(String name, byte[] secretDigest, AgentHosts hosts) {
            this.name = name;
            this.secretDigest = secretDigest.clone();
            this.hosts = hosts;
        }
    }

    private final List<Agent> agents;

    private AgentSecrets(List<Agent> agents) {
        this.agents = List.copyOf(agents);
    }

    /** No secrets: every agent is refused. */
    public static AgentSecrets none() {
        return new AgentSecrets(List.of());
    }

    /** The file named by the option, or none when it is not set. */
    public static AgentSecrets load(AgentIdentityOptions options) {
        return options.secretsFile().map(AgentSecrets::read).orElseGet(AgentSecrets::none);
    }

    static AgentSecrets read(Path file) {
        String option = AgentIdentityOptions.secretsFileOption();
        List<Agent> agents = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (AgentIdentityFile.Line line : AgentIdentityFile.read(file, option, 2)) {
            String name = line.fields().get(0);
            String secret = line.fields().get(1);
            if (!names.add(name)) {
                throw AgentIdentityFile.invalid(option, file, line.number(), "agent " + name + " is named twice");
            }
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw AgentIdentityFile.invalid(option, file, line.number(), "the secret of agent " + name
                        + " is shorter than " + MIN_SECRET_LENGTH + " characters");
            }
            if (!secrets.add(secret)) {
                throw AgentIdentityFile.invalid(option, file, line.number(), "agent " + name
                        + " has the secret of another agent");
            }
            agents.add(new Agent(name, digest(secret), new AgentHosts(name, line.hosts())));
        }
        return new AgentSecrets(agents);
    }

    /** The agent whose secret was presented, as credentials with the agents' role, bound to its hosts. */
    public Optional<Credentials> authenticate(String presented) {
        byte[] digest = digest(presented.strip());
        Agent found = null;
        for (Agent agent : agents) {
            // Digests of equal length, compared whole: MessageDigest.isEqual takes the same time wherever they differ.
            if (MessageDigest.isEqual(agent.secretDigest, digest) && found == null) {
                found = agent;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(found.name, "", Set.of(Credentials.AGENT_ROLE),
                Credentials.Scope.UNSCOPED, found.hosts));
    }

    public boolean isEmpty() {
        return agents.isEmpty();
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
