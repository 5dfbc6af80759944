package io.hyperstatus.server.api.policy;

import static io.hyperstatus.server.testing.FileEdits.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.config.ConfigException;
import io.hyperstatus.server.api.auth.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, reloading and refusing policy files, on a clock the test moves. */
class PolicyFileTest {
    private static final Credentials READER = new Credentials("demo", "demo", Set.of("member", "reader"));
    private static final String LIST = "os_compute_api:os-hypervisors:list";

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    /** The policy file of most tests, in the configuration's default format. */
    private Path file;

    @BeforeEach
    void nameThePolicyFile() {
        file = dir.resolve("policy.yaml");
    }

    private void aSecondPasses() {
        clock.addAndGet(PolicyFile.CHECK_INTERVAL.toNanos());
    }

    /** A change the next check sees: made, then the check interval waited out. */
    private void editASecondAgo(Path file, String text) throws IOException {
        write(file, text);
        aSecondPasses();
    }

    /** The policy file as the configuration names it, written to let readers list hypervisors. */
    private PolicyFile openConfiguredLettingReadersList() throws IOException {
        write(file, LIST + ": role:reader\n");
        return PolicyFile.open(file, true, clock::get);
    }

    private boolean readerMayList(PolicyFile file) {
        return file.rules().allows(PolicyRule.HYPERVISORS_LIST, READER);
    }

    @Test
    void aMissingDefaultFileMeansTheDefaults() {
        PolicyFile file = PolicyFile.open(dir.resolve("policy.yaml"), false, clock::get);
        assertThat(file.rules().all()).noneMatch(PolicyRules.Effective::overridden);
        assertThat(readerMayList(file)).isFalse();
    }

    @Test
    void aMissingConfiguredFileStopsStartUpNamingTheOption() {
        Path missing = dir.resolve("nowhere.yaml");
        assertThatThrownBy(() -> PolicyFile.open(missing, true, clock::get))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [oslo_policy] policy_file: '" + missing + "' does not exist");
    }

    @Test
    void yamlAndJsonFilesOverrideRules() throws IOException {
        Path yaml = dir.resolve("policy.yaml");
        write(yaml, "# readers may list\n" + LIST + ": role:reader\n\"custom\": \"@\"\n");
        PolicyRules rules = PolicyFile.open(yaml, true, clock::get).rules();
        assertThat(rules.allows(PolicyRule.HYPERVISORS_LIST, READER)).isTrue();
        assertThat(rules.allows(PolicyRule.HYPERVISORS_SHOW, READER)).isFalse();
        assertThat(rules.rule(LIST).orElseThrow().overridden()).isTrue();
        assertThat(rules.rule("custom").orElseThrow().checkString()).isEqualTo("@");

        Path json = dir.resolve("policy.json");
        write(json, "{\"" + LIST + "\": \"rule:project_reader_api\", \"context_is_admin\": \"role:admin\"}");
        PolicyRules fromJson = PolicyFile.open(json, true, clock::get).rules();
        assertThat(fromJson.allows(PolicyRule.HYPERVISORS_LIST, READER)).isTrue();
    }

    @Test
    void anEmptyFileOverridesNothing() throws IOException {
        write(file, "# nothing yet\n");
        assertThat(PolicyFile.open(file, true, clock::get).rules().all()).noneMatch(PolicyRules.Effective::overridden);
    }

    @Test
    void aBrokenFileStopsStartUpNamingTheFileAndTheReason() throws IOException {
        write(file, LIST + ": role:reader or\n");
        assertThatThrownBy(() -> PolicyFile.open(file, false, clock::get))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Cannot load policy file " + file + ": rule \"" + LIST + "\": cannot parse \"role:reader or\":"
                        + " expected a check but found the end of the rule");

        write(file, LIST + ": [role:reader\n");
        assertThatThrownBy(() -> PolicyFile.open(file, false, clock::get))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Cannot load policy file " + file + ": not valid YAML (line ");
    }

    @Test
    void theFileMustMapNamesToStrings() {
        assertThatThrownBy(() -> PolicyFile.parse("- role:reader\n"))
                .hasMessage("it must map rule names to check strings, not be a list");
        assertThatThrownBy(() -> PolicyFile.parse("role:reader\n"))
                .hasMessage("it must map rule names to check strings, not be a single value");
        assertThatThrownBy(() -> PolicyFile.parse(LIST + ":\n"))
                .hasMessage("rule \"" + LIST + "\": the check string must be a string, not empty"
                        + " (quote it; an empty string allows everyone)");
        assertThatThrownBy(() -> PolicyFile.parse("a: 1\n"))
                .hasMessageStartingWith("rule \"a\": the check string must be a string, not 1");
        assertThatThrownBy(() -> PolicyFile.parse("a: '@'\na: '!'\n"))
                .hasMessageContaining("Duplicate field 'a'");
        assertThat(PolicyFile.parse("a: ''\n")).containsEntry("a", "");
    }

    @Test
    void aChangedFileIsReloadedAtTheNextCheck() throws IOException {
        PolicyFile policy = openConfiguredLettingReadersList();
        assertThat(readerMayList(policy)).isTrue();

        write(file, LIST + ": role:admin\n");
        assertThat(readerMayList(policy)).as("not looked at again within the second").isTrue();
        aSecondPasses();
        assertThat(readerMayList(policy)).isFalse();
    }

    @Test
    void aBrokenEditKeepsTheLastGoodRulesUntilFixed() throws IOException {
        PolicyFile policy = openConfiguredLettingReadersList();

        editASecondAgo(file, LIST + ": role:admin and (\n");
        assertThat(readerMayList(policy)).isTrue();
        editASecondAgo(file, "{{{ not yaml");
        assertThat(readerMayList(policy)).isTrue();

        editASecondAgo(file, LIST + ": role:admin\n");
        assertThat(readerMayList(policy)).isFalse();
    }

    @Test
    void aDefaultFileThatAppearsIsLoadedAndOneThatGoesLeavesTheDefaults() throws IOException {
        PolicyFile policy = PolicyFile.open(file, false, clock::get);
        assertThat(readerMayList(policy)).isFalse();

        editASecondAgo(file, LIST + ": role:reader\n");
        assertThat(readerMayList(policy)).isTrue();

        Files.delete(file);
        aSecondPasses();
        assertThat(readerMayList(policy)).isFalse();
    }

    @Test
    void aConfiguredFileThatGoesKeepsItsRules() throws IOException {
        PolicyFile policy = openConfiguredLettingReadersList();
        Files.delete(file);
        aSecondPasses();
        assertThat(readerMayList(policy)).isTrue();
    }
}
