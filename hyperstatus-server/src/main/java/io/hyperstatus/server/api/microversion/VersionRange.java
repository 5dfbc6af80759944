package io.hyperstatus.server.api.microversion;

import io.hyperstatus.protocol.Microversion;
import java.util.Objects;

/** The microversions in which a route exists: from {@code min} (inclusive) to {@code maxExclusive}. */
public record VersionRange(Microversion min, Microversion maxExclusive) {
    public static final VersionRange ALL = new VersionRange(Microversions.MIN, null);

    public VersionRange {
        Objects.requireNonNull(min, "min");
    }

    public static VersionRange before(Microversion maxExclusive) {
        return new VersionRange(Microversions.MIN, maxExclusive);
    }

    public boolean contains(Microversion version) {
        return version.atLeast(min) && (maxExclusive == null || version.below(maxExclusive));
    }
}
