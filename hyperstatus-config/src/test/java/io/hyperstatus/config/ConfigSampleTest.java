package io.hyperstatus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code hyperstatus config sample} and the README's table, both printed from the declarations. */
class ConfigSampleTest {
    private final String sample = ConfigSample.ini();

    @Test
    void theSampleShowsEveryOptionUnderItsSectionWithItsDefault() {
        for (Option<?> option : OptionCatalogue.options()) {
            String section = sectionOf(option.section());
            String expected = option.defaultValue() instanceof OptionDefault.Literal literal
                    && !literal.text().isEmpty() ? "#" + option.name() + " = " + literal.text() : "#" + option.name() + " =";
            assertThat(section.lines()).as(option.toString()).contains(expected);
        }
    }

    @Test
    void eachOptionComesWithItsHelpTypeAndDefault() {
        assertThat(sectionOf("api")).contains("""
                # The largest (and default) page of hypervisors.
                # Type: integer (1 to 1000000)
                # Default: 1000
                #max_limit = 1000
                """);
        assertThat(sectionOf("keystone_authtoken")).contains("""
                # Keystone's identity endpoint (http://host:5000 or .../v3).
                # Type: http(s) URL
                # Default: (required with Keystone)
                #auth_url =
                """);
        assertThat(sectionOf("DEFAULT")).contains("""
                # Whose file system is the host's local_gb.
                # Type: path
                # Default: <state_path>/instances
                #instances_path =
                """);
    }

    @Test
    void sectionsComeDefaultFirstThenByName() {
        List<String> sections = sample.lines().filter(line -> line.startsWith("[")).toList();
        assertThat(sections.get(0)).isEqualTo("[DEFAULT]");
        assertThat(sections.subList(1, sections.size())).isSorted().doesNotHaveDuplicates()
                .contains("[agent]", "[api]", "[database]", "[keystone_authtoken]", "[oslo_policy]");
    }

    @Test
    void uncommentingTheSamplesValuesChangesNothing() {
        String uncommented = sample.lines()
                .filter(line -> line.startsWith("[") || line.matches("#[a-z_]+ = .+"))
                .map(line -> line.startsWith("#") ? line.substring(1) : line)
                .collect(Collectors.joining("\n"));
        // Only naming the policy file changes something: a named file must exist.
        assertThat(HyperstatusConfig.parse(uncommented)).usingRecursiveComparison()
                .ignoringFields("policy.policyFileSet").isEqualTo(HyperstatusConfig.defaults());
    }

    @Test
    void theReadmesConfigurationTableIsTheOnePrintedFromTheDeclarations() throws IOException {
        List<String> readme = Files.readAllLines(repositoryRoot().resolve("README.md"));
        int start = readme.indexOf(ConfigSample.markdownTable().lines().findFirst().orElseThrow());
        assertThat(start).as("the README's configuration table header").isNotNegative();
        List<String> table = new ArrayList<>();
        for (int i = start; i < readme.size() && readme.get(i).startsWith("|"); i++) {
            table.add(readme.get(i));
        }
        assertThat(String.join("\n", table) + "\n")
                .as("README.md's table; print the current one with `hyperstatus config sample --format markdown`")
                .isEqualTo(ConfigSample.markdownTable());
    }

    /** The text of {@code [name]} up to the next section. */
    private String sectionOf(String name) {
        int start = sample.indexOf("\n[" + name + "]\n");
        assertThat(start).as("[" + name + "] in the sample").isNotNegative();
        int end = sample.indexOf("\n[", start + 1);
        return sample.substring(start, end < 0 ? sample.length() : end);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a folder above the module with README.md").isNotNull();
        return dir;
    }
}
