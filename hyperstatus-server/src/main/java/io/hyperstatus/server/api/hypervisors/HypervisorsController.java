package io.hyperstatus.server.api.hypervisors;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.HypervisorStatistics;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Ids;
import io.hyperstatus.server.api.QueryValues;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.hyperstatus.storage.KeysetCursor;
import io.hyperstatus.storage.HypervisorQuery;
import io.hyperstatus.storage.HypervisorStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** {@code /os-hypervisors}: list, detail, show, search, servers, statistics and uptime. */
public final class HypervisorsController {
    /** How many hypervisors' servers are looked up at once when a list shows them. */
    private static final int SERVERS_CHUNK = 500;

    private final HypervisorStore store;
    private final int maxLimit;
    private final boolean statusExtensionLoaded;

    public HypervisorsController(HypervisorStore store, int maxLimit, boolean statusExtensionLoaded) {
        this.store = store;
        this.maxLimit = maxLimit;
        this.statusExtensionLoaded = statusExtensionLoaded;
    }

    private HypervisorFormat format(ApiRequest request) {
        return HypervisorFormat.of(request.version(), request.isLegacyV2(), statusExtensionLoaded);
    }

    public ApiResponse index(ApiRequest request) {
        return list(request, false);
    }

    public ApiResponse detail(ApiRequest request) {
        return list(request, true);
    }

    private ApiResponse list(ApiRequest request, boolean detail) {
        HypervisorFormat format = format(request);
        Map<String, List<String>> query = request.query(format.indexQuery());
        request.authorize(detail ? PolicyRule.HYPERVISORS_LIST_DETAIL : PolicyRule.HYPERVISORS_LIST);

        Optional<String> pattern = QueryValues.last(query, "hypervisor_hostname_pattern");
        Optional<String> limitParam = format.paging() ? QueryValues.last(query, "limit") : Optional.empty();
        Optional<String> marker = format.paging() ? QueryValues.last(query, "marker") : Optional.empty();
        boolean withServers = format.patternAndServers() && QueryValues.bool(query, "with_servers");

        HypervisorQuery selection;
        int pageSize = 0;
        if (pattern.isPresent()) {
            if (limitParam.isPresent() || marker.isPresent()) {
                // What Nova answers here: its specific message never reaches the response.
                throw ApiException.badRequest("The server could not comply with the request since it is either"
                        + " malformed or otherwise incorrect.");
            }
            selection = HypervisorQuery.matching(pattern.get());
        } else if (format.paging()) {
            pageSize = limitParam.map(this::pageSize).orElse(maxLimit);
            OptionalLong after = OptionalLong.empty();
            if (marker.isPresent()) {
                after = store.markerId(marker.get(), format.uuidIds() && Ids.isUuidLike(marker.get()));
                if (after.isEmpty()) {
                    throw ApiException.badRequest("marker [" + marker.get() + "] not found");
                }
            }
            selection = HypervisorQuery.page(after, pageSize);
        } else {
            selection = HypervisorQuery.all();
        }
        Listing listing = new Listing(request, detail, query, format, pattern, pageSize, withServers);
        return listing.respond(store.list(selection), detail
                ? (json, hypervisor) -> format.detailView().writeFields(json, hypervisor, format)
                : (json, hypervisor) -> HypervisorFields.writeSummary(json, hypervisor, format));
    }

    @FunctionalInterface
    private interface ItemWriter {
        void write(JsonGenerator json, Hypervisor hypervisor) throws IOException;
    }

    /** One list response: which hypervisors, in which format, with servers or a next link. */
    private final class Listing {
        private final ApiRequest request;
        private final boolean detail;
        private final Map<String, List<String>> query;
        private final HypervisorFormat format;
        private final Optional<String> pattern;
        private final int pageSize;
        private final boolean withServers;

        Listing(ApiRequest request, boolean detail, Map<String, List<String>> query, HypervisorFormat format,
                Optional<String> pattern, int pageSize, boolean withServers) {
            this.request = request;
            this.detail = detail;
            this.query = query;
            this.format = format;
            this.pattern = pattern;
            this.pageSize = pageSize;
            this.withServers = withServers;
        }

        /**
         * Streams the hypervisors as the cursor reads them. The first batch is read here, before the response
         * starts, so that "no match" is a 404 and a database failure a fault rather than a broken response.
         */
        ApiResponse respond(KeysetCursor<Hypervisor> cursor, ItemWriter itemWriter) {
            if (!cursor.hasNext() && pattern.isPresent()) {
                throw ApiException.notFound("No hypervisor matching '" + pattern.get() + "' could be found.");
            }
            return ApiResponse.streamed(json -> {
                json.writeStartObject();
                json.writeArrayFieldStart("hypervisors");
                Hypervisor last = null;
                List<Hypervisor> chunk = new ArrayList<>(SERVERS_CHUNK);
                while (cursor.hasNext()) {
                    chunk.clear();
                    while (chunk.size() < SERVERS_CHUNK && cursor.hasNext()) {
                        chunk.add(cursor.next());
                    }
                    Map<String, List<Instance>> servers = withServers
                            ? store.instancesOnHosts(chunk.stream().map(h -> h.node().host()).toList())
                            : Map.of();
                    for (Hypervisor hypervisor : chunk) {
                        json.writeStartObject();
                        itemWriter.write(json, hypervisor);
                        if (withServers) {
                            HypervisorFields.writeServers(json,
                                    servers.getOrDefault(hypervisor.node().host(), List.of()), format);
                        }
                        json.writeEndObject();
                    }
                    last = chunk.get(chunk.size() - 1);
                }
                json.writeEndArray();
                // A full page links to the next, even when a row read for it was deleted before it was listed.
                if (pageSize > 0 && cursor.rowsRead() == pageSize && last != null) {
                    writeNextLink(json, nextLink(request, detail, query, last, format));
                }
                json.writeEndObject();
            });
        }
    }

    private int pageSize(String limit) {
        try {
            return (int) Math.min(Long.parseLong(limit), maxLimit);
        } catch (NumberFormatException tooLarge) {
            return maxLimit;
        }
    }

    /**
     * The next page's URL: the validated query parameters in name order with {@code marker} set to the last id
     * (kept in its place when the request had one, appended otherwise), as Nova builds it.
     */
    private static String nextLink(ApiRequest request, boolean detail, Map<String, List<String>> query,
                                   Hypervisor last, HypervisorFormat format) {
        String lastId = format.uuidIds() ? last.node().uuid() : Long.toString(last.node().id());
        Map<String, String> sorted = new TreeMap<>();
        query.forEach((name, values) -> sorted.put(name, values.get(values.size() - 1)));
        List<String> pairs = new ArrayList<>();
        boolean markerPlaced = false;
        for (Map.Entry<String, String> param : sorted.entrySet()) {
            boolean isMarker = param.getKey().equals("marker");
            markerPlaced |= isMarker;
            pairs.add(encode(param.getKey()) + "=" + encode(isMarker ? lastId : param.getValue()));
        }
        if (!markerPlaced) {
            pairs.add("marker=" + encode(lastId));
        }
        return request.collectionUrl(detail ? "/os-hypervisors/detail" : "/os-hypervisors") + "?" + String.join("&", pairs);
    }

    private static void writeNextLink(JsonGenerator json, String href) throws IOException {
        json.writeArrayFieldStart("hypervisors_links");
        json.writeStartObject();
        json.writeStringField("rel", "next");
        json.writeStringField("href", href);
        json.writeEndObject();
        json.writeEndArray();
    }

    public ApiResponse show(ApiRequest request) {
        HypervisorFormat format = format(request);
        Map<String, List<String>> query = request.query(format.showQuery());
        request.authorize(PolicyRule.HYPERVISORS_SHOW);
        Hypervisor hypervisor = find(request, format);
        boolean withServers = format.patternAndServers() && QueryValues.bool(query, "with_servers");
        List<Instance> servers = withServers
                ? store.instancesOnHosts(List.of(hypervisor.node().host())).getOrDefault(hypervisor.node().host(), List.of())
                : null;
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("hypervisor");
            format.detailView().writeFields(json, hypervisor, format);
            HypervisorFields.writeServers(json, servers, format);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    public ApiResponse uptime(ApiRequest request) {
        HypervisorFormat format = format(request);
        request.authorize(PolicyRule.HYPERVISORS_UPTIME);
        Hypervisor hypervisor = find(request, format);
        if (hypervisor.state() == ServiceState.DOWN) {
            throw ApiException.badRequest("Compute service of " + hypervisor.node().host() + " is unavailable at this time.");
        }
        String uptime = hypervisor.node().uptime();
        if (uptime == null) {
            throw new ApiException(501, "The requested functionality is not supported.");
        }
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("hypervisor");
            HypervisorFields.writeSummary(json, hypervisor, format);
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
        HypervisorFormat format = format(request);
        request.authorize(rule);
        Optional<String> pattern = Optional.of(request.pathParam("id"));
        Listing listing = new Listing(request, false, Map.of(), format, pattern, 0, withServers);
        return listing.respond(store.list(HypervisorQuery.matching(pattern.get())),
                (json, hypervisor) -> HypervisorFields.writeSummary(json, hypervisor, format));
    }

    public ApiResponse statistics(ApiRequest request) {
        request.authorize(PolicyRule.HYPERVISORS_STATISTICS);
        HypervisorStatistics stats = store.statistics();
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("hypervisor_statistics");
            json.writeNumberField("count", stats.count());
            json.writeNumberField("vcpus", stats.vcpus());
            json.writeNumberField("memory_mb", stats.memoryMb());
            json.writeNumberField("local_gb", stats.localGb());
            json.writeNumberField("vcpus_used", stats.vcpusUsed());
            json.writeNumberField("memory_mb_used", stats.memoryMbUsed());
            json.writeNumberField("local_gb_used", stats.localGbUsed());
            json.writeNumberField("free_ram_mb", stats.freeRamMb());
            json.writeNumberField("free_disk_gb", stats.freeDiskGb());
            json.writeNumberField("current_workload", stats.currentWorkload());
            json.writeNumberField("running_vms", stats.runningVms());
            json.writeNumberField("disk_available_least", stats.diskAvailableLeast());
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** Looks up the hypervisor of the path: an integer id before 2.53 (else 404), a UUID from 2.53 (else 400). */
    private Hypervisor find(ApiRequest request, HypervisorFormat format) {
        String id = request.pathParam("id");
        Optional<Hypervisor> found;
        if (format.uuidIds()) {
            if (!Ids.isUuidLike(id)) {
                throw ApiException.badRequest("Invalid uuid " + id);
            }
            // Looked up as written, as Nova does: the same UUID without dashes is not found.
            found = store.findByUuid(id);
        } else {
            OptionalLong numeric = Ids.parseLong(id);
            found = numeric.isPresent() ? store.findById(numeric.getAsLong()) : Optional.empty();
        }
        return found.orElseThrow(() -> ApiException.notFound("Hypervisor with ID '" + id + "' could not be found."));
    }


    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
