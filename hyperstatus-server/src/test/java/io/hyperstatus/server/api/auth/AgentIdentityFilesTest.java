package io.hyperstatus.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.config.ConfigException;
import io.hyperstatus.core.agents.AgentHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentIdentityFilesTest {
    private static final String SECRET_A = "a".repeat(32);
    private static final String SECRET_B = "b".repeat(40);

    @TempDir Path dir;

    private Path file(String text, String mode) throws IOException {
        Path file = dir.resolve("agents");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void aSecretIsTheAgentOfItsLineWithTheAgentsRoleAndItsHosts() throws IOException {
        AgentSecrets secrets = AgentSecrets.read(file("# agents\n\nagent-a " + SECRET_A + " host-a\n"
                + "simulator " + SECRET_B + " sim-*, controller\n", "rw-------"));

        Credentials a = secrets.authenticate(SECRET_A).orElseThrow();
        assertThat(a.userId()).isEqualTo("agent-a");
        assertThat(a.roles()).isEqualTo(Set.of("compute_agent"));
        assertThat(a.agentHosts()).isEqualTo(new AgentHosts("agent-a", List.of("host-a")));
        assertThat(secrets.authenticate(SECRET_B).orElseThrow().agentHosts().patterns())
                .containsExactly("sim-*", "controller");
        assertThat(secrets.authenticate(SECRET_A + "a")).isEmpty();
        assertThat(secrets.authenticate(SECRET_A.substring(1))).isEmpty();
        assertThat(secrets.authenticate("")).isEmpty();
    }

    @Test
    void aMissingFileStopsStartUpNamingTheOption() {
        assertThatThrownBy(() -> AgentSecrets.read(dir.resolve("absent")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [agent_identity] secrets_file: '" + dir.resolve("absent")
                        + "' does not exist");
    }

    @Test
    void aFileEveryUserCanReadStopsStartUp() throws IOException {
        Path file = file("agent-a " + SECRET_A + " host-a\n", "rw-r--r--");

        assertThatThrownBy(() -> AgentSecrets.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [agent_identity] secrets_file: '" + file + "' is readable by every"
                        + " user (rw-r--r--); it holds secrets, so make it readable by its owner only, e.g. chmod 600");
    }

    @Test
    void anUnreadableFileStopsStartUp() throws IOException {
        Path file = file("agent-a " + SECRET_A + " host-a\n", "-w-------");
        // Root reads any file: the refusal can only be seen as another user.
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as root");

        assertThatThrownBy(() -> AgentSecrets.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value for option [agent_identity] secrets_file: cannot read '" + file);
    }

    @Test
    void linesThatDoNotFitStopStartUpNamingTheLineButNeverTheSecret() throws IOException {
        assertRefused("agent-a " + SECRET_A + "\n", "line 1: it names no host");
        assertRefused("agent-a short host-a\n", "line 1: the secret of agent agent-a is shorter than 32 characters");
        assertRefused("a " + SECRET_A + " h1\na " + SECRET_B + " h2\n", "line 2: agent a is named twice");
        assertRefused("a " + SECRET_A + " h1\nb " + SECRET_A + " h2\n", "line 2: agent b has the secret of another agent");
        assertRefused("a " + SECRET_A + " host/1\n", "line 1: 'host/1' is not a host name or pattern");
    }

    private void assertRefused(String text, String why) throws IOException {
        Path file = file(text, "rw-------");
        assertThatThrownBy(() -> AgentSecrets.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [agent_identity] secrets_file: '" + file + "' " + why)
                .message().doesNotContain(SECRET_A).doesNotContain(SECRET_B);
    }

    @Test
    void aKeystoneUserIsFoundByIdByNameInTheDefaultDomainOrByDomainAndName() throws IOException {
        AgentHostBindings bindings = AgentHostBindings.read(file("""
                compute-agent-01 compute-01
                0123456789abcdef0123456789abcdef compute-02
                rack7/agent compute-7*
                """, "rw-r-----"));

        assertThat(bindings.hostsOf("u1", "compute-agent-01", "default", "Default").patterns())
                .containsExactly("compute-01");
        assertThat(bindings.hostsOf("u1", "compute-agent-01", "f00d", "other")).isEqualTo(AgentHosts.NONE);
        assertThat(bindings.hostsOf("0123456789abcdef0123456789abcdef", "anyone", "f00d", "other").patterns())
                .containsExactly("compute-02");
        assertThat(bindings.hostsOf("u3", "agent", "beef", "rack7").patterns()).containsExactly("compute-7*");
        assertThat(bindings.hostsOf("u4", "agent", "default", "Default")).isEqualTo(AgentHosts.NONE);
    }

    @Test
    void aKeystoneUserNamedTwiceStopsStartUp() throws IOException {
        Path file = file("agent compute-01\nagent compute-02\n", "rw-------");

        assertThatThrownBy(() -> AgentHostBindings.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [agent_identity] hosts_file: '" + file
                        + "' line 2: user agent is named twice");
    }
}
