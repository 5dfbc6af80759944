package io.hyperstatus.server.api.microversion;

import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.error.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the requested microversion from {@code OpenStack-API-Version: compute X.Y} (preferred; the last compute
 * entry wins) or {@code X-OpenStack-Nova-API-Version: X.Y}. No header means the minimum, {@code latest} the
 * maximum; a malformed value is a 400 and a value outside [min, max] a 406.
 */
public final class MicroversionNegotiator {
    public static final String HEADER = "OpenStack-API-Version";
    public static final String LEGACY_HEADER = "X-OpenStack-Nova-API-Version";
    private static final String SERVICE_TYPE = "compute";

    /** The requested version is well-formed but not served; the answer still echoes it in its headers. */
    public static final class NotAcceptable extends RuntimeException {
        private final String requested;

        NotAcceptable(String requested, String message) {
            super(message, null, false, false);
            this.requested = requested;
        }

        public String requested() {
            return requested;
        }
    }

    public Microversion negotiate(List<String> headerValues, List<String> legacyHeaderValues) {
        Optional<String> requested = fromHeader(headerValues).or(() -> fromLegacyHeader(legacyHeaderValues));
        if (requested.isEmpty()) {
            return Microversions.MIN;
        }
        String text = requested.get();
        if (text.equals("latest")) {
            return Microversions.MAX;
        }
        Microversion version = Microversion.parseOrNull(text);
        if (version == null) {
            throw ApiException.badRequest("API Version String " + text
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        if (version.below(Microversions.MIN) || Microversions.MAX.below(version)) {
            throw new NotAcceptable(text, "Version " + text + " is not supported by the API. Minimum is "
                    + Microversions.MIN + " and maximum is " + Microversions.MAX + ".");
        }
        return version;
    }

    // Plain split on purpose: dropping trailing empty entries is part of the answers ("compute 2.1," is 2.1).
    @SuppressWarnings("StringSplitter")
    private static Optional<String> fromHeader(List<String> values) {
        String found = null;
        for (String value : values) {
            for (String entry : value.split(",")) {
                String[] parts = entry.strip().split("\\s+", 2);
                if (parts.length == 2 && parts[0].toLowerCase(Locale.ROOT).equals(SERVICE_TYPE)) {
                    found = parts[1].strip();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    // Plain split on purpose: the last non-trailing-empty entry wins, so a legacy "2.1," resolves to 2.1.
    @SuppressWarnings("StringSplitter")
    private static Optional<String> fromLegacyHeader(List<String> values) {
        String found = null;
        for (String value : values) {
            for (String entry : value.split(",")) {
                found = entry.strip();
            }
        }
        return Optional.ofNullable(found);
    }
}
