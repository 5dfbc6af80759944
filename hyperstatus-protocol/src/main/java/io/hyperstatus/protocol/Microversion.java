package io.hyperstatus.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compute API microversion such as 2.53, as the server negotiates it and the client and CLI request it. Ordered
 * numerically, so 2.9 &lt; 2.10 &lt; 2.100.
 */
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

    public Microversion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative version " + major + "." + minor);
        }
    }

    /**
     * Parses {@code X.Y} given by a user (surrounding blanks allowed); anything else is an
     * {@link IllegalArgumentException} saying the form expected.
     */
    public static Microversion parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid microversion '" + text + "': must be of the form 2.53");
        }
        return new Microversion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /**
     * Parses exactly {@code X.Y} as a server reads a request header; null when the text is not of that form. A
     * number too large for an int reads as the largest version, which no server offers.
     */
    public static Microversion parseOrNull(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return new Microversion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException tooLarge) {
            return new Microversion(Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
    }

    public boolean atLeast(Microversion other) {
        return compareTo(other) >= 0;
    }

    public boolean below(Microversion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Microversion other) {
        int byMajor = Integer.compare(major, other.major);
        return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
