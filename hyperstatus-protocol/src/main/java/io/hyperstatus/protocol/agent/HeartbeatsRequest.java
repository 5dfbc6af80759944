package io.hyperstatus.protocol.agent;

import io.hyperstatus.domain.ServiceKey;
import java.util.List;

/** {@code POST /agent/v1/heartbeats}: {@code {"heartbeats": [{"host": ..., "binary": ...}]}}. */
public record HeartbeatsRequest(List<ServiceKey> heartbeats) {
    public HeartbeatsRequest {
        heartbeats = List.copyOf(heartbeats);
    }
}
