package io.hyperstatus.launcher;

import io.hyperstatus.config.AgentOptions;
import io.hyperstatus.config.HyperstatusConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The identity of all-in-one's local agent under noauth2, when the configuration names none: a new shared secret at
 * every start, written under {@code state_path} readable by its owner only, once as the agent's
 * {@code [agent] secret_file} and once in the server's {@code [agent_identity] secrets_file}, bound to this host
 * (or to every host when the fake driver simulates the hosts of a file).
 */
final class LocalAgentIdentity {
    static final String AGENT_NAME = "all-in-one";
    static final String AGENT_SECRET_FILE = "agent-secret";
    static final String SERVER_SECRETS_FILE = "agent-secrets";

    private LocalAgentIdentity() {
    }

    static HyperstatusConfig provide(HyperstatusConfig config) {
        boolean configured = config.agentIdentity().secretsFile().isPresent() || config.agent().secretFile().isPresent();
        if (config.authStrategy() != HyperstatusConfig.AuthStrategy.NOAUTH2 || configured) {
            return config;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        boolean simulatesMany = config.agent().computeDriver().equals(AgentOptions.FAKE_DRIVER)
                && config.agent().fakeHostsFile().isPresent();
        String hosts = simulatesMany ? "*" : config.host();
        try {
            Files.createDirectories(config.statePath());
            Path agentFile = writePrivate(config.statePath().resolve(AGENT_SECRET_FILE), secret + "\n");
            Path serverFile = writePrivate(config.statePath().resolve(SERVER_SECRETS_FILE),
                    "# Written by hyperstatus all-in-one at every start for its local agent.\n"
                            + AGENT_NAME + " " + secret + " " + hosts + "\n");
            return config.withAgentSecrets(serverFile, agentFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local agent's secret under " + config.statePath(), e);
        }
    }

    /** Writes through a new file made private before it holds the secret, then moved into place. */
    private static Path writePrivate(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
