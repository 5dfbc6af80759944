package io.hyperstatus.protocol.agent;

import io.hyperstatus.domain.ServiceKey;
import java.util.List;

/** {@code POST /agent/v1/services}: {@code {"services": [{"host": ..., "binary": ...}]}}. */
public record RegisterServicesRequest(List<ServiceKey> services) {
    public RegisterServicesRequest {
        services = List.copyOf(services);
    }
}
