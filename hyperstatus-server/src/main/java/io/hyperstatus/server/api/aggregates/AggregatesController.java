package io.hyperstatus.server.api.aggregates;

import static io.hyperstatus.server.api.microversion.VersionRange.ALL;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.core.aggregates.AggregateAdministration;
import io.hyperstatus.core.aggregates.AggregateId;
import io.hyperstatus.domain.Aggregate;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.Ids;
import io.hyperstatus.server.api.Resource;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.hyperstatus.server.api.policy.PolicyRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /os-aggregates}: list, create, show, update, delete and the {@code add_host}, {@code remove_host} and
 * {@code set_metadata} actions. Here: body schema, policy and id, in Nova's order; the lookups and rules after
 * them are the application layer's.
 */
public final class AggregatesController implements Resource {
    private final AggregateAdministration aggregates;

    public AggregatesController(AggregateAdministration aggregates) {
        this.aggregates = aggregates;
    }

    public ApiResponse index(ApiRequest request) {
        AggregateProfile profile = AggregateProfile.of(request.version());
        request.query(profile.query());
        request.authorize(PolicyRule.AGGREGATES_INDEX);
        List<Aggregate> all = aggregates.list();
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("aggregates");
            for (Aggregate aggregate : all) {
                AggregateView.write(json, aggregate, profile);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** POST: 200 (not 201) as in Nova, with neither hosts nor metadata in the answer. */
    public ApiResponse create(ApiRequest request) {
        AggregateProfile profile = AggregateProfile.of(request.version());
        JsonNode body = request.body(AggregateProfile.CREATE).get("aggregate");
        request.authorize(PolicyRule.AGGREGATES_CREATE);
        String name = body.get("name").asText().strip();
        JsonNode zoneNode = body.get("availability_zone");
        String zone = zoneNode == null || zoneNode.isNull() || zoneNode.asText().isEmpty() ? null : zoneNode.asText().strip();
        return ApiResponse.ok(AggregateCreatedView.single(aggregates.create(name, zone), profile));
    }

    public ApiResponse show(ApiRequest request) {
        AggregateProfile profile = AggregateProfile.of(request.version());
        request.query(profile.query());
        request.authorize(PolicyRule.AGGREGATES_SHOW);
        return ApiResponse.ok(AggregateView.single(aggregates.find(aggregateId(request)), profile));
    }

    /** PUT: a new name and/or an availability zone (null removes it). */
    public ApiResponse update(ApiRequest request) {
        AggregateProfile profile = AggregateProfile.of(request.version());
        JsonNode body = request.body(AggregateProfile.UPDATE).get("aggregate");
        request.authorize(PolicyRule.AGGREGATES_UPDATE);
        AggregateId id = aggregateId(request);
        Optional<String> name = body.has("name") ? Optional.of(body.get("name").asText().strip()) : Optional.empty();
        Map<String, String> zoneChange = new LinkedHashMap<>();
        if (body.has("availability_zone")) {
            JsonNode zone = body.get("availability_zone");
            zoneChange.put(Aggregate.AVAILABILITY_ZONE, zone.isNull() ? null : zone.asText());
        }
        return ApiResponse.ok(AggregateView.single(aggregates.update(id, name, zoneChange), profile));
    }

    /** DELETE: 200 with an empty body, as in Nova. */
    public ApiResponse delete(ApiRequest request) {
        request.authorize(PolicyRule.AGGREGATES_DELETE);
        aggregates.delete(aggregateId(request));
        return new ApiResponse(200, new byte[0]);
    }

    /** {@code POST /os-aggregates/{id}/action}: exactly one action per body, as Nova's action dispatch requires. */
    public ApiResponse action(ApiRequest request) {
        JsonNode body = request.rawBody();
        if (!body.isObject() || body.size() != 1) {
            throw ApiException.badRequest("Malformed request body");
        }
        String action = body.fieldNames().next();
        AggregateProfile profile = AggregateProfile.of(request.version());
        return switch (action) {
            case "add_host" -> addHost(request, request.validate(AggregateProfile.ADD_HOST, body), profile);
            case "remove_host" -> removeHost(request, request.validate(AggregateProfile.REMOVE_HOST, body), profile);
            case "set_metadata" -> setMetadata(request, request.validate(AggregateProfile.SET_METADATA, body), profile);
            default -> throw ApiException.badRequest("There is no such action: " + action);
        };
    }

    private ApiResponse addHost(ApiRequest request, JsonNode body, AggregateProfile profile) {
        String host = body.get("add_host").get("host").asText();
        request.authorize(PolicyRule.AGGREGATES_ADD_HOST);
        return ApiResponse.ok(AggregateView.single(aggregates.addHost(aggregateId(request), host), profile));
    }

    private ApiResponse removeHost(ApiRequest request, JsonNode body, AggregateProfile profile) {
        String host = body.get("remove_host").get("host").asText();
        request.authorize(PolicyRule.AGGREGATES_REMOVE_HOST);
        return ApiResponse.ok(AggregateView.single(aggregates.removeHost(aggregateId(request), host), profile));
    }

    /** Sets the given keys and removes those given as null. */
    private ApiResponse setMetadata(ApiRequest request, JsonNode body, AggregateProfile profile) {
        request.authorize(PolicyRule.AGGREGATES_SET_METADATA);
        AggregateId id = aggregateId(request);
        Map<String, String> metadata = new LinkedHashMap<>();
        body.get("set_metadata").get("metadata").properties()
                .forEach(e -> metadata.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return ApiResponse.ok(AggregateView.single(aggregates.setMetadata(id, metadata), profile));
    }

    /** The path's id, checked as Nova's {@code validate_integer(id, 'id')} does; answers quote it as given. */
    private static AggregateId aggregateId(ApiRequest request) {
        String id = request.pathParam("id");
        OptionalLong numeric = Ids.parseRowId(id.strip());
        if (numeric.isEmpty()) {
            throw ApiException.badRequest("Invalid input received: id must be an integer");
        }
        return new AggregateId(numeric.getAsLong(), id);
    }

    /** This resource's routes below a mount. The host and metadata changes are actions of one route. */
    @Override
    public List<Endpoint> routes() {
        return List.of(
                new Endpoint(GET, "/os-aggregates", ALL, this::index),
                new Endpoint(POST, "/os-aggregates", ALL, this::create),
                new Endpoint(GET, "/os-aggregates/{id}", ALL, this::show),
                new Endpoint(PUT, "/os-aggregates/{id}", ALL, this::update),
                new Endpoint(DELETE, "/os-aggregates/{id}", ALL, this::delete),
                new Endpoint(POST, "/os-aggregates/{id}/action", ALL, this::action));
    }
}
