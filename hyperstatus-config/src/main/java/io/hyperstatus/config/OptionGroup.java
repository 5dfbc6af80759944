package io.hyperstatus.config;

import java.util.List;
import java.util.Objects;

/** The options one role (the API server, the database, the agent...) reads, in the order they are documented. */
public record OptionGroup(String role, List<Option<?>> options) {
    public OptionGroup {
        Objects.requireNonNull(role, "role");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("role " + role + " declares no option");
        }
    }
}
