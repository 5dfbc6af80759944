package io.hyperstatus.server.api.extensions;

import static io.hyperstatus.server.api.microversion.VersionRange.ALL;
import static io.javalin.http.HandlerType.GET;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.Json;
import io.hyperstatus.server.api.Resource;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.hyperstatus.server.api.policy.PolicyRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /extensions}: the static list clients of the v2 era look for. The legacy v2 API also lists the
 * extensions only it had, and leaves out the optional ones the operator unloaded.
 */
public final class ExtensionsController implements Resource {
    /** Every listed extension shares these placeholder values, as in Nova. */
    private static final String NAMESPACE = "http://docs.openstack.org/compute/ext/fake_xml";
    private static final String UPDATED = "2014-12-03T00:00:00Z";

    private record Extension(String alias, String name, String description, boolean legacyV2Only) {
    }

    private final List<Extension> extensions;
    private final Set<String> unloadedLegacyExtensions;

    public ExtensionsController(Set<String> unloadedLegacyExtensions) {
        this.extensions = load();
        this.unloadedLegacyExtensions = Set.copyOf(unloadedLegacyExtensions);
    }

    private static List<Extension> load() {
        try (InputStream in = ExtensionsController.class.getResourceAsStream("extensions.json")) {
            List<Extension> result = new ArrayList<>();
            for (JsonNode entry : Json.MAPPER.readTree(in).get("extensions")) {
                result.add(new Extension(entry.get("alias").asText(), entry.get("name").asText(),
                        entry.get("description").asText(), entry.get("legacy_v2_only").asBoolean()));
            }
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the extension list", e);
        }
    }

    private List<Extension> visible(ApiRequest request) {
        return extensions.stream()
                .filter(e -> request.isLegacyV2() ? !unloadedLegacyExtensions.contains(e.alias()) : !e.legacyV2Only())
                .toList();
    }

    public ApiResponse index(ApiRequest request) {
        request.query(ExtensionsProfile.of(request.version()).query());
        request.authorize(PolicyRule.EXTENSIONS);
        List<Extension> visible = visible(request);
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("extensions");
            for (Extension extension : visible) {
                write(json, extension);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    public ApiResponse show(ApiRequest request) {
        request.query(ExtensionsProfile.of(request.version()).query());
        request.authorize(PolicyRule.EXTENSIONS);
        String alias = request.pathParam("alias");
        Extension extension = visible(request).stream().filter(e -> e.alias().equals(alias)).findFirst()
                .orElseThrow(ApiException::resourceNotFound);
        return ApiResponse.ok(json -> {
            json.writeStartObject();
            json.writeFieldName("extension");
            write(json, extension);
            json.writeEndObject();
        });
    }

    private static void write(JsonGenerator json, Extension extension) throws IOException {
        json.writeStartObject();
        json.writeStringField("alias", extension.alias());
        json.writeStringField("description", extension.description());
        json.writeArrayFieldStart("links");
        json.writeEndArray();
        json.writeStringField("name", extension.name());
        json.writeStringField("namespace", NAMESPACE);
        json.writeStringField("updated", UPDATED);
        json.writeEndObject();
    }

    /** This resource's routes below a mount. The legacy extension list, and one extension by alias. */
    @Override
    public List<Endpoint> routes() {
        return List.of(
                new Endpoint(GET, "/extensions", ALL, this::index),
                new Endpoint(GET, "/extensions/{alias}", ALL, this::show));
    }
}
