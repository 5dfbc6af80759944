package io.hyperstatus.cli;

import io.hyperstatus.client.events.Availability;
import io.hyperstatus.client.events.Event;
import io.hyperstatus.client.events.EventService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How events read on the command line: the history and list tables, the watch line, the availability summary. */
final class EventRows {
    private static final DateTimeFormatter MICROSECONDS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    static final List<String> HISTORY_COLUMNS = List.of("Time", "Kind", "From -> To", "Reason", "Actor");
    static final List<String> LIST_COLUMNS = List.of("ID", "Time", "Kind", "Host", "Binary", "Zone", "From -> To",
            "Reason", "Actor");

    private EventRows() {
    }

    static ListOutput history(List<Event> events) {
        List<List<Object>> rows = new ArrayList<>();
        for (Event e : events) {
            rows.add(Arrays.asList(time(e.time()), e.kind(), e.change(), e.reason(), e.actor().label()));
        }
        return new ListOutput(HISTORY_COLUMNS, rows);
    }

    static ListOutput list(List<Event> events) {
        List<List<Object>> rows = new ArrayList<>();
        for (Event e : events) {
            EventService s = e.service();
            rows.add(Arrays.asList(e.id(), time(e.time()), e.kind(), s == null ? null : s.host(),
                    s == null ? null : s.binary(), e.zone(), e.change(), e.reason(), e.actor().label()));
        }
        return new ListOutput(LIST_COLUMNS, rows);
    }

    /**
     * One line a person can follow: {@code 2026-12-01T15:53:04Z #42 disabled compute-17/nova-compute
     * up/enabled -> up/disabled (rack 12 power) by admin}; the parts an event lacks are left out.
     */
    static String line(Event e) {
        StringBuilder line = new StringBuilder(seconds(e.time())).append(" #").append(e.id()).append(' ').append(e.kind());
        if (e.service() != null) {
            line.append(' ').append(e.service().name());
        } else if (e.zone() != null) {
            line.append(" zone ").append(e.zone());
        }
        if (e.change() != null) {
            line.append(' ').append(e.change());
        }
        if (e.reason() != null) {
            line.append(" (").append(Values.text(e.reason())).append(')');
        }
        return line.append(" by ").append(e.actor().label()).toString();
    }

    /** {@code up 99.31 % of the last 7 days, 2 outages, the longest 5m}. */
    static String summary(Availability a, String window) {
        StringBuilder line = new StringBuilder("up ").append(percent(a.upFraction())).append(" % of the last ")
                .append(window).append(", ").append(a.downPeriods()).append(a.downPeriods() == 1 ? " outage" : " outages");
        if (a.downPeriods() > 0) {
            line.append(", the longest ").append(span(Duration.ofMillis(Math.round(a.longestDownSeconds() * 1000))));
        }
        return line.toString();
    }

    /**
     * Rounded down to two decimals: a service down for a few seconds in a week is "99.99 %", never a "100 %"
     * that hides the outage the same line counts.
     */
    static String percent(double fraction) {
        BigDecimal value = BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.DOWN)
                .stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    /** {@code 45s}, {@code 5m}, {@code 5m 30s}, {@code 2h 5m}, {@code 3d 4h}: the two largest units. */
    static String span(Duration duration) {
        long seconds = duration.toSeconds();
        long[] amounts = {seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60};
        String[] units = {"d", "h", "m", "s"};
        int first = 0;
        while (first < 3 && amounts[first] == 0) {
            first++;
        }
        StringBuilder text = new StringBuilder().append(amounts[first]).append(units[first]);
        if (first < 3 && amounts[first + 1] > 0) {
            text.append(' ').append(amounts[first + 1]).append(units[first + 1]);
        }
        return text.toString();
    }

    /** Seconds in the text formats; in json and yaml the full time, written as the API writes it. */
    static Formatted time(Instant time) {
        return Formatted.text(seconds(time), MICROSECONDS.format(time));
    }

    private static String seconds(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
