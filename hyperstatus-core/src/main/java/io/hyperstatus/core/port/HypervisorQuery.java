package io.hyperstatus.core.port;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Which hypervisors to read: all of them, a page after a node id, or those whose hostname is LIKE a pattern.
 * The pattern is used as given inside {@code %...%}, so {@code _} and {@code %} act as wildcards, as in Nova.
 */
public record HypervisorQuery(OptionalLong afterId, OptionalInt limit, Optional<String> hostnamePattern) {
    public HypervisorQuery {
        Objects.requireNonNull(afterId, "afterId");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(hostnamePattern, "hostnamePattern");
        if (limit.isPresent() && limit.getAsInt() < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
    }

    public static HypervisorQuery all() {
        return new HypervisorQuery(OptionalLong.empty(), OptionalInt.empty(), Optional.empty());
    }

    public static HypervisorQuery page(OptionalLong afterId, int limit) {
        return new HypervisorQuery(afterId, OptionalInt.of(limit), Optional.empty());
    }

    public static HypervisorQuery matching(String pattern) {
        return new HypervisorQuery(OptionalLong.empty(), OptionalInt.empty(), Optional.of(pattern));
    }
}
