package io.hyperstatus.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A host aggregate as stored: its hosts in the order they were added and its metadata in the order the keys were
 * first set. {@code updatedAt} moves only when the aggregate row itself changes (a rename), as in Nova.
 */
public record Aggregate(
        long id,
        String uuid,
        String name,
        Instant createdAt,
        Instant updatedAt,
        List<String> hosts,
        Map<String, String> metadata) {

    public static final String AVAILABILITY_ZONE = "availability_zone";

    public Aggregate {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        hosts = List.copyOf(hosts);
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** The {@code availability_zone} metadata, or null. */
    public String availabilityZone() {
        return metadata.get(AVAILABILITY_ZONE);
    }

    public Aggregate withUpdatedAt(Instant instant) {
        return new Aggregate(id, uuid, name, createdAt, instant, hosts, metadata);
    }
}
