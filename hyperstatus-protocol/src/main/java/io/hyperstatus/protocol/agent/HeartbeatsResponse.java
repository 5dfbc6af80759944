package io.hyperstatus.protocol.agent;

import io.hyperstatus.domain.ServiceKey;
import java.util.List;

/** The answer to {@code POST /agent/v1/heartbeats}: the services that are not registered and must register again. */
public record HeartbeatsResponse(List<ServiceKey> unknown) {
    public HeartbeatsResponse {
        unknown = List.copyOf(unknown);
    }
}
