package io.hyperstatus.config;

/** A configuration problem that stops start-up; the message names the file or option at fault. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
