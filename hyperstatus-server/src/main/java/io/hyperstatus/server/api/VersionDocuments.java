package io.hyperstatus.server.api;

import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.hyperstatus.server.api.versions.VersionsController;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;

/**
 * Where the version documents are answered: the open roots ({@code /}, {@code /v2.1}, {@code /v2}) and, behind
 * authentication, {@code /v2.1/versions/{id}} and {@code /v2.1/{project_id}/}; also the 300 list of choices.
 */
final class VersionDocuments {
    private final VersionsController documents = new VersionsController();
    private final Optional<String> linkPrefix;
    private final MicroversionHeaders microversions;

    VersionDocuments(Optional<String> linkPrefix, MicroversionHeaders microversions) {
        this.linkPrefix = linkPrefix;
        this.microversions = microversions;
    }

    /** The roots, which need no token and go through no other step. */
    void installRoots(RoutesConfig routes) {
        routes.get("/", ctx -> Answers.json(ctx, 200, documents.list(baseUrl(ctx))));
        routes.post("/", ctx -> Answers.json(ctx, 200, documents.list(baseUrl(ctx))));
        for (String path : List.of("/v2.1", "/v2.1/")) {
            routes.get(path, ctx -> {
                microversions.negotiate(ctx);
                Answers.json(ctx, 200, documents.show(baseUrl(ctx), true, true));
            });
        }
        for (String path : List.of("/v2", "/v2/")) {
            routes.get(path, ctx -> Answers.json(ctx, 200, documents.show(baseUrl(ctx), false, false)));
        }
    }

    /** {@code GET /versions/{version_id}}, a route of the compute API like any other. */
    Endpoint byId() {
        return new Endpoint(HandlerType.GET, "/versions/{version_id}", VersionRange.ALL, this::document);
    }

    /** {@code GET /}, mounted under a project id only. */
    Endpoint projectRoot() {
        return new Endpoint(HandlerType.GET, "/", VersionRange.ALL, this::document);
    }

    /** The document of v2.1 (or v2.0, when asked for by id). */
    private ApiResponse document(ApiRequest request) {
        String id = request.pathParamOrNull("version_id");
        if (id != null && !id.equals("v2.1") && !id.equals("v2.0")) {
            throw ApiException.resourceNotFound();
        }
        return ApiResponse.ok(documents.show(request.baseUrl(), !"v2.0".equals(id), true));
    }

    /** The 300 answer for a path outside both APIs: where that path would live in each. */
    void choices(Context ctx) {
        Answers.json(ctx, 300, documents.choices(baseUrl(ctx), ctx.path()));
    }

    private String baseUrl(Context ctx) {
        return linkPrefix.orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }
}
