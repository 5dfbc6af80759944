package io.hyperstatus.core.events;

import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How available a service was over a window, computed from its events alone: the share of the window it was up,
 * the share it was disabled, and each period it was down (clipped to the window; {@code end} null for one that had
 * not ended when the window did). The shares are of the time the service existed within the window: a service
 * created in the middle of it and up since is up 100 % of it (0 for both when it never existed in the window).
 */
public record Availability(EventSubject service, Instant start, Instant end, double upFraction,
                           double disabledFraction, List<DownPeriod> periods) {

    /** One stretch of {@code down}: from the event that began it (or the window's start) to the one that ended it. */
    public record DownPeriod(Instant start, Instant end, double seconds) {
        public DownPeriod {
            Objects.requireNonNull(start, "start");
            if (seconds < 0) {
                throw new IllegalArgumentException("a period lasts no negative time: " + seconds);
            }
        }
    }

    public Availability {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window ends after it starts: " + start + " / " + end);
        }
        periods = List.copyOf(periods);
    }

    public int downPeriods() {
        return periods.size();
    }

    public double longestDownSeconds() {
        return periods.stream().mapToDouble(DownPeriod::seconds).max().orElse(0.0);
    }

    /**
     * {@code atStart}: the service as it was when the window opened (null when it did not exist then);
     * {@code events}: its events that happened within the window, in any order (they are taken by time, then id).
     */
    public static Availability compute(EventSubject service, Instant start, Instant end, EventSnapshot atStart,
                                       List<LoggedEvent> events) {
        List<LoggedEvent> inWindow = events.stream()
                .filter(e -> !e.time().isBefore(start) && e.time().isBefore(end))
                .sorted(Comparator.comparing(LoggedEvent::time).thenComparingLong(LoggedEvent::id))
                .toList();
        long upMicros = 0;
        long disabledMicros = 0;
        long existedMicros = 0;
        List<DownPeriod> periods = new ArrayList<>();
        EventSnapshot current = atStart;
        Instant since = start;
        Instant downSince = isDown(current) ? start : null;
        for (LoggedEvent event : inWindow) {
            Instant at = event.time();
            long span = micros(since, at);
            upMicros += isUp(current) ? span : 0;
            disabledMicros += isDisabled(current) ? span : 0;
            existedMicros += current != null ? span : 0;
            EventSnapshot next = event.record().after();
            if (downSince != null && !isDown(next)) {
                periods.add(new DownPeriod(downSince, at, seconds(micros(downSince, at))));
                downSince = null;
            } else if (downSince == null && isDown(next)) {
                downSince = at;
            }
            current = next;
            since = at;
        }
        long span = micros(since, end);
        upMicros += isUp(current) ? span : 0;
        disabledMicros += isDisabled(current) ? span : 0;
        existedMicros += current != null ? span : 0;
        if (downSince != null) {
            periods.add(new DownPeriod(downSince, null, seconds(micros(downSince, end))));
        }
        double existed = existedMicros;
        return new Availability(service, start, end, existedMicros == 0 ? 0.0 : share(upMicros / existed),
                existedMicros == 0 ? 0.0 : share(disabledMicros / existed), periods);
    }

    private static boolean isUp(EventSnapshot snapshot) {
        return snapshot != null && snapshot.state() == ServiceState.UP;
    }

    private static boolean isDown(EventSnapshot snapshot) {
        return snapshot != null && snapshot.state() == ServiceState.DOWN;
    }

    private static boolean isDisabled(EventSnapshot snapshot) {
        return snapshot != null && snapshot.status() == ServiceStatus.DISABLED;
    }

    private static long micros(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
    }

    private static double seconds(long micros) {
        return micros / 1_000_000.0;
    }

    /** Six decimals: a share of a year to about 30 seconds, and no figure like 0.30000000000000004. */
    private static double share(double fraction) {
        return Math.round(fraction * 1_000_000.0) / 1_000_000.0;
    }
}
