package io.hyperstatus.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PEM file and the option (or command-line flag) that names it, so that whatever is wrong with the file is
 * reported under the name the operator wrote.
 */
public record PemFile(String option, Path path) {
    public PemFile {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(path, "path");
    }

    /** "Invalid value for option [ssl] cert_file: '/etc/cert.pem' " and {@code why}. */
    public ConfigException invalid(String why) {
        return new ConfigException("Invalid value for option " + option + ": '" + path + "' " + why);
    }

    /** As {@link #invalid(String)}, keeping what the refusal came from. */
    public ConfigException invalid(String why, Throwable cause) {
        return new ConfigException("Invalid value for option " + option + ": '" + path + "' " + why, cause);
    }
}
