package io.hyperstatus.client.compute;

/**
 * Which hypervisors to list: those whose hostname contains {@code matching} (null: all), and a page of at most
 * {@code limit} after {@code marker} (both null: every page).
 */
public record HypervisorQuery(String matching, Integer limit, String marker) {
    public static final HypervisorQuery ALL = new HypervisorQuery(null, null, null);

    public HypervisorQuery {
        if (matching != null && (limit != null || marker != null)) {
            throw new IllegalArgumentException("a hostname pattern cannot be combined with limit or marker");
        }
    }
}
