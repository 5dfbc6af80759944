package io.hyperstatus.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.server.agent.AgentController;
import io.hyperstatus.server.api.aggregates.AggregatesController;
import io.hyperstatus.server.api.auth.AuthenticationUnavailableException;
import io.hyperstatus.server.api.auth.Authenticator;
import io.hyperstatus.server.api.availabilityzones.AvailabilityZonesController;
import io.hyperstatus.server.api.auth.Credentials;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.error.Faults;
import io.hyperstatus.server.api.extensions.ExtensionsController;
import io.hyperstatus.server.api.hosts.HostsController;
import io.hyperstatus.server.api.hypervisors.HypervisorsController;
import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.microversion.MicroversionNegotiator;
import io.hyperstatus.server.api.microversion.Microversions;
import io.hyperstatus.server.api.microversion.VersionRange;
import io.hyperstatus.server.api.policy.Policy;
import io.hyperstatus.server.api.services.ServicesController;
import io.hyperstatus.server.api.validation.SchemaValidator;
import io.hyperstatus.server.api.versions.VersionsController;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the API server: the route table, and the steps every call goes through in Nova's order
 * (authentication, microversion, route range, project check), then the action, then Nova's fault format for
 * whatever went wrong.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.api");
    private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f-]+");
    private static final String REQUEST_ID = "x-openstack-request-id";
    private static final String FAULT_WRITTEN = "hyperstatus.fault";
    private static final String CREDENTIALS = "hyperstatus.credentials";
    private static final String UNAUTHORIZED_BODY = "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
            + "\"message\": \"The request you have made requires authentication.\"}}";

    /** The deprecated os-hosts API is gone from 2.43. */
    private static final VersionRange HOSTS_VERSIONS = VersionRange.before(Microversions.HOSTS_REMOVED);

    private final HyperstatusConfig config;
    private final Authenticator authenticator;
    private final Policy policy;
    private final SchemaValidator validator = new SchemaValidator();
    private final MicroversionNegotiator negotiator = new MicroversionNegotiator();
    private final VersionsController versions = new VersionsController();
    private final List<Endpoint> computeEndpoints;
    private final List<Endpoint> agentEndpoints;
    private Javalin javalin;

    public ApiServer(HyperstatusConfig config, Authenticator authenticator, Policy policy,
                     HypervisorsController hypervisors, ServicesController services,
                     AggregatesController aggregates, AvailabilityZonesController availabilityZones,
                     HostsController hosts, ExtensionsController extensions, AgentController agent) {
        this.config = config;
        this.authenticator = authenticator;
        this.policy = policy;
        // Literal paths come before {id} so that /os-hypervisors/detail is never a show.
        this.computeEndpoints = List.of(
                new Endpoint(HandlerType.GET, "/os-hypervisors", VersionRange.ALL, hypervisors::index),
                new Endpoint(HandlerType.GET, "/os-hypervisors/detail", VersionRange.ALL, hypervisors::detail),
                new Endpoint(HandlerType.GET, "/os-hypervisors/statistics",
                        VersionRange.before(Microversions.TRIMMED_HYPERVISORS), hypervisors::statistics),
                new Endpoint(HandlerType.GET, "/os-hypervisors/{id}", VersionRange.ALL, hypervisors::show),
                new Endpoint(HandlerType.GET, "/os-hypervisors/{id}/search",
                        VersionRange.before(Microversions.UUID_IDS), hypervisors::search),
                new Endpoint(HandlerType.GET, "/os-hypervisors/{id}/servers",
                        VersionRange.before(Microversions.UUID_IDS), hypervisors::servers),
                new Endpoint(HandlerType.GET, "/os-hypervisors/{id}/uptime",
                        VersionRange.before(Microversions.TRIMMED_HYPERVISORS), hypervisors::uptime),
                new Endpoint(HandlerType.GET, "/os-services", VersionRange.ALL, services::index),
                new Endpoint(HandlerType.PUT, "/os-services/{id}", VersionRange.ALL, services::update),
                new Endpoint(HandlerType.DELETE, "/os-services/{id}", VersionRange.ALL, services::delete),
                new Endpoint(HandlerType.GET, "/os-aggregates", VersionRange.ALL, aggregates::index),
                new Endpoint(HandlerType.POST, "/os-aggregates", VersionRange.ALL, aggregates::create),
                new Endpoint(HandlerType.GET, "/os-aggregates/{id}", VersionRange.ALL, aggregates::show),
                new Endpoint(HandlerType.PUT, "/os-aggregates/{id}", VersionRange.ALL, aggregates::update),
                new Endpoint(HandlerType.DELETE, "/os-aggregates/{id}", VersionRange.ALL, aggregates::delete),
                new Endpoint(HandlerType.POST, "/os-aggregates/{id}/action", VersionRange.ALL, aggregates::action),
                new Endpoint(HandlerType.GET, "/os-availability-zone", VersionRange.ALL, availabilityZones::index),
                new Endpoint(HandlerType.GET, "/os-availability-zone/detail", VersionRange.ALL, availabilityZones::detail),
                new Endpoint(HandlerType.GET, "/os-hosts", HOSTS_VERSIONS, hosts::index),
                new Endpoint(HandlerType.GET, "/os-hosts/{id}", HOSTS_VERSIONS, hosts::show),
                new Endpoint(HandlerType.PUT, "/os-hosts/{id}", HOSTS_VERSIONS, hosts::update),
                new Endpoint(HandlerType.GET, "/os-hosts/{id}/startup", HOSTS_VERSIONS, hosts::startup),
                new Endpoint(HandlerType.GET, "/os-hosts/{id}/shutdown", HOSTS_VERSIONS, hosts::shutdown),
                new Endpoint(HandlerType.GET, "/os-hosts/{id}/reboot", HOSTS_VERSIONS, hosts::reboot),
                new Endpoint(HandlerType.GET, "/extensions", VersionRange.ALL, extensions::index),
                new Endpoint(HandlerType.GET, "/extensions/{alias}", VersionRange.ALL, extensions::show),
                new Endpoint(HandlerType.GET, "/versions/{version_id}", VersionRange.ALL, this::versionDocument));
        this.agentEndpoints = List.of(
                new Endpoint(HandlerType.POST, "/services", VersionRange.ALL, agent::registerServices),
                new Endpoint(HandlerType.POST, "/heartbeats", VersionRange.ALL, agent::heartbeat),
                new Endpoint(HandlerType.POST, "/compute-nodes", VersionRange.ALL, agent::reportComputeNodes));
    }

    /** Starts listening; returns the bound port (useful when the configured port is 0). */
    public int start() {
        javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.router.ignoreTrailingSlashes = false;
            cfg.router.treatMultipleSlashesAsSingleSlash = false;
            cfg.http.maxRequestSize = config.maxRequestBodySize();
            cfg.requestLogger.http(this::logRequest);
            cfg.routes.before(ctx -> {
                String requestId = "req-" + UUID.randomUUID();
                ctx.header(REQUEST_ID, requestId);
                ctx.header("x-compute-request-id", requestId);
                if (ctx.req().getContentLengthLong() > config.maxRequestBodySize()) {
                    // Refused from its declared length, whatever the route, before a byte of it is read.
                    fault(ctx, 413, "Request is too large.");
                    ctx.skipRemainingHandlers();
                    return;
                }
                if (!authenticate(ctx)) {
                    ctx.skipRemainingHandlers();
                    return;
                }
                if (ctx.method() == HandlerType.HEAD) {
                    // Nova routes no HEAD requests; do not let GET routes answer them implicitly.
                    routeNotFound(ctx);
                    ctx.skipRemainingHandlers();
                }
            });
            registerVersionDocuments(cfg.routes);
            for (Mount mount : List.of(Mount.V21, Mount.LEGACY_V2)) {
                // Routes without a project id first: "/v2.1/os-hypervisors/x" must not read as a project id.
                for (Endpoint endpoint : computeEndpoints) {
                    cfg.routes.addHttpHandler(endpoint.method(), mount.prefix() + endpoint.path(),
                            ctx -> dispatch(ctx, endpoint, mount, false));
                }
                for (Endpoint endpoint : computeEndpoints) {
                    cfg.routes.addHttpHandler(endpoint.method(), mount.prefix() + "/{project_id}" + endpoint.path(),
                            ctx -> dispatch(ctx, endpoint, mount, true));
                }
            }
            // The version document again, behind authentication: under a project id and at /versions/{id}.
            Endpoint projectRoot = new Endpoint(HandlerType.GET, "/", VersionRange.ALL, this::versionDocument);
            cfg.routes.addHttpHandler(HandlerType.GET, Mount.V21.prefix() + "/{project_id}/",
                    ctx -> dispatch(ctx, projectRoot, Mount.V21, true));
            for (Endpoint endpoint : agentEndpoints) {
                cfg.routes.addHttpHandler(endpoint.method(), Mount.AGENT.prefix() + endpoint.path(),
                        ctx -> dispatch(ctx, endpoint, Mount.AGENT, false));
            }
            cfg.routes.exception(ApiException.class, (e, ctx) -> fault(ctx, e.status(), e.getMessage()));
            // The application layer's refusals: status by kind, message as worded (see ApplicationFaults).
            cfg.routes.exception(io.hyperstatus.core.ApplicationException.class,
                    (e, ctx) -> fault(ctx, io.hyperstatus.server.api.error.ApplicationFaults.status(e), e.getMessage()));
            cfg.routes.exception(MicroversionNegotiator.NotAcceptable.class, (e, ctx) -> {
                versionHeaders(ctx, e.requested());
                fault(ctx, 406, e.getMessage());
            });
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 404) {
                    routeNotFound(ctx);
                } else if (e.getStatus() == 413) {
                    fault(ctx, 413, "Request is too large.");
                } else {
                    fault(ctx, e.getStatus(), e.getMessage());
                }
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unexpected error in {} {} [{}]", ctx.method(), ctx.path(), ctx.res().getHeader(REQUEST_ID), e);
                fault(ctx, 500, "Unexpected API Error. Please contact the administrator\n<class '"
                        + e.getClass().getSimpleName() + "'>");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.attribute(FAULT_WRITTEN) == null) {
                    routeNotFound(ctx);
                }
            });
        });
        javalin.start(config.listenAddress(), config.listenPort());
        return javalin.port();
    }

    private void registerVersionDocuments(io.javalin.config.RoutesConfig routes) {
        routes.get("/", ctx -> json(ctx, 200, versions.list(baseUrl(ctx))));
        routes.post("/", ctx -> json(ctx, 200, versions.list(baseUrl(ctx))));
        for (String path : List.of("/v2.1", "/v2.1/")) {
            routes.get(path, ctx -> {
                Microversion version = negotiate(ctx);
                versionHeaders(ctx, version.toString());
                json(ctx, 200, versions.show(baseUrl(ctx), true, true));
            });
        }
        for (String path : List.of("/v2", "/v2/")) {
            routes.get(path, ctx -> json(ctx, 200, versions.show(baseUrl(ctx), false, false)));
        }
    }

    /** {@code GET /v2.1/versions/{id}} and {@code /v2.1/{project_id}/}: the document of v2.1 (or v2.0). */
    private ApiResponse versionDocument(ApiRequest request) {
        String id = request.pathParamOrNull("version_id");
        if (id != null && !id.equals("v2.1") && !id.equals("v2.0")) {
            throw ApiException.resourceNotFound();
        }
        return ApiResponse.ok(versions.show(request.baseUrl(), !"v2.0".equals(id), true));
    }

    private void dispatch(Context ctx, Endpoint endpoint, Mount mount, boolean withProject) throws IOException {
        Optional<String> urlProject = withProject ? Optional.of(ctx.pathParam("project_id")) : Optional.empty();
        if (urlProject.isPresent() && !PROJECT_ID.matcher(urlProject.get()).matches()) {
            routeNotFound(ctx);
            return;
        }
        Credentials credentials = ctx.attribute(CREDENTIALS);
        Microversion version = Microversions.MIN;
        if (mount == Mount.V21) {
            version = negotiate(ctx);
            versionHeaders(ctx, version.toString());
        }
        if (!endpoint.versions().contains(version)) {
            throw ApiException.resourceNotFound();
        }
        if (urlProject.isPresent() && !urlProject.get().equals(credentials.projectId())) {
            throw ApiException.badRequest("Malformed request URL: URL's project_id '" + urlProject.get()
                    + "' doesn't match Context's project_id '" + credentials.projectId() + "'");
        }
        ApiRequest request = new ApiRequest(ctx, mount, version, credentials, urlProject,
                config.computeLinkPrefix(), validator, policy);
        ApiResponse response = endpoint.action().handle(request);
        ctx.status(response.status()).contentType("application/json");
        if (response.isStreamed()) {
            stream(ctx, response.streamedBody());
        } else {
            ctx.result(response.body());
        }
    }

    /**
     * Writes a body while it is produced. A failure before anything was sent still becomes a fault; once bytes have
     * gone the status cannot change, so the connection is aborted and the client sees a broken response, never one
     * that looks complete.
     */
    private static void stream(Context ctx, Json.Writer writer) throws IOException {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(ctx.outputStream())
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            writer.write(json);
            json.flush();
        } catch (IOException | RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().resetBuffer();
                throw e;
            }
            LOG.error("Response of {} {} [{}] failed after it started; connection aborted", ctx.method(), ctx.path(),
                    ctx.res().getHeader(REQUEST_ID), e);
            ctx.attribute(FAULT_WRITTEN, true);
            ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
        }
    }

    /**
     * Authenticates a request under one of the mounts, before it is routed, as keystonemiddleware does in front of
     * Nova's router: without a token, an unknown path, a wrong method or a non-hex project id gets the 401 too. The
     * mounts' own roots ({@code /v2.1}, {@code /v2/}...) are the version documents, which need no token. Returns
     * false when the 401 (or, with the identity service unavailable, the 503) has been written; otherwise the credentials are kept for {@link #dispatch}.
     */
    private boolean authenticate(Context ctx) {
        String path = ctx.path();
        boolean underMount = Arrays.stream(Mount.values())
                .anyMatch(mount -> path.startsWith(mount.prefix() + "/") && path.length() > mount.prefix().length() + 1);
        if (!underMount) {
            return true;
        }
        Optional<Credentials> credentials;
        try {
            credentials = authenticator.authenticate(ctx::header);
        } catch (AuthenticationUnavailableException e) {
            LOG.warn("Cannot authenticate {} {} [{}]: {}", ctx.method(), path, ctx.res().getHeader(REQUEST_ID),
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            fault(ctx, 503, e.getMessage());
            return false;
        }
        if (credentials.isEmpty()) {
            authenticator.challenge().ifPresent(uri -> ctx.header("WWW-Authenticate", uri));
            ctx.status(401).contentType("application/json").result(UNAUTHORIZED_BODY);
            ctx.attribute(FAULT_WRITTEN, true);
            return false;
        }
        ctx.attribute(CREDENTIALS, credentials.get());
        return true;
    }

    private Microversion negotiate(Context ctx) {
        return negotiator.negotiate(headerValues(ctx, MicroversionNegotiator.HEADER),
                headerValues(ctx, MicroversionNegotiator.LEGACY_HEADER));
    }

    private static List<String> headerValues(Context ctx, String name) {
        return new ArrayList<>(Collections.list(ctx.req().getHeaders(name)));
    }

    private static void versionHeaders(Context ctx, String version) {
        ctx.header(MicroversionNegotiator.HEADER, "compute " + version);
        ctx.header(MicroversionNegotiator.LEGACY_HEADER, version);
        ctx.res().addHeader("Vary", MicroversionNegotiator.HEADER);
        ctx.res().addHeader("Vary", MicroversionNegotiator.LEGACY_HEADER);
    }

    private static void fault(Context ctx, int status, String message) {
        ctx.attribute(FAULT_WRITTEN, true);
        // Jetty spells this "application/json;charset=utf-8": the same media type and charset as Nova's.
        ctx.status(status).contentType(Faults.CONTENT_TYPE).result(Faults.body(status, message));
    }

    /**
     * What a path that no route takes gets: under an API mount, a plain 404 page (not a JSON fault, as in Nova);
     * elsewhere, the 300 list of where the path would live in each API version.
     */
    private void routeNotFound(Context ctx) {
        ctx.attribute(FAULT_WRITTEN, true);
        String path = ctx.path();
        boolean underMount = path.equals("/v2") || path.startsWith("/v2/") || path.startsWith("/v2.1")
                || path.startsWith(Mount.AGENT.prefix());
        if (!underMount && ctx.method() == HandlerType.GET) {
            json(ctx, 300, versions.choices(baseUrl(ctx), path));
            return;
        }
        ctx.status(404);
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        if (accept.contains("application/json")) {
            ctx.contentType("application/json").result("{\"message\": \"The resource could not be found.<br /><br />\\n\\n\\n\","
                    + " \"code\": \"404 Not Found\", \"title\": \"Not Found\"}");
        } else if (accept.isEmpty() || accept.contains("text/plain")) {
            ctx.contentType("text/plain; charset=UTF-8").result("404 Not Found\n\nThe resource could not be found.\n\n   ");
        } else {
            ctx.contentType("text/html; charset=UTF-8").result("<html>\n <head>\n  <title>404 Not Found</title>\n"
                    + " </head>\n <body>\n  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n"
                    + " </body>\n</html>");
        }
    }

    private static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType("application/json").result(body);
    }

    private String baseUrl(Context ctx) {
        return config.computeLinkPrefix().orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }

    private void logRequest(Context ctx, Float millis) {
        LOG.info("{} {} {} status: {} len: {} time: {} ms", ctx.res().getHeader(REQUEST_ID), ctx.method(),
                ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), ctx.statusCode(),
                bodyLength(ctx), String.format("%.1f", millis));
    }

    /**
     * The body's length: what was written to the response, counting bytes still in its buffer. Nothing is flushed
     * here: a response committed early could no longer tell the client that the connection will close.
     */
    private static long bodyLength(Context ctx) {
        return ServletContextRequest.getServletContextRequest(ctx.req()).getServletContextResponse().getHttpOutput()
                .getWritten();
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        if (javalin != null) {
            javalin.stop();
        }
    }
}
