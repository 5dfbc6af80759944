package io.hyperstatus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.config.ConfigSample;
import io.hyperstatus.config.OptionCatalogue;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hyperstatus config sample}, run in-process. */
class ConfigSampleCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Hyperstatus.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void itPrintsTheCommentedSampleWithEveryOption() {
        assertThat(run("config", "sample")).isZero();

        assertThat(out.toString()).isEqualTo(ConfigSample.ini()).startsWith("# A sample hyperstatus configuration");
        assertThat(out.toString().lines())
                .contains("[DEFAULT]", "#service_down_time = 60", "[keystone_authtoken]", "#http_request_timeout = 5");
        OptionCatalogue.options().forEach(option ->
                assertThat(out.toString()).as(option.toString()).containsPattern("(?m)^#" + option.name() + " ="));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withFormatMarkdownItPrintsTheReadmesTable() {
        assertThat(run("config", "sample", "--format", "markdown")).isZero();

        assertThat(out.toString()).isEqualTo(ConfigSample.markdownTable())
                .startsWith("| Section | Option | Type | Default | Meaning |\n");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("config", "sample", "--format", "yaml")).isEqualTo(2);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("yaml");
    }
}
