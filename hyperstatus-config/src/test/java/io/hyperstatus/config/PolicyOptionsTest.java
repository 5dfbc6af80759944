package io.hyperstatus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code [oslo_policy] policy_file} is looked for. */
class PolicyOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aRelativePolicyFileIsFoundBesideTheConfigFileThenInTheStatePath() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path state = Files.createDirectories(dir.resolve("state"));
        Path conf = etc.resolve("hyperstatus.conf");
        Files.writeString(conf, "[DEFAULT]\nstate_path = " + state + "\n");
        assertThat(HyperstatusConfig.load(conf).policy().policyFile()).isEqualTo(etc.resolve("policy.yaml"));
        assertThat(HyperstatusConfig.load(conf).policy().policyFileSet()).isFalse();

        Files.writeString(state.resolve("policy.yaml"), "");
        assertThat(HyperstatusConfig.load(conf).policy().policyFile()).isEqualTo(state.resolve("policy.yaml"));
        Files.writeString(etc.resolve("policy.yaml"), "");
        assertThat(HyperstatusConfig.load(conf).policy().policyFile()).isEqualTo(etc.resolve("policy.yaml"));

        Files.writeString(conf, "[DEFAULT]\nstate_path = " + state + "\n[oslo_policy]\npolicy_file = rules/p.json\n");
        assertThat(HyperstatusConfig.load(conf).policy().policyFile()).isEqualTo(etc.resolve("rules/p.json"));
        assertThat(HyperstatusConfig.load(conf).policy().policyFileSet()).isTrue();

        assertThat(HyperstatusConfig.parse("[DEFAULT]\nstate_path = " + state + "\n").policy().policyFile())
                .as("without a configuration file").isEqualTo(state.resolve("policy.yaml"));
        assertThat(HyperstatusConfig.parse("[oslo_policy]\npolicy_file = /srv/p.yaml\n").policy().policyFile())
                .isEqualTo(Path.of("/srv/p.yaml"));
    }
}
