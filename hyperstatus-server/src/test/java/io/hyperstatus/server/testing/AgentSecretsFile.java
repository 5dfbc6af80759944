package io.hyperstatus.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The {@code [agent_identity] secrets_file} every test server reads: the agents of {@link TestServer}'s secrets,
 * written once per test run, readable by its owner only.
 */
public final class AgentSecretsFile {
    private static Path path;

    private AgentSecretsFile() {
    }

    public static synchronized Path path() {
        if (path == null) {
            try {
                Path file = Files.createTempFile("hyperstatus-agent-secrets", ".txt",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, "# name  secret  hosts\n"
                        + "simulator " + TestServer.AGENT_SECRET + " *\n"
                        + "agent-a " + TestServer.HOST_A_SECRET + " host-a\n"
                        + "agent-b " + TestServer.HOST_B_SECRET + " host-b\n");
                file.toFile().deleteOnExit();
                path = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return path;
    }
}
