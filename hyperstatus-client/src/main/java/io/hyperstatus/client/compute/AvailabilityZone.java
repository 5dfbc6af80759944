package io.hyperstatus.client.compute;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An availability zone of {@code availabilityZoneInfo}: its name, whether it is available (one of its services is
 * enabled) and, in the detail of an available zone, its hosts in the server's order, each with its enabled services
 * by binary. {@code hosts} is null when the answer has none (the summary list, a zone that is not available).
 */
public record AvailabilityZone(String name, boolean available, Map<String, Map<String, ZoneService>> hosts) {
    public AvailabilityZone {
        if (hosts != null) {
            Map<String, Map<String, ZoneService>> copied = new LinkedHashMap<>();
            hosts.forEach((host, services) -> copied.put(host, Collections.unmodifiableMap(new LinkedHashMap<>(services))));
            hosts = Collections.unmodifiableMap(copied);
        }
    }

    /**
     * A service in a zone's detail: {@code available} when it is up, {@code active} when it is enabled, and its
     * last heartbeat ({@code updated_at}, null if it never reported).
     */
    public record ZoneService(boolean available, boolean active, String updatedAt) {
    }
}
