package io.hyperstatus.agent;

import io.hyperstatus.config.HyperstatusConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The agent's pace: a heartbeat (and a report of what changed) every {@code reportInterval}, a full report of every
 * node every {@code updateResourcesInterval}, and a loud warning when no heartbeat has been accepted for
 * {@code serviceDownTime}, the time after which the servers list its services down.
 */
public record AgentSchedule(Duration reportInterval, Duration updateResourcesInterval, Duration serviceDownTime) {
    public AgentSchedule {
        Objects.requireNonNull(reportInterval, "reportInterval");
        Objects.requireNonNull(updateResourcesInterval, "updateResourcesInterval");
        Objects.requireNonNull(serviceDownTime, "serviceDownTime");
    }

    /** As {@code report_interval}, {@code update_resources_interval} and {@code service_down_time} say. */
    public static AgentSchedule of(HyperstatusConfig config) {
        return new AgentSchedule(config.reportInterval(), config.agent().updateResourcesInterval(),
                config.serviceDownTime());
    }
}
