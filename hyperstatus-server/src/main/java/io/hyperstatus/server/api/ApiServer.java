package io.hyperstatus.server.api;

import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.server.agent.AgentController;
import io.hyperstatus.server.api.aggregates.AggregatesController;
import io.hyperstatus.server.api.auth.Authenticator;
import io.hyperstatus.server.api.board.BoardController;
import io.hyperstatus.server.api.events.EventStreams;
import io.hyperstatus.server.api.events.EventsController;
import io.hyperstatus.server.api.availabilityzones.AvailabilityZonesController;
import io.hyperstatus.server.api.dashboard.Dashboard;
import io.hyperstatus.server.api.extensions.ExtensionsController;
import io.hyperstatus.server.api.health.HealthCheck;
import io.hyperstatus.server.api.hosts.HostsController;
import io.hyperstatus.server.api.hypervisors.HypervisorsController;
import io.hyperstatus.server.api.microversion.MicroversionNegotiator;
import io.hyperstatus.server.api.policy.Policy;
import io.hyperstatus.server.api.services.ServicesController;
import io.hyperstatus.server.jetty.JettySetup;
import io.hyperstatus.server.jetty.ServletConnections;
import io.hyperstatus.server.jetty.TlsConnector;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP side of the API server: starts and stops it, and installs each resource's routes behind the
 * {@link RequestPipeline}, with the {@link FaultMapper} for whatever goes wrong.
 */
public final class ApiServer implements AutoCloseable {
    private final HyperstatusConfig config;
    private final VersionDocuments versions;
    private final RequestPipeline pipeline;
    private final FaultMapper faults;
    private final RequestLog requestLog;
    private final List<Endpoint> computeEndpoints;
    private final List<Endpoint> agentEndpoints;
    private final List<Endpoint> hyperstatusEndpoints;
    private final EventStreams eventStreams;
    private final JettySetup jetty;
    private final HealthCheck health;
    private final Optional<TlsConnector> tls;
    private final Dashboard dashboard;
    private Javalin javalin;

    public ApiServer(HyperstatusConfig config, Authenticator authenticator, Policy policy,
                     HypervisorsController hypervisors, ServicesController services,
                     AggregatesController aggregates, AvailabilityZonesController availabilityZones,
                     HostsController hosts, ExtensionsController extensions, AgentController agent,
                     EventsController events, BoardController board, EventStreams eventStreams, HealthCheck health,
                     RequestObserver requests, Dashboard dashboard) {
        this.config = config;
        this.dashboard = dashboard;
        this.health = health;
        MicroversionHeaders microversions = new MicroversionHeaders(new MicroversionNegotiator());
        StreamingResponder responder = new StreamingResponder(new ServletConnections());
        this.versions = new VersionDocuments(config.computeLinkPrefix(), microversions);
        NotFoundPages notFound = new NotFoundPages(versions);
        Authentication authentication = new Authentication(authenticator, dashboard.sessions());
        this.pipeline = new RequestPipeline(config.maxRequestBodySize(), config.computeLinkPrefix(),
                authentication, microversions, policy, notFound, responder);
        // An event stream lasts as long as its client keeps it: it takes no turn among the concurrent requests.
        this.jetty = new JettySetup(config.http(), config.maxRequestBodySize(), authentication::admitsBody,
                List.of(Mount.HYPERSTATUS.prefix() + EventsController.STREAM_PATH));
        this.faults = new FaultMapper(notFound);
        this.requestLog = new RequestLog(responder, requests);
        List<Endpoint> compute = new ArrayList<>();
        // Each resource contributes its own routes, in this order.
        for (Resource resource : List.<Resource>of(hypervisors, services, aggregates, availabilityZones, hosts,
                extensions)) {
            compute.addAll(resource.routes());
        }
        compute.add(versions.byId());
        this.computeEndpoints = List.copyOf(compute);
        this.agentEndpoints = agent.routes();
        List<Endpoint> hyperstatus = new ArrayList<>(events.routes());
        hyperstatus.addAll(board.routes());
        this.hyperstatusEndpoints = List.copyOf(hyperstatus);
        this.eventStreams = eventStreams;
        // Read the certificate and key now: a wrong file stops start-up, naming its option.
        this.tls = config.ssl().map(TlsConnector::new);
    }

    /** Starts listening; returns the bound port (useful when the configured port is 0). */
    public int start() {
        javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.router.ignoreTrailingSlashes = false;
            cfg.router.treatMultipleSlashesAsSingleSlash = false;
            cfg.http.maxRequestSize = config.maxRequestBodySize();
            // With [ssl], HTTPS only: the one connector is then a TLS one.
            jetty.configure(cfg, config.listenAddress(), config.listenPort(), tls);
            cfg.requestLogger.http(requestLog::log);
            cfg.routes.before(pipeline::beforeRouting);
            if (tls.map(TlsConnector::asksForClientCertificates).orElse(false)) {
                cfg.routes.before(Mount.AGENT.prefix() + "/*", ClientCertificates::require);
            }
            versions.installRoots(cfg.routes);
            // Outside every mount, so unauthenticated; it reads the database monitor's verdict, never the pool.
            cfg.routes.get(HealthCheck.PATH, health::answer);
            cfg.routes.head(HealthCheck.PATH, health::answer);
            installRoutes(cfg.routes);
            dashboard.install(cfg);
            faults.install(cfg.routes);
        });
        javalin.start();
        return javalin.port();
    }

    private void installRoutes(RoutesConfig routes) {
        for (Mount mount : List.of(Mount.V21, Mount.LEGACY_V2)) {
            // Routes without a project id first: "/v2.1/os-hypervisors/x" must not read as a project id.
            for (Endpoint endpoint : computeEndpoints) {
                install(routes, mount.prefix() + endpoint.path(), endpoint, mount, false);
            }
            for (Endpoint endpoint : computeEndpoints) {
                install(routes, mount.prefix() + "/{project_id}" + endpoint.path(), endpoint, mount, true);
            }
        }
        // The version document again, behind authentication, under a project id.
        install(routes, Mount.V21.prefix() + "/{project_id}/", versions.projectRoot(), Mount.V21, true);
        for (Endpoint endpoint : agentEndpoints) {
            install(routes, Mount.AGENT.prefix() + endpoint.path(), endpoint, Mount.AGENT, false);
        }
        for (Endpoint endpoint : hyperstatusEndpoints) {
            install(routes, Mount.HYPERSTATUS.prefix() + endpoint.path(), endpoint, Mount.HYPERSTATUS, false);
        }
    }

    private void install(RoutesConfig routes, String path, Endpoint endpoint, Mount mount, boolean withProject) {
        routes.addHttpHandler(endpoint.method(), path, ctx -> {
            try {
                pipeline.dispatch(ctx, endpoint, mount, withProject);
            } catch (Error e) {
                // Javalin's exception handlers take exceptions only; an error gets Nova's 500 all the same.
                faults.answer(e, ctx);
            }
        });
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        // Streams first, each ended cleanly, while the server still writes: then Jetty stops.
        eventStreams.close();
        if (javalin != null) {
            javalin.stop();
        }
    }
}
