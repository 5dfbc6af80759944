package io.hyperstatus.server.api.services;

import static io.hyperstatus.server.api.microversion.VersionRange.ALL;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.core.ServiceNotFoundException;
import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.services.ServiceAdministration;
import io.hyperstatus.core.services.ServiceChange;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.services.ServiceRef;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.ServiceStatus;
import io.hyperstatus.domain.ServiceWithState;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.Ids;
import io.hyperstatus.server.api.Json;
import io.hyperstatus.server.api.QueryValues;
import io.hyperstatus.server.api.RequestActor;
import io.hyperstatus.server.api.Resource;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.hyperstatus.server.api.policy.PolicyRule;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** {@code /os-services}: list, the pre-2.53 action routes, {@code PUT /os-services/{id}} and delete. */
public final class ServicesController implements Resource {
    private static final Set<String> TRUE_WORDS = Set.of("1", "t", "true", "on", "y", "yes");

    private final ServiceQueries queries;
    private final ServiceAdministration administration;
    private final ServiceZones zones;
    private final ServiceView view = new ServiceView();
    private final int readBatchSize;

    /** {@code readBatchSize}: how many services a listing reads per query while it streams the response. */
    public ServicesController(ServiceQueries queries, ServiceAdministration administration, ServiceZones zones,
                              int readBatchSize) {
        this.queries = queries;
        this.administration = administration;
        this.zones = zones;
        this.readBatchSize = readBatchSize;
    }

    public ApiResponse index(ApiRequest request) {
        ServiceProfile profile = ServiceProfile.of(request.version());
        Map<String, List<String>> query = request.query(Optional.of(profile.indexQuery()));
        request.authorize(PolicyRule.SERVICES_LIST);
        Optional<String> host = QueryValues.last(query, "host").filter(h -> !h.isEmpty());
        Optional<String> binary = QueryValues.last(query, "binary").filter(b -> !b.isEmpty());
        KeysetCursor<ServiceWithState> services = queries.scan(host, binary, readBatchSize);
        // Read before the response starts, so that a database failure is a fault, not a broken response.
        services.readAhead();
        ServiceZones.Snapshot zoneSnapshot = zones.snapshot();
        return ApiResponse.streamed(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("services");
            while (services.hasNext()) {
                ServiceWithState service = services.next();
                if (!service.service().isApiService()) {
                    view.write(json, service, zoneSnapshot.zoneOf(service.service()), profile);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    public ApiResponse update(ApiRequest request) {
        ServiceProfile profile = ServiceProfile.of(request.version());
        JsonNode body = request.body(profile.updateBody());
        return profile.uuidIds() ? updateById(request, body, profile) : updateByAction(request, body, profile);
    }

    /** {@code PUT /os-services/{action}} before 2.53: enable, disable, disable-log-reason, force-down. */
    private ApiResponse updateByAction(ApiRequest request, JsonNode body, ServiceProfile profile) {
        request.authorize(PolicyRule.SERVICES_UPDATE);
        String action = request.pathParam("id");
        boolean known = switch (action) {
            case "enable", "disable", "disable-log-reason" -> true;
            case "force-down" -> profile.forceDownAction();
            default -> false;
        };
        if (!known) {
            throw ApiException.notFound("Unknown action");
        }
        String host = body.get("host").asText();
        String binary = body.get("binary").asText();
        ServiceChange change = switch (action) {
            case "enable" -> ServiceChange.enable();
            // A plain disable clears the reason, whatever the body says.
            case "disable" -> ServiceChange.disable(null);
            case "disable-log-reason" -> body.has("disabled_reason")
                    ? ServiceChange.disable(body.get("disabled_reason").asText())
                    : ServiceChange.refused("Missing disabled reason field");
            default -> body.has("forced_down")
                    ? ServiceChange.forceDown(lenientBoolean(body.get("forced_down")))
                    : ServiceChange.refused("Missing forced_down field");
        };
        administration.change(ServiceRef.byKey(host, binary), change, RequestActor.user(request));
        if (change.forcedDown().isPresent()) {
            boolean forcedDown = change.forcedDown().get();
            return shortAnswer(host, binary, json -> json.writeBooleanField("forced_down", forcedDown));
        }
        String status = change.disabled().orElseThrow() ? "disabled" : "enabled";
        String reason = change.reason().orElse(null);
        return shortAnswer(host, binary, json -> {
            json.writeStringField("status", status);
            if (reason != null) {
                json.writeStringField("disabled_reason", reason);
            }
        });
    }

    /** The pre-2.53 actions' answer: the service's host and binary, then what the action changed. */
    private static ApiResponse shortAnswer(String host, String binary, Json.Writer changed) {
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("service");
            json.writeStringField("host", host);
            json.writeStringField("binary", binary);
            changed.write(json);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** {@code PUT /os-services/{uuid}} from 2.53: status, disabled_reason and forced_down in one request. */
    private ApiResponse updateById(ApiRequest request, JsonNode body, ServiceProfile profile) {
        String id = request.pathParam("id");
        if (!Ids.isUuidLike(id)) {
            throw ApiException.badRequest("Invalid uuid " + id);
        }
        request.authorize(PolicyRule.SERVICES_UPDATE);
        Optional<ServiceStatus> status = Optional.ofNullable(body.get("status"))
                .map(node -> node.asText().equals("enabled") ? ServiceStatus.ENABLED : ServiceStatus.DISABLED);
        Optional<String> reason = Optional.ofNullable(body.get("disabled_reason")).map(JsonNode::asText);
        Optional<Boolean> forcedDown = Optional.ofNullable(body.get("forced_down")).map(ServicesController::lenientBoolean);
        ServiceWithState updated = administration.change(ServiceRef.byUuid(id),
                ServiceChange.of(status, reason, forcedDown), RequestActor.user(request));
        String zone = zones.snapshot().zoneOf(updated.service());
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeFieldName("service");
            view.write(json, updated, zone, profile);
            json.writeEndObject();
        });
    }

    public ApiResponse delete(ApiRequest request) {
        request.authorize(PolicyRule.SERVICES_DELETE);
        String id = request.pathParam("id");
        ServiceRef ref;
        if (ServiceProfile.of(request.version()).uuidIds()) {
            if (!Ids.isUuidLike(id)) {
                throw ApiException.badRequest("Invalid uuid " + id);
            }
            ref = ServiceRef.byUuid(id);
        } else {
            OptionalLong numeric = Ids.parseRowId(id);
            if (numeric.isEmpty()) {
                throw ApiException.badRequest("Invalid input received: id must be an integer");
            }
            ref = ServiceRef.byId(numeric.getAsLong());
        }
        try {
            administration.delete(ref, RequestActor.user(request));
        } catch (ServiceNotFoundException e) {
            // Nova's delete words its 404 its own way, naming the id as the path gave it.
            throw ApiException.notFound("Service " + id + " not found.");
        }
        return ApiResponse.noContent();
    }

    /** oslo's non-strict bool_from_string: anything but a true word is false. */
    private static boolean lenientBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return TRUE_WORDS.contains(value.asText().strip().toLowerCase(Locale.ROOT));
    }

    /** This resource's routes below a mount. {@code {id}} is an action name before 2.53 and a UUID from it. */
    @Override
    public List<Endpoint> routes() {
        return List.of(
                new Endpoint(GET, "/os-services", ALL, this::index),
                new Endpoint(PUT, "/os-services/{id}", ALL, this::update),
                new Endpoint(DELETE, "/os-services/{id}", ALL, this::delete));
    }
}
