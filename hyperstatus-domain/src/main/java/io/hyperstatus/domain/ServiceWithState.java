package io.hyperstatus.domain;

import java.util.Objects;

/** A service with its liveness, as the services API shows it. */
public record ServiceWithState(Service service, ServiceState state) {
    public ServiceWithState {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(state, "state");
    }
}
