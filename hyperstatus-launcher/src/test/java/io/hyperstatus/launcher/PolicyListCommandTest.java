package io.hyperstatus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hyperstatus policy list}, run in-process. */
class PolicyListCommandTest {
    @TempDir
    Path dir;

    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("hyperstatus.conf");
        Files.writeString(config, "[DEFAULT]\nstate_path = " + dir.resolve("state") + "\n");
    }

    private int run(String... args) {
        CommandLine commandLine = Hyperstatus.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private List<String> lines() {
        return Arrays.asList(out.toString().split("\n"));
    }

    @Test
    void withoutAPolicyFileItPrintsTheDefaultsSorted() {
        assertThat(run("policy", "list", "--config-file", config.toString())).isZero();

        List<String> lines = lines();
        assertThat(lines.get(0)).isEqualTo("# Defaults; no overrides in " + dir.resolve("policy.yaml"));
        List<String> rules = lines.subList(1, lines.size());
        assertThat(rules).isSorted().allMatch(line -> line.startsWith("  "));
        assertThat(rules).contains(
                "  admin_api = is_admin:True",
                "  admin_or_owner = is_admin:True or project_id:%(project_id)s",
                "  context_is_admin = role:admin",
                "  hyperstatus:agent:report = role:compute_agent",
                "  hyperstatus:events:availability = rule:context_is_admin",
                "  hyperstatus:events:list = rule:context_is_admin",
                "  hyperstatus:events:stream = rule:context_is_admin",
                "  hyperstatus:hypervisors:list = rule:context_is_admin",
                "  hyperstatus:zones:summary = rule:context_is_admin",
                "  os_compute_api:extensions = @",
                "  os_compute_api:os-hypervisors:list = rule:context_is_admin",
                "  os_compute_api:os-services:delete = rule:context_is_admin",
                "  project_reader_api = role:reader and project_id:%(project_id)s");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void overriddenRulesAreMarked() throws IOException {
        Files.writeString(dir.resolve("policy.yaml"), """
                os_compute_api:os-hypervisors:list: role:reader
                everyone: ''
                readers: rule:nobody_knows
                """);

        assertThat(run("policy", "list", "--config-file", config.toString())).isZero();

        assertThat(lines().get(0))
                .isEqualTo("# Defaults with the overrides (marked *) of " + dir.resolve("policy.yaml"));
        assertThat(lines()).contains(
                "* os_compute_api:os-hypervisors:list = role:reader",
                "* everyone = \"\"",
                "  os_compute_api:os-hypervisors:show = rule:context_is_admin");
        assertThat(err.toString().strip())
                .isEqualTo("warning: rule \"readers\" refers to undefined rule \"nobody_knows\", which denies");
    }

    @Test
    void aBrokenPolicyFileIsRefusedNamingTheFile() throws IOException {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "os_compute_api:os-hypervisors:list: (role:reader\n");

        assertThat(run("policy", "list", "--config-file", config.toString())).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo("hyperstatus: Cannot load policy file " + policy
                + ": rule \"os_compute_api:os-hypervisors:list\": cannot parse \"(role:reader\":"
                + " missing ')' for the '(' at position 1");
        assertThat(out.toString()).isEmpty();
    }
}
