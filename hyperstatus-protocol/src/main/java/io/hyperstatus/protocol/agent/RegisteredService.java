package io.hyperstatus.protocol.agent;

import io.hyperstatus.domain.ServiceKey;
import java.util.Objects;

/** A service as registered: its database id, its UUID, and whether this call created it. */
public record RegisteredService(String host, String binary, long id, String uuid, boolean created) {
    public RegisteredService {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(uuid, "uuid");
    }

    public RegisteredService(ServiceKey key, long id, String uuid, boolean created) {
        this(key.host(), key.binary(), id, uuid, created);
    }

    public ServiceKey key() {
        return new ServiceKey(host, binary);
    }
}
