package io.hyperstatus.server.api.availabilityzones;

import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.validation.RequestSchema;
import java.util.Optional;

/** Everything about {@code /os-availability-zone} that depends on the microversion, decided in one place. */
record AvailabilityZoneProfile(Optional<RequestSchema> query) {
    private static final RequestSchema STRICT_QUERY = RequestSchema.load("no-query-v2.102");

    static AvailabilityZoneProfile of(Microversion version) {
        return new AvailabilityZoneProfile(
                version.atLeast(Microversions.STRICT_ALL_QUERIES) ? Optional.of(STRICT_QUERY) : Optional.empty());
    }
}
