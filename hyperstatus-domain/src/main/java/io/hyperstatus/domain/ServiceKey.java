package io.hyperstatus.domain;

import java.util.Objects;

/** Names a service the way agents and operators do: by host and binary. */
public record ServiceKey(String host, String binary) {
    public ServiceKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(binary, "binary");
    }
}
