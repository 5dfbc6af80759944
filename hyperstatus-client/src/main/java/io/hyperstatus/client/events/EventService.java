package io.hyperstatus.client.events;

import java.util.Objects;

/** The service an event is about: its id and uuid (kept after it is deleted), host and binary. */
public record EventService(long id, String uuid, String host, String binary) {
    public EventService {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(binary, "binary");
    }

    /** {@code host/binary}, as the commands print a service. */
    public String name() {
        return host + "/" + binary;
    }
}
