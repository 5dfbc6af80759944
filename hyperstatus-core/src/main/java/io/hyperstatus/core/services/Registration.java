package io.hyperstatus.core.services;

import io.hyperstatus.domain.ServiceKey;
import java.util.Objects;

/** A registered service's identifiers, and whether this registration created it. */
public record Registration(ServiceKey key, long id, String uuid, boolean created) {
    public Registration {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uuid, "uuid");
    }
}
