package io.hyperstatus.server.api.microversion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compute API microversion such as 2.53; ordered numerically, so 2.9 < 2.10 < 2.100. */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative version " + major + "." + minor);
        }
    }

    /** Parses {@code X.Y}; returns null when the text is not of that form. */
    public static ApiVersion parseOrNull(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return new ApiVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException tooLarge) {
            return new ApiVersion(Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
    }

    public static ApiVersion of(String text) {
        ApiVersion version = parseOrNull(text);
        if (version == null) {
            throw new IllegalArgumentException("not a version: " + text);
        }
        return version;
    }

    public boolean atLeast(ApiVersion other) {
        return compareTo(other) >= 0;
    }

    public boolean below(ApiVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(ApiVersion other) {
        int byMajor = Integer.compare(major, other.major);
        return byMajor != 0 ? byMajor : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
