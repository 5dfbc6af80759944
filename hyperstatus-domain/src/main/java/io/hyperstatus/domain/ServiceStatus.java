package io.hyperstatus.domain;

/** The administrative status of a service: {@code enabled} or {@code disabled}. */
public enum ServiceStatus {
    ENABLED("enabled"),
    DISABLED("disabled");

    private final String wireName;

    ServiceStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
