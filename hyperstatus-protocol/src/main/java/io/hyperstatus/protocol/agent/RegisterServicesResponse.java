package io.hyperstatus.protocol.agent;

import java.util.List;

/** The answer to {@code POST /agent/v1/services}: each service's identifiers, in request order. */
public record RegisterServicesResponse(List<RegisteredService> services) {
    public RegisterServicesResponse {
        services = List.copyOf(services);
    }
}
