package io.hyperstatus.server.api.hypervisors;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.core.hypervisors.HypervisorQueries;
import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.domain.Hypervisor;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.error.ApiException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One list response of hypervisors: which ones, in which profile, with servers or a next link. */
record HypervisorListing(HypervisorQueries hypervisors, ApiRequest request, boolean detail,
                         Map<String, List<String>> query, HypervisorProfile profile, Optional<String> pattern,
                         int pageSize, boolean withServers) {
    /** How many hypervisors' servers are looked up at once when a list shows them. */
    private static final int SERVERS_CHUNK = 500;

    @FunctionalInterface
    interface ItemWriter {
        void write(JsonGenerator json, Hypervisor hypervisor) throws IOException;
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
                        ? hypervisors.instancesOnHosts(chunk.stream().map(h -> h.node().host()).toList())
                        : Map.of();
                for (Hypervisor hypervisor : chunk) {
                    json.writeStartObject();
                    itemWriter.write(json, hypervisor);
                    if (withServers) {
                        HypervisorFields.writeServers(json,
                                servers.getOrDefault(hypervisor.node().host(), List.of()), profile);
                    }
                    json.writeEndObject();
                }
                last = chunk.get(chunk.size() - 1);
            }
            json.writeEndArray();
            // A full page links to the next, even when a row read for it was deleted before it was listed.
            if (pageSize > 0 && cursor.rowsRead() == pageSize && last != null) {
                writeNextLink(json, nextLink(last));
            }
            json.writeEndObject();
        });
    }

    /**
     * The next page's URL: the validated query parameters in name order with {@code marker} set to the last id
     * (kept in its place when the request had one, appended otherwise), as Nova builds it.
     */
    private String nextLink(Hypervisor last) {
        String lastId = profile.uuidIds() ? last.node().uuid() : Long.toString(last.node().id());
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
