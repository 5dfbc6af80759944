package io.hyperstatus.core.hypervisors;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Every zone that has a hypervisor, by name, with the database clock the hypervisors were judged by. */
public record ZoneSummaries(List<ZoneSummary> zones, Instant now) {
    public ZoneSummaries {
        zones = List.copyOf(zones);
        Objects.requireNonNull(now, "now");
    }
}
