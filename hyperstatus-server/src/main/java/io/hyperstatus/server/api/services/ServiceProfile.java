package io.hyperstatus.server.api.services;

import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.validation.RequestSchema;

/** What the service resource looks like at a microversion (ids, fields, schemas, routes), decided in one place. */
record ServiceProfile(boolean uuidIds, boolean forcedDownField, RequestSchema indexQuery, RequestSchema updateBody) {
    private static final RequestSchema INDEX_QUERY = RequestSchema.load("services-index-query");
    private static final RequestSchema INDEX_QUERY_V275 = RequestSchema.load("services-index-query-v2.75");
    private static final RequestSchema UPDATE = RequestSchema.load("services-update");
    private static final RequestSchema UPDATE_V211 = RequestSchema.load("services-update-v2.11");
    private static final RequestSchema UPDATE_V253 = RequestSchema.load("services-update-v2.53");

    /** Whether the {@code force-down} action of the pre-2.53 routes exists (it came with the field). */
    boolean forceDownAction() {
        return forcedDownField;
    }

    static ServiceProfile of(Microversion version) {
        boolean uuidIds = version.atLeast(Microversions.UUID_IDS);
        boolean forcedDown = version.atLeast(Microversions.SERVICE_FORCED_DOWN);
        RequestSchema update = uuidIds ? UPDATE_V253 : forcedDown ? UPDATE_V211 : UPDATE;
        RequestSchema index = version.atLeast(Microversions.STRICT_SERVICES_QUERY) ? INDEX_QUERY_V275 : INDEX_QUERY;
        return new ServiceProfile(uuidIds, forcedDown, index, update);
    }
}
