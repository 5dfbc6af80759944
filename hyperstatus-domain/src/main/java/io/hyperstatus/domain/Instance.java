package io.hyperstatus.domain;

import java.util.Objects;

/** A server running on a host: its UUID and its internal name ({@code instance-0000000a}). */
public record Instance(String uuid, String name) {
    public Instance {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
    }
}
