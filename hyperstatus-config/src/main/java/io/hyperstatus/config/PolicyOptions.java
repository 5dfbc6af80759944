package io.hyperstatus.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code [oslo_policy]} options. {@code policyFile} is already resolved to the file to read;
 * {@code policyFileSet} tells whether the operator named it, because then a missing file is an error,
 * while a missing default {@code policy.yaml} just means no overrides.
 */
public record PolicyOptions(Path policyFile, boolean policyFileSet) {
    public static final String DEFAULT_POLICY_FILE = "policy.yaml";


    /**
     * Resolves {@code policy_file} as oslo.config's {@code find_file} does, narrowed to hyperstatus's folders: an
     * absolute path is taken as is; a relative one is looked up in the configuration file's folder, then in
     * {@code state_path}, and the first that has it wins. When neither has it, the first folder is where it is
     * expected (and where it is picked up if it appears later).
     */
    static PolicyOptions from(IniOptions ini, Optional<Path> configDir, Path statePath) {
        Optional<Path> configured = ini.find(PolicyDeclarations.POLICY_FILE);
        Path given = configured.orElseGet(() -> ini.value(PolicyDeclarations.POLICY_FILE));
        if (given.isAbsolute()) {
            return new PolicyOptions(given, configured.isPresent());
        }
        List<Path> folders = new ArrayList<>();
        configDir.ifPresent(folders::add);
        folders.add(statePath);
        Path resolved = folders.stream().map(dir -> dir.resolve(given)).filter(Files::exists).findFirst()
                .orElse(folders.get(0).resolve(given));
        return new PolicyOptions(resolved, configured.isPresent());
    }
}
