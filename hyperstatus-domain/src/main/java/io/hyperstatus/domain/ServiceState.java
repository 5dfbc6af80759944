package io.hyperstatus.domain;

/** Liveness of a service: {@code up} while it heartbeats and is not forced down. */
public enum ServiceState {
    UP("up"),
    DOWN("down");

    private final String wireName;

    ServiceState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
