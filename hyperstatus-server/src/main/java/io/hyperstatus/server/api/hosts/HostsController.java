package io.hyperstatus.server.api.hosts;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.core.hypervisors.HypervisorQueries;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.ComputeNode;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceWithState;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.QueryValues;
import io.hyperstatus.server.api.Resource;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.hyperstatus.server.api.validation.RequestSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The deprecated {@code /os-hosts} (2.1 to 2.42). Nova's libvirt driver supports neither maintenance mode nor host
 * power actions, and hyperstatus has no channel to ask an agent for either: those answer Nova's 501 for a driver
 * without them, after the same host checks as Nova. {@code status} in PUT answers as a libvirt compute does
 * (it echoes the requested state without changing the service; os-services is the way to disable one).
 */
public final class HostsController implements Resource {
    private static final RequestSchema INDEX_QUERY = RequestSchema.load("hosts-index-query");
    private static final RequestSchema UPDATE = RequestSchema.load("hosts-update");
    private static final String NOT_SUPPORTED = "The requested functionality is not supported.";

    private final ServiceQueries services;
    private final HypervisorQueries hosts;
    private final ServiceZones zones;

    public HostsController(ServiceQueries services, HypervisorQueries hosts, ServiceZones zones) {
        this.services = services;
        this.hosts = hosts;
        this.zones = zones;
    }

    /** Enabled services only (Nova filters out disabled ones), optionally those of one zone. */
    public ApiResponse index(ApiRequest request) {
        Map<String, List<String>> query = request.query(Optional.of(INDEX_QUERY));
        request.authorize(PolicyRule.HOSTS_LIST);
        Optional<String> zone = QueryValues.last(query, "zone").filter(z -> !z.isEmpty());
        ServiceZones.Snapshot snapshot = zones.snapshot();
        List<String[]> rows = new ArrayList<>();
        for (ServiceWithState entry : services.list(Optional.empty(), Optional.empty())) {
            Service service = entry.service();
            String serviceZone = snapshot.zoneOf(service);
            if (service.disabled() || service.isApiService()
                    || (zone.isPresent() && !zone.get().equals(serviceZone))) {
                continue;
            }
            rows.add(new String[] {service.host(), topic(service.binary()), serviceZone});
        }
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("hosts");
            for (String[] row : rows) {
                json.writeStartObject();
                json.writeStringField("host_name", row[0]);
                json.writeStringField("service", row[1]);
                json.writeStringField("zone", row[2]);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** The topic Nova lists: the binary without its {@code nova-} prefix ({@code compute}, {@code scheduler}...). */
    private static String topic(String binary) {
        return binary.startsWith("nova-") ? binary.substring("nova-".length()) : binary;
    }

    /**
     * The host's resources: {@code (total)} and {@code (used_now)} from its first compute node, {@code (used_max)}
     * summed over its instances' flavors, then one row per project. Hyperstatus stores neither an instance's flavor
     * (vCPUs, memory, disks) nor its project, so {@code (used_max)} is always zeros and there are no project rows.
     */
    public ApiResponse show(ApiRequest request) {
        request.authorize(PolicyRule.HOSTS_SHOW);
        String host = request.pathParam("id");
        requireMapped(host);
        NodeResources node = hosts.firstNode(host).map(ComputeNode::resources)
                .orElseThrow(() -> ApiException.notFound("Compute host " + host + " could not be found."));
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("host");
            HostResourceView.write(json, host, "(total)", node.vcpus(), node.memoryMb(), node.localGb());
            HostResourceView.write(json, host, "(used_now)", node.vcpusUsed(), node.memoryMbUsed(), node.localGbUsed());
            HostResourceView.write(json, host, "(used_max)", 0, 0, 0);
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** PUT: the body is echoed with each given setting applied; an empty body gives just the host, unchecked. */
    public ApiResponse update(ApiRequest request) {
        JsonNode body = request.body(UPDATE);
        request.authorize(PolicyRule.HOSTS_UPDATE);
        String host = request.pathParam("id");
        JsonNode status = body.get("status");
        JsonNode maintenance = body.get("maintenance_mode");
        String statusResult = null;
        if (status != null) {
            requireMapped(host);
            statusResult = status.asText().strip().toLowerCase(Locale.ROOT).equals("enable") ? "enabled" : "disabled";
        }
        if (maintenance != null) {
            requireMapped(host);
            throw new ApiException(501, NOT_SUPPORTED);
        }
        String result = statusResult;
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeStringField("host", host);
            if (result != null) {
                json.writeStringField("status", result);
            }
            json.writeEndObject();
        });
    }

    public ApiResponse startup(ApiRequest request) {
        return powerAction(request, PolicyRule.HOSTS_START);
    }

    public ApiResponse shutdown(ApiRequest request) {
        return powerAction(request, PolicyRule.HOSTS_SHUTDOWN);
    }

    public ApiResponse reboot(ApiRequest request) {
        return powerAction(request, PolicyRule.HOSTS_REBOOT);
    }

    private ApiResponse powerAction(ApiRequest request, PolicyRule rule) {
        request.authorize(rule);
        requireMapped(request.pathParam("id"));
        throw new ApiException(501, NOT_SUPPORTED);
    }

    /** Nova finds a host through its cell mapping, which only compute hosts have. */
    private void requireMapped(String host) {
        if (!services.isComputeHost(host)) {
            throw ApiException.notFound("Host '" + host + "' is not mapped to any cell");
        }
    }

    /** This resource's routes below a mount. The deprecated os-hosts is gone from 2.43, every route of it. */
    @Override
    public List<Endpoint> routes() {
        VersionRange untilHostsRemoved = VersionRange.before(Microversions.HOSTS_REMOVED);
        return List.of(
                new Endpoint(GET, "/os-hosts", untilHostsRemoved, this::index),
                new Endpoint(GET, "/os-hosts/{id}", untilHostsRemoved, this::show),
                new Endpoint(PUT, "/os-hosts/{id}", untilHostsRemoved, this::update),
                new Endpoint(GET, "/os-hosts/{id}/startup", untilHostsRemoved, this::startup),
                new Endpoint(GET, "/os-hosts/{id}/shutdown", untilHostsRemoved, this::shutdown),
                new Endpoint(GET, "/os-hosts/{id}/reboot", untilHostsRemoved, this::reboot));
    }
}
