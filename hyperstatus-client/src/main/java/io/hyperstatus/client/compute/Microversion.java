package io.hyperstatus.client.compute;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compute API microversion such as 2.53; ordered numerically, so 2.9 &lt; 2.10. */
public record Microversion(int major, int minor) implements Comparable<Microversion> {
    private static final Pattern FORMAT = Pattern.compile("([1-9]\\d*)\\.([1-9]\\d*|0)");

    public static final Microversion V2_1 = new Microversion(2, 1);
    /** Services carry {@code forced_down}, and the force-down action exists. */
    public static final Microversion FORCED_DOWN = new Microversion(2, 11);
    /** Hypervisor lists take {@code limit} and {@code marker} and answer with {@code hypervisors_links}. */
    public static final Microversion PAGING = new Microversion(2, 33);
    /** UUID ids, {@code hypervisor_hostname_pattern}, {@code PUT /os-services/{uuid}}; no more search routes. */
    public static final Microversion UUIDS = new Microversion(2, 53);
    /** The last version with hypervisor statistics, uptime routes and the resource fields in details. */
    public static final Microversion LAST_WITH_STATISTICS = new Microversion(2, 87);

    /** Parses {@code X.Y} as Nova does; anything else is an {@link IllegalArgumentException}. */
    public static Microversion parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid microversion '" + text + "': must be of the form 2.53");
        }
        return new Microversion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public boolean atLeast(Microversion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Microversion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
