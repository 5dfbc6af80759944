package io.hyperstatus.server.api.hypervisors;

import static io.hyperstatus.server.api.microversion.VersionRange.ALL;
import static io.javalin.http.HandlerType.GET;

import io.hyperstatus.core.hypervisors.HypervisorQueries;
import io.hyperstatus.core.port.HypervisorQuery;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.Ids;
import io.hyperstatus.server.api.QueryValues;
import io.hyperstatus.server.api.Resource;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.hyperstatus.server.api.policy.PolicyRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code /os-hypervisors}: list, detail, show, search, servers, statistics and uptime. */
public final class HypervisorsController implements Resource {
    private final HypervisorQueries hypervisors;
    private final int maxLimit;
    private final boolean statusExtensionLoaded;

    public HypervisorsController(HypervisorQueries hypervisors, int maxLimit, boolean statusExtensionLoaded) {
        if (maxLimit < 1) {
            throw new IllegalArgumentException("maxLimit must be 1 or more: " + maxLimit);
        }
        this.hypervisors = hypervisors;
        this.maxLimit = maxLimit;
        this.statusExtensionLoaded = statusExtensionLoaded;
    }

    private HypervisorProfile profile(ApiRequest request) {
        return HypervisorProfile.of(request.version(), request.isLegacyV2(), statusExtensionLoaded);
    }

    public ApiResponse index(ApiRequest request) {
        return list(request, false);
    }

    public ApiResponse detail(ApiRequest request) {
        return list(request, true);
    }

    private ApiResponse list(ApiRequest request, boolean detail) {
        HypervisorProfile profile = profile(request);
        Map<String, List<String>> query = request.query(profile.indexQuery());
        request.authorize(detail ? PolicyRule.HYPERVISORS_LIST_DETAIL : PolicyRule.HYPERVISORS_LIST);

        Optional<String> pattern = QueryValues.last(query, "hypervisor_hostname_pattern");
        Optional<String> limitParam = profile.paging() ? QueryValues.last(query, "limit") : Optional.empty();
        Optional<String> marker = profile.paging() ? QueryValues.last(query, "marker") : Optional.empty();
        boolean withServers = profile.patternAndServers() && QueryValues.bool(query, "with_servers");

        HypervisorQuery selection;
        int pageSize = 0;
        if (pattern.isPresent()) {
            if (limitParam.isPresent() || marker.isPresent()) {
                // What Nova answers here: its specific message never reaches the response.
                throw ApiException.badRequest("The server could not comply with the request since it is either"
                        + " malformed or otherwise incorrect.");
            }
            selection = HypervisorQuery.matching(pattern.get());
        } else if (profile.paging()) {
            pageSize = limitParam.map(this::pageSize).orElse(maxLimit);
            OptionalLong after = OptionalLong.empty();
            if (marker.isPresent()) {
                after = hypervisors.markerId(marker.get(), profile.uuidIds() && Ids.isUuidLike(marker.get()));
                if (after.isEmpty()) {
                    throw ApiException.badRequest("marker [" + marker.get() + "] not found");
                }
            }
            selection = HypervisorQuery.page(after, pageSize);
        } else {
            selection = HypervisorQuery.all();
        }
        HypervisorListing listing = new HypervisorListing(hypervisors, request, detail, query, profile, pattern, pageSize,
                withServers);
        return listing.respond(hypervisors.list(selection), detail
                ? (json, hypervisor) -> profile.detailView().writeFields(json, hypervisor, profile)
                : (json, hypervisor) -> HypervisorFields.writeSummary(json, hypervisor, profile));
    }

    private int pageSize(String limit) {
        try {
            return (int) Math.min(Long.parseLong(limit), maxLimit);
        } catch (NumberFormatException tooLarge) {
            return maxLimit;
        }
    }

    public ApiResponse show(ApiRequest request) {
        HypervisorProfile profile = profile(request);
        Map<String, List<String>> query = request.query(profile.showQuery());
        request.authorize(PolicyRule.HYPERVISORS_SHOW);
        Hypervisor hypervisor = find(request, profile);
        boolean withServers = profile.patternAndServers() && QueryValues.bool(query, "with_servers");
        List<Instance> servers = withServers
                ? hypervisors.instancesOnHosts(List.of(hypervisor.node().host())).getOrDefault(hypervisor.node().host(), List.of())
                : null;
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("hypervisor");
            profile.detailView().writeFields(json, hypervisor, profile);
            HypervisorFields.writeServers(json, servers, profile);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    public ApiResponse uptime(ApiRequest request) {
        HypervisorProfile profile = profile(request);
        request.authorize(PolicyRule.HYPERVISORS_UPTIME);
        Hypervisor hypervisor = find(request, profile);
        if (hypervisor.state() == ServiceState.DOWN) {
            throw ApiException.badRequest("Compute service of " + hypervisor.node().host() + " is unavailable at this time.");
        }
        String uptime = hypervisor.node().resources().uptime();
        if (uptime == null) {
            throw new ApiException(501, "The requested functionality is not supported.");
        }
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("hypervisor");
            HypervisorFields.writeSummary(json, hypervisor, profile);
            json.writeStringField("uptime", uptime);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    public ApiResponse search(ApiRequest request) {
        return matching(request, PolicyRule.HYPERVISORS_SEARCH, false);
    }

    public ApiResponse servers(ApiRequest request) {
        return matching(request, PolicyRule.HYPERVISORS_SERVERS, true);
    }

    private ApiResponse matching(ApiRequest request, PolicyRule rule, boolean withServers) {
        HypervisorProfile profile = profile(request);
        request.authorize(rule);
        Optional<String> pattern = Optional.of(request.pathParam("id"));
        HypervisorListing listing = new HypervisorListing(hypervisors, request, false, Map.of(), profile, pattern, 0,
                withServers);
        return listing.respond(hypervisors.list(HypervisorQuery.matching(pattern.get())),
                (json, hypervisor) -> HypervisorFields.writeSummary(json, hypervisor, profile));
    }

    public ApiResponse statistics(ApiRequest request) {
        request.authorize(PolicyRule.HYPERVISORS_STATISTICS);
        return ApiResponse.ok(HypervisorStatisticsView.of(hypervisors.statistics()));
    }

    /** Looks up the hypervisor of the path: an integer id before 2.53 (else 404), a UUID from 2.53 (else 400). */
    private Hypervisor find(ApiRequest request, HypervisorProfile profile) {
        String id = request.pathParam("id");
        Optional<Hypervisor> found;
        if (profile.uuidIds()) {
            if (!Ids.isUuidLike(id)) {
                throw ApiException.badRequest("Invalid uuid " + id);
            }
            // Looked up as written, as Nova does: the same UUID without dashes is not found.
            found = hypervisors.findByUuid(id);
        } else {
            OptionalLong numeric = Ids.parseLong(id);
            found = numeric.isPresent() ? hypervisors.findById(numeric.getAsLong()) : Optional.empty();
        }
        return found.orElseThrow(() -> ApiException.notFound("Hypervisor with ID '" + id + "' could not be found."));
    }

    /** This resource's routes below a mount. Literal paths come before {id}, so that {@code /os-hypervisors/detail} is never a show. */
    @Override
    public List<Endpoint> routes() {
        VersionRange untilTrimmed = VersionRange.before(Microversions.TRIMMED_HYPERVISORS);
        VersionRange untilUuidIds = VersionRange.before(Microversions.UUID_IDS);
        return List.of(
                new Endpoint(GET, "/os-hypervisors", ALL, this::index),
                new Endpoint(GET, "/os-hypervisors/detail", ALL, this::detail),
                new Endpoint(GET, "/os-hypervisors/statistics", untilTrimmed, this::statistics),
                new Endpoint(GET, "/os-hypervisors/{id}", ALL, this::show),
                new Endpoint(GET, "/os-hypervisors/{id}/search", untilUuidIds, this::search),
                new Endpoint(GET, "/os-hypervisors/{id}/servers", untilUuidIds, this::servers),
                new Endpoint(GET, "/os-hypervisors/{id}/uptime", untilTrimmed, this::uptime));
    }
}
