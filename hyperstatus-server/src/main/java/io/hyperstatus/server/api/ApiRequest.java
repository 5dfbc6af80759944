package io.hyperstatus.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.server.api.auth.Credentials;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.policy.Policy;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.hyperstatus.server.api.validation.RequestSchema;
import io.hyperstatus.server.api.validation.SchemaValidator;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One API call as an action sees it: microversion, caller, path parameters, validated query and body. */
public final class ApiRequest {
    private static final Set<String> JSON_CONTENT_TYPES =
            Set.of("application/json", "application/vnd.openstack.compute+json", "text/plain");

    /** Decimals as written, so that no number (not even {@code 1E+400}) becomes an infinity no validator handles. */
    private static final ObjectReader BODY_READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Context ctx;
    private final Mount mount;
    private final Microversion version;
    private final Credentials credentials;
    private final Optional<String> urlProjectId;
    private final Optional<String> linkPrefix;
    private final SchemaValidator validator;
    private final Policy policy;

    ApiRequest(Context ctx, Mount mount, Microversion version, Credentials credentials, Optional<String> urlProjectId,
               Optional<String> linkPrefix, SchemaValidator validator, Policy policy) {
        this.ctx = ctx;
        this.mount = mount;
        this.version = version;
        this.credentials = credentials;
        this.urlProjectId = urlProjectId;
        this.linkPrefix = linkPrefix;
        this.validator = validator;
        this.policy = policy;
    }

    public Microversion version() {
        return version;
    }

    public boolean isLegacyV2() {
        return mount == Mount.LEGACY_V2;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The id this request's answer carries ({@code x-openstack-request-id}), set before any action runs. */
    public String requestId() {
        return Answers.requestId(ctx);
    }

    /** A request header, or null when the request has none of that name. */
    public String header(String name) {
        return ctx.header(name);
    }

    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    /** A path parameter, or null when the route has none of that name. */
    public String pathParamOrNull(String name) {
        return ctx.pathParamMap().get(name);
    }

    /**
     * Throws Nova's 403, naming the rule, when the caller may not perform the action. A compute agent's credential
     * (one with the agents' role) is refused every rule but the agent interface's, whatever the policy file says, so
     * that a host's credential never works as an operator's, as a kubelet's never does in Kubernetes.
     */
    public void authorize(PolicyRule rule) {
        boolean agentInCompute = credentials.isComputeAgent() && rule != PolicyRule.AGENT_REPORT;
        if (agentInCompute || !policy.allows(credentials, rule)) {
            throw new ApiException(403, "Policy doesn't allow " + rule.ruleName() + " to be performed.");
        }
    }

    /**
     * The query string, validated against {@code schema} when there is one (unknown parameters then either
     * rejected or stripped, as the schema says). Without a schema every parameter is stripped. The legacy v2
     * API applies no query schema, but still keeps only the parameters the schema knows.
     */
    public Map<String, List<String>> query(Optional<RequestSchema> schema) {
        if (schema.isEmpty()) {
            return Map.of();
        }
        ObjectNode params = Json.MAPPER.createObjectNode();
        ctx.queryParamMap().forEach((name, values) -> {
            ArrayNode array = params.putArray(name);
            values.forEach(array::add);
        });
        if (!isLegacyV2()) {
            validator.validate(schema.get(), params, SchemaValidator.Target.QUERY);
        }
        SchemaValidator.stripUnknownProperties(schema.get(), params);
        Map<String, List<String>> result = new LinkedHashMap<>();
        params.properties().forEach(field -> {
            List<String> values = new ArrayList<>();
            field.getValue().forEach(value -> values.add(value.asText()));
            result.put(field.getKey(), values);
        });
        return result;
    }

    /** The JSON body, validated against {@code schema}; in the legacy v2 API unknown properties are stripped first. */
    public JsonNode body(RequestSchema schema) {
        return validate(schema, rawBody());
    }

    /** The JSON body, parsed but not validated (an action's body is validated once its action is known). */
    public JsonNode rawBody() {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.isBlank()) {
            String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!JSON_CONTENT_TYPES.contains(base)) {
                throw new ApiException(415, "Unsupported Content-Type");
            }
        }
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length == 0) {
            return NullNode.getInstance();
        }
        try {
            // One document and nothing after it, as Python's json.loads reads a body ("{} x" is refused).
            // Strictly UTF-8: a byte sequence that is not would otherwise become U+FFFD and pass for text.
            return BODY_READER.readTree(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString());
        } catch (JsonProcessingException | CharacterCodingException e) {
            throw ApiException.badRequest("Malformed request body");
        }
    }

    /** Validates a parsed body against {@code schema}; in the legacy v2 API unknown properties are stripped first. */
    public JsonNode validate(RequestSchema schema, JsonNode body) {
        if (isLegacyV2() && body instanceof ObjectNode object) {
            SchemaValidator.stripUnknownProperties(schema, object);
        }
        validator.validate(schema, body, SchemaValidator.Target.BODY);
        return body;
    }

    /** The base of links: {@code [api] compute_link_prefix}, or the scheme and host the request came to. */
    public String baseUrl() {
        return linkPrefix.orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }

    /** The URL of a collection for links: the base, the mount and the project id if the request had one. */
    public String collectionUrl(String path) {
        return baseUrl() + mount.prefix() + urlProjectId.map(p -> "/" + p).orElse("") + path;
    }
}
