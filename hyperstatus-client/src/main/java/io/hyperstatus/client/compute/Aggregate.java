package io.hyperstatus.client.compute;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host aggregate as {@code /os-aggregates} answers it. The id is an integer at every microversion; the uuid is
 * there from 2.41 (null before). Timestamps are Nova's naive UTC texts, null when not set. The answer to a create
 * has neither hosts nor metadata: a new aggregate has none, so they are empty. The metadata holds
 * {@code availability_zone} too, as in the API.
 */
public record Aggregate(long id, String uuid, String name, String availabilityZone, List<String> hosts,
                        Map<String, String> metadata, String createdAt, String updatedAt, String deletedAt,
                        boolean deleted) {
    /** The key under which the metadata holds the zone. */
    public static final String AVAILABILITY_ZONE = "availability_zone";

    public Aggregate {
        hosts = List.copyOf(hosts);
        // Metadata values are never null in an answer, but a map that kept order and allowed them costs nothing.
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The metadata without {@code availability_zone}, which has its own field: what the standard clients show. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>(metadata);
        properties.remove(AVAILABILITY_ZONE);
        return Collections.unmodifiableMap(properties);
    }
}
