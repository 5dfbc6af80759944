package io.hyperstatus.server.api.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceWithState;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Ids;
import io.hyperstatus.server.api.QueryValues;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.hyperstatus.server.api.zones.ServiceZones;
import io.hyperstatus.storage.HostHasInstancesException;
import io.hyperstatus.storage.KeysetCursor;
import io.hyperstatus.storage.ServiceStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** {@code /os-services}: list, the pre-2.53 action routes, {@code PUT /os-services/{id}} and delete. */
public final class ServicesController {
    /** API services answer requests instead of heartbeating, so Nova never lists them. */
    private static final Set<String> API_BINARIES = Set.of("nova-osapi_compute", "nova-metadata");
    private static final Set<String> TRUE_WORDS = Set.of("1", "t", "true", "on", "y", "yes");

    private final ServiceStore store;
    private final ServiceZones zones;
    private final ServiceView view = new ServiceView();
    private final int readBatchSize;

    /** {@code readBatchSize}: how many services a listing reads per query while it streams the response. */
    public ServicesController(ServiceStore store, ServiceZones zones, int readBatchSize) {
        this.store = store;
        this.zones = zones;
        this.readBatchSize = readBatchSize;
    }

    public ApiResponse index(ApiRequest request) {
        ServiceFormat format = ServiceFormat.of(request.version());
        Map<String, List<String>> query = request.query(Optional.of(format.indexQuery()));
        request.authorize(PolicyRule.SERVICES_LIST);
        Optional<String> host = QueryValues.last(query, "host").filter(h -> !h.isEmpty());
        Optional<String> binary = QueryValues.last(query, "binary").filter(b -> !b.isEmpty());
        KeysetCursor<ServiceWithState> services = store.scan(host, binary, readBatchSize);
        // Read before the response starts, so that a database failure is a fault, not a broken response.
        services.hasNext();
        ServiceZones.Snapshot zoneSnapshot = zones.snapshot();
        return ApiResponse.streamed(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("services");
            while (services.hasNext()) {
                ServiceWithState service = services.next();
                if (!API_BINARIES.contains(service.service().binary())) {
                    view.write(json, service, zoneSnapshot.zoneOf(service.service()), format);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    public ApiResponse update(ApiRequest request) {
        ServiceFormat format = ServiceFormat.of(request.version());
        JsonNode body = request.body(format.updateBody());
        return format.uuidIds() ? updateById(request, body, format) : updateByAction(request, body, format);
    }

    /** {@code PUT /os-services/{action}} before 2.53: enable, disable, disable-log-reason, force-down. */
    private ApiResponse updateByAction(ApiRequest request, JsonNode body, ServiceFormat format) {
        request.authorize(PolicyRule.SERVICES_UPDATE);
        String action = request.pathParam("id");
        boolean known = switch (action) {
            case "enable", "disable", "disable-log-reason" -> true;
            case "force-down" -> request.version().atLeast(Microversions.SERVICE_FORCED_DOWN);
            default -> false;
        };
        if (!known) {
            throw ApiException.notFound("Unknown action");
        }
        String host = body.get("host").asText();
        String binary = body.get("binary").asText();
        requireCompute(binary);
        Service service = store.findByHostAndBinary(host, binary)
                .orElseThrow(() -> ApiException.notFound("Host '" + host + "' is not mapped to any cell"))
                .service();
        switch (action) {
            case "enable" -> {
                store.setDisabled(service.id(), false, null);
                return shortAnswer(host, binary, "enabled", null);
            }
            case "disable" -> {
                // A plain disable clears the reason, whatever the body says.
                store.setDisabled(service.id(), true, null);
                return shortAnswer(host, binary, "disabled", null);
            }
            case "disable-log-reason" -> {
                JsonNode reason = body.get("disabled_reason");
                if (reason == null) {
                    throw ApiException.badRequest("Missing disabled reason field");
                }
                store.setDisabled(service.id(), true, reason.asText());
                return shortAnswer(host, binary, "disabled", reason.asText());
            }
            default -> {
                JsonNode forced = body.get("forced_down");
                if (forced == null) {
                    throw ApiException.badRequest("Missing forced_down field");
                }
                boolean forcedDown = lenientBoolean(forced);
                store.setForcedDown(service.id(), forcedDown);
                return ApiResponse.ok(json -> {
                    json.writeStartObject();
                    json.writeObjectFieldStart("service");
                    json.writeStringField("host", host);
                    json.writeStringField("binary", binary);
                    json.writeBooleanField("forced_down", forcedDown);
                    json.writeEndObject();
                    json.writeEndObject();
                });
            }
        }
    }

    private static ApiResponse shortAnswer(String host, String binary, String status, String reason) {
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("service");
            json.writeStringField("host", host);
            json.writeStringField("binary", binary);
            json.writeStringField("status", status);
            if (reason != null) {
                json.writeStringField("disabled_reason", reason);
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** {@code PUT /os-services/{uuid}} from 2.53: status, disabled_reason and forced_down in one request. */
    private ApiResponse updateById(ApiRequest request, JsonNode body, ServiceFormat format) {
        String id = request.pathParam("id");
        if (!Ids.isUuidLike(id)) {
            throw ApiException.badRequest("Invalid uuid " + id);
        }
        request.authorize(PolicyRule.SERVICES_UPDATE);
        Service service = store.findByUuid(id)
                .orElseThrow(() -> ApiException.notFound("Service " + id + " could not be found."))
                .service();
        requireCompute(service.binary());
        Optional<Boolean> disabled = Optional.empty();
        Optional<String> reason = Optional.empty();
        JsonNode status = body.get("status");
        JsonNode reasonNode = body.get("disabled_reason");
        if (status != null) {
            if (status.asText().equals("enabled")) {
                if (reasonNode != null && !reasonNode.asText().isEmpty()) {
                    throw ApiException.badRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
                }
                disabled = Optional.of(false);
            } else {
                disabled = Optional.of(true);
                reason = Optional.ofNullable(reasonNode).map(JsonNode::asText);
            }
        }
        Optional<Boolean> forcedDown = Optional.ofNullable(body.get("forced_down")).map(ServicesController::lenientBoolean);
        if (disabled.isEmpty() && forcedDown.isEmpty()) {
            throw ApiException.badRequest(
                    "No updates were requested. Fields 'status' or 'forced_down' should be specified.");
        }
        ServiceWithState updated = store.update(service.id(), disabled, reason, forcedDown);
        String zone = zones.snapshot().zoneOf(updated.service());
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeFieldName("service");
            view.write(json, updated, zone, format);
            json.writeEndObject();
        });
    }

    public ApiResponse delete(ApiRequest request) {
        request.authorize(PolicyRule.SERVICES_DELETE);
        String id = request.pathParam("id");
        Optional<ServiceWithState> found;
        if (request.version().atLeast(Microversions.UUID_IDS)) {
            if (!Ids.isUuidLike(id)) {
                throw ApiException.badRequest("Invalid uuid " + id);
            }
            found = store.findByUuid(id);
        } else {
            OptionalLong numeric = Ids.parseLong(id);
            if (numeric.isEmpty()) {
                throw ApiException.badRequest("Invalid input received: id must be an integer");
            }
            found = store.findById(numeric.getAsLong());
        }
        Service service = found.orElseThrow(() -> ApiException.notFound("Service " + id + " not found.")).service();
        try {
            store.delete(service);
        } catch (HostHasInstancesException e) {
            throw ApiException.conflict("Unable to delete compute service that is hosting instances. "
                    + "Migrate or delete the instances first.");
        }
        return ApiResponse.noContent();
    }

    private static void requireCompute(String binary) {
        if (!binary.equals(Service.COMPUTE_BINARY)) {
            throw ApiException.badRequest("Updating a " + binary
                    + " service is not supported. Only nova-compute services can be updated.");
        }
    }

    /** oslo's non-strict bool_from_string: anything but a true word is false. */
    private static boolean lenientBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return TRUE_WORDS.contains(value.asText().strip().toLowerCase(Locale.ROOT));
    }
}
