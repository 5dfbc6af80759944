package io.hyperstatus.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code [healthcheck]} options (see {@link HealthcheckDeclarations}): whether {@code /healthcheck} details
 * its checks, and the file whose presence takes the server out of a load balancer's rotation.
 */
public record HealthcheckOptions(boolean detailed, Optional<Path> disableByFilePath) {

    /** Neither detailed nor disabled by any file. */
    public static HealthcheckOptions defaults() {
        return new HealthcheckOptions(false, Optional.empty());
    }

    static HealthcheckOptions from(IniOptions ini) {
        return new HealthcheckOptions(ini.value(HealthcheckDeclarations.DETAILED),
                ini.find(HealthcheckDeclarations.DISABLE_BY_FILE_PATH));
    }
}
