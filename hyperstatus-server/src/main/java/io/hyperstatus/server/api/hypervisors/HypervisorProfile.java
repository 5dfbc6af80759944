package io.hyperstatus.server.api.hypervisors;

import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.validation.RequestSchema;
import java.util.Optional;

/**
 * Everything about the hypervisor resource that depends on the microversion (and, in the legacy v2 API, on the
 * {@code os-hypervisor-status} extension), decided here and nowhere else.
 */
record HypervisorProfile(
        boolean uuidIds,
        HypervisorDetailView detailView,
        boolean showStatus,
        boolean paging,
        boolean patternAndServers,
        boolean emptyServersShown,
        Optional<RequestSchema> indexQuery,
        Optional<RequestSchema> showQuery) {

    private static final RequestSchema INDEX_QUERY_V233 = RequestSchema.load("hypervisors-index-query-v2.33");
    private static final RequestSchema INDEX_QUERY_V253 = RequestSchema.load("hypervisors-index-query-v2.53");
    private static final RequestSchema SHOW_QUERY_V253 = RequestSchema.load("hypervisors-show-query-v2.53");

    static HypervisorProfile of(Microversion version, boolean legacyV2, boolean statusExtensionLoaded) {
        boolean uuidIds = version.atLeast(Microversions.UUID_IDS);
        HypervisorDetailView detail;
        if (version.atLeast(Microversions.TRIMMED_HYPERVISORS)) {
            detail = new HypervisorDetailV288View();
        } else {
            detail = new HypervisorDetailV21View(version.atLeast(Microversions.CPU_INFO_OBJECT));
        }
        Optional<RequestSchema> indexQuery = uuidIds ? Optional.of(INDEX_QUERY_V253)
                : version.atLeast(Microversions.HYPERVISOR_PAGING) ? Optional.of(INDEX_QUERY_V233) : Optional.empty();
        return new HypervisorProfile(
                uuidIds,
                detail,
                !legacyV2 || statusExtensionLoaded,
                version.atLeast(Microversions.HYPERVISOR_PAGING),
                uuidIds,
                version.atLeast(Microversions.STRICT_SERVICES_QUERY),
                indexQuery,
                uuidIds ? Optional.of(SHOW_QUERY_V253) : Optional.empty());
    }
}
