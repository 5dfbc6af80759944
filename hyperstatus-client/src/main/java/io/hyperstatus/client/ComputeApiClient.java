package io.hyperstatus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.client.compute.Aggregate;
import io.hyperstatus.client.compute.AvailabilityZone;
import io.hyperstatus.client.compute.Hypervisor;
import io.hyperstatus.client.compute.HypervisorQuery;
import io.hyperstatus.client.compute.HypervisorServers;
import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.client.compute.Service;
import io.hyperstatus.client.compute.ServiceChange;
import io.hyperstatus.client.compute.VersionDocument;
import io.hyperstatus.client.tls.ClientTls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The public compute API ({@code os-hypervisors}, {@code os-services}, {@code os-aggregates},
 * {@code os-availability-zone}) as typed Java calls at one microversion.
 * Each call sends {@code OpenStack-API-Version: compute X.Y}; a Nova fault becomes {@link ApiCallException} with
 * the status and the server's message, an unreachable server {@link ServerUnreachableException}. Where Nova
 * changed a route at a microversion (2.53: service updates by UUID, hostname patterns as a query), the call picks
 * the route of this client's version, so callers need not.
 */
public final class ComputeApiClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VERSION_HEADER = "OpenStack-API-Version";
    private static final String COMPUTE_BINARY = "nova-compute";

    private final HttpTransport transport;
    private final Microversion version;

    private ComputeApiClient(HttpTransport transport, Microversion version) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.version = Objects.requireNonNull(version, "version");
    }

    /**
     * A client of the API at {@code endpoint} (such as {@code http://controller:8774}) sending {@code token} as
     * {@code X-Auth-Token} (none when null), at microversion 2.1 until {@link #atVersion} says otherwise.
     */
    public static ComputeApiClient create(String endpoint, String token, Duration timeout) {
        return create(endpoint, token, timeout, ClientTls.systemTrust());
    }

    /** As {@link #create(String, String, Duration)}, checking an https endpoint's certificate as {@code tls} says. */
    public static ComputeApiClient create(String endpoint, String token, Duration timeout, ClientTls tls) {
        return new ComputeApiClient(new HttpTransport(List.of(endpoint), TokenSource.fixed(token), timeout, tls),
                Microversion.V2_1);
    }

    /** The same connection at another microversion. */
    public ComputeApiClient atVersion(Microversion other) {
        return new ComputeApiClient(transport, other);
    }

    public Microversion microversion() {
        return version;
    }

    public String endpoint() {
        return transport.endpoint();
    }

    // ---- versions ---------------------------------------------------------------------------------------------

    /** {@code GET /v2.1/}: the microversions the server offers. */
    public VersionDocument versionDocument() {
        JsonNode document = get("/v2.1/").path("version");
        String max = document.path("version").asText("");
        String min = document.path("min_version").asText("");
        return new VersionDocument(document.path("id").asText(), document.path("status").asText(),
                min.isEmpty() ? Microversion.V2_1 : Microversion.parse(min),
                max.isEmpty() ? Microversion.V2_1 : Microversion.parse(max));
    }

    // ---- hypervisors ------------------------------------------------------------------------------------------

    /** {@code GET /os-hypervisors}: every page, or the one page the query asks for. */
    public List<Hypervisor> hypervisors(HypervisorQuery query) {
        List<Hypervisor> result = new ArrayList<>();
        for (JsonNode h : listHypervisors("/os-hypervisors", query)) {
            result.add(summary(h));
        }
        return result;
    }

    /**
     * {@code GET /os-hypervisors/detail}: the detail objects of this microversion (resource fields below 2.88,
     * {@code uptime} from 2.88). Below 2.53 a hostname pattern goes through the search route, which answers
     * summaries only, so each match is then shown.
     */
    public List<ObjectNode> hypervisorDetails(HypervisorQuery query) {
        List<ObjectNode> result = new ArrayList<>();
        if (query.matching() != null && !version.atLeast(Microversion.UUIDS)) {
            for (JsonNode h : listHypervisors("/os-hypervisors", query)) {
                result.add(hypervisor(h.path("id").asText()));
            }
            return result;
        }
        for (JsonNode h : listHypervisors("/os-hypervisors/detail", query)) {
            result.add((ObjectNode) h);
        }
        return result;
    }

    /** {@code GET /os-hypervisors/{id}}: one hypervisor's detail object. */
    public ObjectNode hypervisor(String id) {
        return (ObjectNode) get("/v2.1/os-hypervisors/" + encode(id)).get("hypervisor");
    }

    /** The hypervisors whose hostname contains {@code pattern}, with their instances. */
    public List<HypervisorServers> hypervisorServers(String pattern) {
        JsonNode hypervisors = version.atLeast(Microversion.UUIDS)
                ? get("/v2.1/os-hypervisors?hypervisor_hostname_pattern=" + encode(pattern) + "&with_servers=true")
                : get("/v2.1/os-hypervisors/" + encode(pattern) + "/servers");
        List<HypervisorServers> result = new ArrayList<>();
        for (JsonNode h : hypervisors.path("hypervisors")) {
            List<HypervisorServers.Server> servers = new ArrayList<>();
            h.path("servers").forEach(s -> servers.add(new HypervisorServers.Server(s.path("uuid").asText(),
                    s.path("name").asText())));
            result.add(new HypervisorServers(h.path("id").asText(), h.path("hypervisor_hostname").asText(), servers));
        }
        return result;
    }

    /** {@code GET /os-hypervisors/statistics} (up to 2.87): the sums over the enabled hypervisors. */
    public ObjectNode statistics() {
        return (ObjectNode) get("/v2.1/os-hypervisors/statistics").get("hypervisor_statistics");
    }

    /** {@code GET /os-hypervisors/{id}/uptime} (up to 2.87; from 2.88 the detail object carries it). */
    public ObjectNode uptime(String id) {
        return (ObjectNode) get("/v2.1/os-hypervisors/" + encode(id) + "/uptime").get("hypervisor");
    }

    private List<JsonNode> listHypervisors(String route, HypervisorQuery query) {
        if (query.matching() != null) {
            String path = version.atLeast(Microversion.UUIDS)
                    ? "/v2.1" + route + "?hypervisor_hostname_pattern=" + encode(query.matching())
                    : "/v2.1/os-hypervisors/" + encode(query.matching()) + "/search";
            return elements(get(path).path("hypervisors"));
        }
        if (!version.atLeast(Microversion.PAGING)) {
            return elements(get("/v2.1" + route).path("hypervisors"));
        }
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        if (query.limit() != null) {
            parameters.add("limit=" + query.limit());
        }
        if (query.marker() != null) {
            parameters.add("marker=" + encode(query.marker()));
        }
        List<JsonNode> result = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        String path = "/v2.1" + route + parameters;
        while (path != null && visited.add(path)) {
            JsonNode page = get(path);
            List<JsonNode> items = elements(page.path("hypervisors"));
            result.addAll(items);
            // A limit asks for one page; without one, the server's pages are followed to the end.
            path = query.limit() == null && !items.isEmpty() ? nextPage(page.path("hypervisors_links")) : null;
        }
        return result;
    }

    private String nextPage(JsonNode links) {
        return Links.next(transport.endpoint(), links);
    }

    private static Hypervisor summary(JsonNode h) {
        return new Hypervisor(h.path("id").asText(), text(h, "hypervisor_hostname"), text(h, "state"), text(h, "status"));
    }

    // ---- services ---------------------------------------------------------------------------------------------

    /** {@code GET /os-services}, with exact-match filters (null for none). */
    public List<Service> services(String host, String binary) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        if (host != null) {
            parameters.add("host=" + encode(host));
        }
        if (binary != null) {
            parameters.add("binary=" + encode(binary));
        }
        List<Service> result = new ArrayList<>();
        for (JsonNode s : get("/v2.1/os-services" + parameters).path("services")) {
            result.add(service(s));
        }
        return result;
    }

    /** Enables a service; it loses its disabled reason. */
    public ServiceChange enableService(String host, String binary) {
        if (version.atLeast(Microversion.UUIDS)) {
            return update(host, binary, MAPPER.createObjectNode().put("status", "enabled"));
        }
        return action("enable", MAPPER.createObjectNode().put("host", host).put("binary", binary));
    }

    /** Disables a service, with a reason when not null. */
    public ServiceChange disableService(String host, String binary, String reason) {
        if (version.atLeast(Microversion.UUIDS)) {
            ObjectNode body = MAPPER.createObjectNode().put("status", "disabled");
            if (reason != null) {
                body.put("disabled_reason", reason);
            }
            return update(host, binary, body);
        }
        ObjectNode body = MAPPER.createObjectNode().put("host", host).put("binary", binary);
        if (reason == null) {
            return action("disable", body);
        }
        return action("disable-log-reason", body.put("disabled_reason", reason));
    }

    /** Forces a service down (it is down whatever its heartbeats say), or lifts that. Needs 2.11. */
    public ServiceChange forceDownService(String host, String binary, boolean forcedDown) {
        if (!version.atLeast(Microversion.FORCED_DOWN)) {
            throw new IllegalStateException("forcing a service down needs compute API 2.11 or later, not " + version);
        }
        if (version.atLeast(Microversion.UUIDS)) {
            return update(host, binary, MAPPER.createObjectNode().put("forced_down", forcedDown));
        }
        return action("force-down", MAPPER.createObjectNode().put("host", host).put("binary", binary)
                .put("forced_down", forcedDown));
    }

    /** {@code DELETE /os-services/{id}}: a UUID from 2.53, an integer id before. */
    public void deleteService(String id) {
        call("DELETE", "/v2.1/os-services/" + encode(id), null);
    }

    /** From 2.53 a service is updated by its UUID, found as the standard clients do: by listing host and binary. */
    private ServiceChange update(String host, String binary, ObjectNode body) {
        List<Service> matches = services(host, binary);
        if (matches.isEmpty()) {
            throw new ApiCallException(404, "Compute service for host " + host + " and binary " + binary + " not found.");
        }
        if (matches.size() > 1) {
            throw new ApiCallException(409, "Host " + host + " has " + matches.size() + " services of binary " + binary
                    + "; update one by its id.");
        }
        Service updated = service(call("PUT", "/v2.1/os-services/" + encode(matches.get(0).id()), body).path("service"));
        return new ServiceChange(updated.id(), updated.host(), updated.binary(), updated.status(),
                updated.disabledReason(), updated.forcedDown());
    }

    /** Before 2.53: the action routes, which answer only host, binary and the changed field. */
    private ServiceChange action(String name, ObjectNode body) {
        JsonNode s = call("PUT", "/v2.1/os-services/" + name, body).path("service");
        return new ServiceChange(null, text(s, "host"), text(s, "binary"), text(s, "status"),
                text(s, "disabled_reason"), s.has("forced_down") ? s.get("forced_down").asBoolean() : null);
    }

    private static Service service(JsonNode s) {
        return new Service(s.hasNonNull("id") ? s.get("id").asText() : null, text(s, "binary"), text(s, "host"),
                text(s, "zone"), text(s, "status"), text(s, "state"), text(s, "updated_at"), text(s, "disabled_reason"),
                s.hasNonNull("forced_down") ? s.get("forced_down").asBoolean() : null);
    }

    /** The binary the standard clients assume when none is given. */
    public static String computeBinary() {
        return COMPUTE_BINARY;
    }

    // ---- aggregates -------------------------------------------------------------------------------------------

    /** {@code GET /os-aggregates}: every aggregate, with its hosts and metadata. */
    public List<Aggregate> aggregates() {
        List<Aggregate> result = new ArrayList<>();
        for (JsonNode a : get("/v2.1/os-aggregates").path("aggregates")) {
            result.add(aggregate(a));
        }
        return result;
    }

    /** {@code GET /os-aggregates/{id}}. */
    public Aggregate aggregate(long id) {
        return aggregate(get("/v2.1/os-aggregates/" + id).path("aggregate"));
    }

    /** {@code POST /os-aggregates}: a new aggregate, in {@code zone} unless it is null. */
    public Aggregate createAggregate(String name, String zone) {
        ObjectNode aggregate = MAPPER.createObjectNode().put("name", name);
        if (zone != null) {
            aggregate.put("availability_zone", zone);
        }
        return aggregate(call("POST", "/v2.1/os-aggregates", wrapped("aggregate", aggregate)).path("aggregate"));
    }

    /** {@code PUT /os-aggregates/{id}}: a new name and/or zone (null: unchanged; at least one must be given). */
    public Aggregate updateAggregate(long id, String name, String zone) {
        if (name == null && zone == null) {
            throw new IllegalArgumentException("nothing to update: give a name or a zone");
        }
        ObjectNode aggregate = MAPPER.createObjectNode();
        if (name != null) {
            aggregate.put("name", name);
        }
        if (zone != null) {
            aggregate.put("availability_zone", zone);
        }
        return aggregate(call("PUT", "/v2.1/os-aggregates/" + id, wrapped("aggregate", aggregate)).path("aggregate"));
    }

    /** The {@code set_metadata} action: sets each key given, and removes each key whose value is null. */
    public Aggregate setAggregateMetadata(long id, Map<String, String> metadata) {
        ObjectNode values = MAPPER.createObjectNode();
        metadata.forEach((key, value) -> {
            if (value == null) {
                values.putNull(key);
            } else {
                values.put(key, value);
            }
        });
        return aggregateAction(id, "set_metadata", MAPPER.createObjectNode().set("metadata", values));
    }

    /** The {@code add_host} action: the host (a compute service's host) joins the aggregate and its zone. */
    public Aggregate addAggregateHost(long id, String host) {
        return aggregateAction(id, "add_host", MAPPER.createObjectNode().put("host", host));
    }

    /** The {@code remove_host} action. */
    public Aggregate removeAggregateHost(long id, String host) {
        return aggregateAction(id, "remove_host", MAPPER.createObjectNode().put("host", host));
    }

    /** {@code DELETE /os-aggregates/{id}}: only an aggregate without hosts may go. */
    public void deleteAggregate(long id) {
        call("DELETE", "/v2.1/os-aggregates/" + id, null);
    }

    private Aggregate aggregateAction(long id, String action, ObjectNode arguments) {
        return aggregate(call("POST", "/v2.1/os-aggregates/" + id + "/action", wrapped(action, arguments))
                .path("aggregate"));
    }

    private static Aggregate aggregate(JsonNode a) {
        List<String> hosts = new ArrayList<>();
        a.path("hosts").forEach(host -> hosts.add(host.asText()));
        Map<String, String> metadata = new LinkedHashMap<>();
        a.path("metadata").properties().forEach(e -> metadata.put(e.getKey(),
                e.getValue().isNull() ? null : e.getValue().asText()));
        return new Aggregate(a.path("id").asLong(), text(a, "uuid"), text(a, "name"), text(a, "availability_zone"),
                hosts, metadata, text(a, "created_at"), text(a, "updated_at"), text(a, "deleted_at"),
                a.path("deleted").asBoolean(false));
    }

    // ---- availability zones -----------------------------------------------------------------------------------

    /** {@code GET /os-availability-zone}: the zones and whether each is available; no hosts, no internal zone. */
    public List<AvailabilityZone> availabilityZones() {
        return zones(get("/v2.1/os-availability-zone"));
    }

    /**
     * {@code GET /os-availability-zone/detail} (an admin's call by default): every zone, the internal one too, with
     * the enabled services of each host of an available zone.
     */
    public List<AvailabilityZone> availabilityZoneDetails() {
        return zones(get("/v2.1/os-availability-zone/detail"));
    }

    private static List<AvailabilityZone> zones(JsonNode answer) {
        List<AvailabilityZone> result = new ArrayList<>();
        for (JsonNode zone : answer.path("availabilityZoneInfo")) {
            Map<String, Map<String, AvailabilityZone.ZoneService>> hosts = null;
            JsonNode hostsNode = zone.get("hosts");
            if (hostsNode != null && hostsNode.isObject()) {
                hosts = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> host : hostsNode.properties()) {
                    Map<String, AvailabilityZone.ZoneService> services = new LinkedHashMap<>();
                    host.getValue().properties().forEach(s -> services.put(s.getKey(),
                            new AvailabilityZone.ZoneService(s.getValue().path("available").asBoolean(),
                                    s.getValue().path("active").asBoolean(), text(s.getValue(), "updated_at"))));
                    hosts.put(host.getKey(), services);
                }
            }
            result.add(new AvailabilityZone(text(zone, "zoneName"), zone.path("zoneState").path("available").asBoolean(),
                    hosts));
        }
        return result;
    }

    // ---- HTTP -------------------------------------------------------------------------------------------------

    private JsonNode get(String path) {
        return call("GET", path, null);
    }

    private JsonNode call(String method, String path, JsonNode body) {
        return transport.call(method, path, body, Map.of(VERSION_HEADER, "compute " + version));
    }

    private static ObjectNode wrapped(String name, JsonNode content) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set(name, content);
        return body;
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> result = new ArrayList<>();
        array.forEach(result::add);
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
