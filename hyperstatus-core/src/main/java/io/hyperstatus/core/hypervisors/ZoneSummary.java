package io.hyperstatus.core.hypervisors;

import java.util.Objects;

/** A zone's hypervisors counted by state and status, and whether so many are down that the zone is disrupted. */
public record ZoneSummary(String zone, int upEnabled, int upDisabled, int downEnabled, int downDisabled,
                          boolean disrupted) {
    public ZoneSummary {
        Objects.requireNonNull(zone, "zone");
        if (upEnabled < 0 || upDisabled < 0 || downEnabled < 0 || downDisabled < 0) {
            throw new IllegalArgumentException("a count is negative");
        }
    }

    public int hypervisors() {
        return upEnabled + upDisabled + downEnabled + downDisabled;
    }

    public int down() {
        return downEnabled + downDisabled;
    }
}
