package io.hyperstatus.config;

import java.nio.file.Path;
import java.util.List;

/** The {@code [oslo_policy]} options. */
final class PolicyDeclarations {
    static final Option<Path> POLICY_FILE = Option.of("oslo_policy", "policy_file", ValueTypes.path(),
            PolicyOptions.DEFAULT_POLICY_FILE, "rule overrides, see [Policy](#policy)").blankMeansDefault();

    static final OptionGroup GROUP = new OptionGroup("policy", List.of(POLICY_FILE));

    private PolicyDeclarations() {
    }
}
