package io.hyperstatus.domain;

import java.util.Locale;

/** Liveness of a service: {@code up} while it heartbeats and is not forced down. */
public enum ServiceState {
    UP,
    DOWN;

    /** The name in the API's answers: the constant's name in lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
