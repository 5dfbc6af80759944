package io.hyperstatus.domain;

import java.util.Locale;

/** The administrative status of a service: {@code enabled} or {@code disabled}. */
public enum ServiceStatus {
    ENABLED,
    DISABLED;

    /** The name in the API's answers: the constant's name in lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
