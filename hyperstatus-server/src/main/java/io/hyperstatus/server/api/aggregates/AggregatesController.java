package io.hyperstatus.server.api.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.domain.Aggregate;
import io.hyperstatus.domain.Service;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Ids;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.hyperstatus.storage.AggregateHostExistsException;
import io.hyperstatus.storage.AggregateNameExistsException;
import io.hyperstatus.storage.AggregateStore;
import io.hyperstatus.storage.NotFoundException;
import io.hyperstatus.storage.ServiceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code /os-aggregates}: list, create, show, update, delete and the {@code add_host}, {@code remove_host} and
 * {@code set_metadata} actions, with Nova's checks in Nova's order (body schema, policy, id, lookups).
 */
public final class AggregatesController {
    private final AggregateStore store;
    private final ServiceStore services;
    private final Supplier<Instant> clock;

    public AggregatesController(AggregateStore store, ServiceStore services, Supplier<Instant> clock) {
        this.store = store;
        this.services = services;
        this.clock = clock;
    }

    public ApiResponse index(ApiRequest request) {
        AggregateFormat format = AggregateFormat.of(request.version());
        request.query(format.query());
        request.authorize(PolicyRule.AGGREGATES_INDEX);
        List<Aggregate> aggregates = store.list();
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("aggregates");
            for (Aggregate aggregate : aggregates) {
                AggregateView.write(json, aggregate, format);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** POST: 200 (not 201) as in Nova, with neither hosts nor metadata in the answer. */
    public ApiResponse create(ApiRequest request) {
        AggregateFormat format = AggregateFormat.of(request.version());
        JsonNode body = request.body(AggregateFormat.CREATE).get("aggregate");
        request.authorize(PolicyRule.AGGREGATES_CREATE);
        String name = body.get("name").asText().strip();
        JsonNode zoneNode = body.get("availability_zone");
        String zone = zoneNode == null || zoneNode.isNull() || zoneNode.asText().isEmpty() ? null : zoneNode.asText().strip();
        try {
            return ApiResponse.ok(AggregateCreatedView.single(store.create(name, zone), format));
        } catch (AggregateNameExistsException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    public ApiResponse show(ApiRequest request) {
        AggregateFormat format = AggregateFormat.of(request.version());
        request.query(format.query());
        request.authorize(PolicyRule.AGGREGATES_SHOW);
        String id = request.pathParam("id");
        Aggregate aggregate = existing(id, integerId(id));
        return ApiResponse.ok(AggregateView.single(aggregate, format));
    }

    /** PUT: a new name first (kept even if the zone is then refused, as in Nova), then the zone as metadata. */
    public ApiResponse update(ApiRequest request) {
        AggregateFormat format = AggregateFormat.of(request.version());
        JsonNode body = request.body(AggregateFormat.UPDATE).get("aggregate");
        request.authorize(PolicyRule.AGGREGATES_UPDATE);
        String id = request.pathParam("id");
        long numeric = integerId(id);
        Aggregate aggregate = existing(id, numeric);
        if (body.has("name")) {
            try {
                aggregate = store.rename(numeric, body.get("name").asText().strip());
            } catch (AggregateNameExistsException e) {
                throw ApiException.conflict(e.getMessage());
            }
        }
        if (!body.has("availability_zone")) {
            return ApiResponse.ok(AggregateView.single(aggregate, format));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode zone = body.get("availability_zone");
        metadata.put(Aggregate.AVAILABILITY_ZONE, zone.isNull() ? null : zone.asText());
        requireSafeZoneChange(aggregate, metadata, aggregate.hosts(), true,
                reason -> ApiException.badRequest("Cannot update aggregate " + numeric + ". Reason: " + reason + "."));
        Aggregate updated = store.updateMetadata(numeric, metadata);
        // Nova stamps updated_at on the answer only; the stored aggregate keeps its own.
        return ApiResponse.ok(AggregateView.single(updated.withUpdatedAt(clock.get()), format));
    }

    /** DELETE: 200 with an empty body, as in Nova. */
    public ApiResponse delete(ApiRequest request) {
        request.authorize(PolicyRule.AGGREGATES_DELETE);
        String id = request.pathParam("id");
        long numeric = integerId(id);
        Aggregate aggregate = existing(id, numeric);
        if (!aggregate.hosts().isEmpty()) {
            throw ApiException.badRequest("Cannot remove host from aggregate " + numeric
                    + ". Reason: Host aggregate is not empty.");
        }
        try {
            store.delete(numeric);
        } catch (NotFoundException e) {
            throw notFound(id);
        }
        return new ApiResponse(200, new byte[0]);
    }

    /** {@code POST /os-aggregates/{id}/action}: exactly one action per body, as Nova's action dispatch requires. */
    public ApiResponse action(ApiRequest request) {
        JsonNode body = request.rawBody();
        if (!body.isObject() || body.size() != 1) {
            throw ApiException.badRequest("Malformed request body");
        }
        String action = body.fieldNames().next();
        AggregateFormat format = AggregateFormat.of(request.version());
        return switch (action) {
            case "add_host" -> addHost(request, request.validate(AggregateFormat.ADD_HOST, body), format);
            case "remove_host" -> removeHost(request, request.validate(AggregateFormat.REMOVE_HOST, body), format);
            case "set_metadata" -> setMetadata(request, request.validate(AggregateFormat.SET_METADATA, body), format);
            default -> throw ApiException.badRequest("There is no such action: " + action);
        };
    }

    private ApiResponse addHost(ApiRequest request, JsonNode body, AggregateFormat format) {
        String host = body.get("add_host").get("host").asText();
        request.authorize(PolicyRule.AGGREGATES_ADD_HOST);
        String id = request.pathParam("id");
        long numeric = integerId(id);
        if (!isComputeHost(host)) {
            throw ApiException.notFound("Compute host " + host + " could not be found.");
        }
        Aggregate aggregate = existing(id, numeric);
        requireSafeZoneChange(aggregate, aggregate.metadata(), List.of(host), false,
                reason -> ApiException.conflict("Cannot add host to aggregate " + numeric + ". Reason: " + reason + "."));
        try {
            return ApiResponse.ok(AggregateView.single(store.addHost(numeric, host), format));
        } catch (AggregateHostExistsException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (NotFoundException e) {
            throw notFound(id);
        }
    }

    /** Every failure but a bad id is the same 404, naming the host and the aggregate id as given. */
    private ApiResponse removeHost(ApiRequest request, JsonNode body, AggregateFormat format) {
        String host = body.get("remove_host").get("host").asText();
        request.authorize(PolicyRule.AGGREGATES_REMOVE_HOST);
        String id = request.pathParam("id");
        long numeric = integerId(id);
        ApiException cannot = ApiException.notFound("Cannot remove host " + host + " in aggregate " + id);
        if (!isComputeHost(host)) {
            throw cannot;
        }
        Aggregate updated = store.removeHost(numeric, host).orElseThrow(() -> cannot);
        return ApiResponse.ok(AggregateView.single(updated, format));
    }

    /** Sets the given keys and removes those given as null; the answer's updated_at is now, as in Nova. */
    private ApiResponse setMetadata(ApiRequest request, JsonNode body, AggregateFormat format) {
        request.authorize(PolicyRule.AGGREGATES_SET_METADATA);
        String id = request.pathParam("id");
        long numeric = integerId(id);
        Map<String, String> metadata = new LinkedHashMap<>();
        body.get("set_metadata").get("metadata").fields()
                .forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        Aggregate aggregate = existing(id, numeric);
        requireSafeZoneChange(aggregate, metadata, aggregate.hosts(), true,
                reason -> ApiException.badRequest("Cannot update metadata of aggregate " + numeric + ". Reason: "
                        + reason + "."));
        try {
            Aggregate updated = store.updateMetadata(numeric, metadata);
            return ApiResponse.ok(AggregateView.single(updated.withUpdatedAt(clock.get()), format));
        } catch (NotFoundException e) {
            throw notFound(id);
        }
    }

    /**
     * Nova's {@code is_safe_to_update_az}: a zone change may not empty the zone, may not put a host in two zones
     * (another aggregate of one of the hosts has another zone), and, when {@code checkInstances}, may not move
     * hosts that have instances to a new zone.
     */
    private void requireSafeZoneChange(Aggregate aggregate, Map<String, String> metadata, List<String> hosts,
                                       boolean checkInstances, java.util.function.Function<String, ApiException> error) {
        if (!metadata.containsKey(Aggregate.AVAILABILITY_ZONE)) {
            return;
        }
        String zone = metadata.get(Aggregate.AVAILABILITY_ZONE);
        if (zone == null || zone.isEmpty()) {
            throw error.apply("Aggregate " + aggregate.name() + " does not support empty named availability zone");
        }
        List<String> conflicting = new ArrayList<>();
        for (Aggregate other : store.list()) {
            String otherZone = other.availabilityZone();
            if (otherZone != null && other.id() != aggregate.id() && !otherZone.equals(zone)
                    && other.hosts().stream().anyMatch(hosts::contains)) {
                conflicting.add(otherZone);
            }
        }
        if (!conflicting.isEmpty()) {
            throw error.apply("One or more hosts already in availability zone(s) " + pythonList(conflicting));
        }
        if (checkInstances && !zone.equals(aggregate.availabilityZone()) && store.instanceCount(hosts) > 0) {
            throw error.apply("One or more hosts contain instances in this zone");
        }
    }

    private boolean isComputeHost(String host) {
        return services.findByHostAndBinary(host, Service.COMPUTE_BINARY).isPresent();
    }

    private Aggregate existing(String id, long numeric) {
        return store.find(numeric).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Aggregate " + id + " could not be found.");
    }

    /** Nova's {@code validate_integer(id, 'id')}. */
    private static long integerId(String id) {
        OptionalLong numeric = Ids.parseLong(id.strip());
        if (numeric.isEmpty()) {
            throw ApiException.badRequest("Invalid input received: id must be an integer");
        }
        return numeric.getAsLong();
    }

    private static String pythonList(List<String> values) {
        List<String> quoted = values.stream().map(io.hyperstatus.server.api.validation.PythonRepr::reprString).toList();
        return "[" + String.join(", ", quoted) + "]";
    }
}
