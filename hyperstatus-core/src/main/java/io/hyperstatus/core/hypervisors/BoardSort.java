package io.hyperstatus.core.hypervisors;

import java.util.Comparator;
import java.util.Locale;

/**
 * What the board sorts by. Hostnames compare ignoring case (then by case). States and statuses sort by their wire
 * names ("down" before "up", "disabled" before "enabled"), so that an ascending sort shows the hosts that need
 * attention first; a hypervisor that never heartbeated, or reported no running VMs, comes before every other.
 */
public enum BoardSort {
    HOSTNAME,
    STATE,
    STATUS,
    ZONE,
    LAST_HEARTBEAT,
    RUNNING_VMS,
    HYPERVISOR_TYPE;

    private static final Comparator<BoardEntry> BY_HOSTNAME = Comparator
            .comparing(BoardSort::hostname, String.CASE_INSENSITIVE_ORDER).thenComparing(BoardSort::hostname);
    /** Ties are broken by hostname, then by node id, so that every order is total and paging is stable. */
    private static final Comparator<BoardEntry> TIES = BY_HOSTNAME
            .thenComparingLong(entry -> entry.hypervisor().node().id());

    /** The name in the API: the constant's name in lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The whole order: descending is the ascending order reversed, ties included. */
    Comparator<BoardEntry> order(boolean descending) {
        Comparator<BoardEntry> order = key().thenComparing(TIES);
        return descending ? order.reversed() : order;
    }

    private Comparator<BoardEntry> key() {
        return switch (this) {
            case HOSTNAME -> BY_HOSTNAME;
            case STATE -> Comparator.comparing(entry -> entry.hypervisor().state().wireName());
            case STATUS -> Comparator.comparing(entry -> entry.hypervisor().status().wireName());
            case ZONE -> Comparator.comparing(BoardEntry::zone);
            case LAST_HEARTBEAT -> Comparator.comparing(entry -> entry.hypervisor().service().lastSeenUp(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case RUNNING_VMS -> Comparator.comparing(entry -> entry.hypervisor().node().resources().runningVms(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case HYPERVISOR_TYPE -> Comparator.comparing(entry -> entry.hypervisor().node().resources().hypervisorType());
        };
    }

    private static String hostname(BoardEntry entry) {
        return entry.hypervisor().node().hypervisorHostname();
    }
}
