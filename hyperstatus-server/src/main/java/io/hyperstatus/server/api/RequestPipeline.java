package io.hyperstatus.server.api;

import io.hyperstatus.server.api.auth.Credentials;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.health.HealthCheck;
import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.policy.Policy;
import io.hyperstatus.server.api.validation.SchemaValidator;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The steps every call goes through, in Nova's order. Before routing: request id, size limit, authentication, and
 * no implicit HEAD (but the health check's). Once routed: the project id's form, microversion, the route's version range, the project
 * check; then the action, and its answer sent.
 */
final class RequestPipeline {
    private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f-]+");

    private final long maxRequestBodySize;
    private final Optional<String> linkPrefix;
    private final Authentication authentication;
    private final MicroversionHeaders microversions;
    private final Policy policy;
    private final NotFoundPages notFound;
    private final StreamingResponder responder;
    private final SchemaValidator validator = new SchemaValidator();

    RequestPipeline(long maxRequestBodySize, Optional<String> linkPrefix, Authentication authentication,
                    MicroversionHeaders microversions, Policy policy, NotFoundPages notFound,
                    StreamingResponder responder) {
        this.maxRequestBodySize = maxRequestBodySize;
        this.linkPrefix = linkPrefix;
        this.authentication = authentication;
        this.microversions = microversions;
        this.policy = policy;
        this.notFound = notFound;
        this.responder = responder;
    }

    /** Runs before any route; an answer written here ends the request. */
    void beforeRouting(Context ctx) {
        String requestId = RequestIds.newId();
        RequestIds.HEADERS.forEach(header -> ctx.header(header, requestId));
        if (ctx.req().getContentLengthLong() > maxRequestBodySize) {
            // Refused from its declared length, whatever the route, before a byte of it is read.
            Answers.fault(ctx, 413, "Request is too large.");
            ctx.skipRemainingHandlers();
            return;
        }
        if (!authentication.authenticate(ctx)) {
            ctx.skipRemainingHandlers();
            return;
        }
        if (HandlerType.HEAD.equals(ctx.method()) && !HealthCheck.PATH.equals(ctx.path())) {
            // Nova routes no HEAD requests but the health check's (oslo's middleware answers it there); do not let
            // GET routes answer them implicitly.
            notFound.answer(ctx);
            ctx.skipRemainingHandlers();
        }
    }

    /** Runs a routed call; {@code withProject} when its route has a {project_id} after the mount. */
    void dispatch(Context ctx, Endpoint endpoint, Mount mount, boolean withProject) throws IOException {
        Optional<String> urlProject = withProject ? Optional.of(ctx.pathParam("project_id")) : Optional.empty();
        if (urlProject.isPresent() && !PROJECT_ID.matcher(urlProject.get()).matches()) {
            notFound.answer(ctx);
            return;
        }
        Credentials credentials = Authentication.credentials(ctx);
        // Only the v2.1 mount is microversioned: the legacy v2 API is 2.1, and the agents' interface has none.
        Microversion version = mount == Mount.V21 ? microversions.negotiate(ctx) : Microversions.MIN;
        if (!endpoint.versions().contains(version)) {
            throw ApiException.resourceNotFound();
        }
        if (urlProject.isPresent() && !urlProject.get().equals(credentials.projectId())) {
            throw ApiException.badRequest("Malformed request URL: URL's project_id '" + urlProject.get()
                    + "' doesn't match Context's project_id '" + credentials.projectId() + "'");
        }
        ApiRequest request = new ApiRequest(ctx, mount, version, credentials, urlProject, linkPrefix, validator, policy);
        responder.respond(ctx, endpoint.action().handle(request));
    }
}
