package io.hyperstatus.server.api.extensions;

import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.validation.RequestSchema;
import java.util.Optional;

/** Everything about {@code /extensions} that depends on the microversion, decided in one place. */
record ExtensionsProfile(Optional<RequestSchema> query) {
    private static final RequestSchema STRICT_QUERY = RequestSchema.load("extensions-query-v2.102");

    static ExtensionsProfile of(Microversion version) {
        return new ExtensionsProfile(
                version.atLeast(Microversions.STRICT_ALL_QUERIES) ? Optional.of(STRICT_QUERY) : Optional.empty());
    }
}
