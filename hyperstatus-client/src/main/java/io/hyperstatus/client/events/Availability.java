package io.hyperstatus.client.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A service's availability over a window, as the servers compute it from the event log. */
public record Availability(EventService service, Instant start, Instant end, double upFraction,
                           double disabledFraction, int downPeriods, double longestDownSeconds,
                           List<DownPeriod> periods) {
    public Availability {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (upFraction < 0 || upFraction > 1 || disabledFraction < 0 || disabledFraction > 1) {
            throw new IllegalArgumentException("fractions must be within 0 and 1: up " + upFraction + ", disabled "
                    + disabledFraction);
        }
        if (downPeriods < 0 || longestDownSeconds < 0) {
            throw new IllegalArgumentException(downPeriods + " down periods, the longest " + longestDownSeconds + " s");
        }
        periods = List.copyOf(periods);
    }
}
