package io.hyperstatus.server.api.aggregates;

import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.validation.RequestSchema;
import java.util.Optional;

/** What the aggregate resource looks like at a microversion, decided in one place. */
record AggregateProfile(boolean showUuid, Optional<RequestSchema> query) {
    static final RequestSchema CREATE = RequestSchema.load("aggregates-create");
    static final RequestSchema UPDATE = RequestSchema.load("aggregates-update");
    static final RequestSchema ADD_HOST = RequestSchema.load("aggregates-add-host");
    static final RequestSchema REMOVE_HOST = RequestSchema.load("aggregates-remove-host");
    static final RequestSchema SET_METADATA = RequestSchema.load("aggregates-set-metadata");
    private static final RequestSchema STRICT_QUERY = RequestSchema.load("no-query-v2.102");

    static AggregateProfile of(Microversion version) {
        return new AggregateProfile(version.atLeast(Microversions.AGGREGATE_UUID),
                version.atLeast(Microversions.STRICT_ALL_QUERIES) ? Optional.of(STRICT_QUERY) : Optional.empty());
    }
}
