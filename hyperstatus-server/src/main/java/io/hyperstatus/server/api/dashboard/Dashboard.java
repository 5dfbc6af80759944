package io.hyperstatus.server.api.dashboard;

import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.server.api.auth.Authenticator;
import io.hyperstatus.server.api.policy.Policy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The web dashboard the API server serves under {@code /dashboard/}: the pages, scripts and styles from the jar,
 * each sent with a strict Content-Security-Policy, and the session routes of {@link DashboardController}.
 * Nothing of it is under an API mount: Nova's routes and version documents do not change.
 */
public final class Dashboard {
    public static final String PATH = "/dashboard";
    /**
     * Scripts, styles and data only from this server, none inline; no framing, no plugins, no form posted
     * elsewhere, no base URL changed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            // A new version of the server must not be met by last version's scripts.
            "Cache-Control", "no-cache");

    private final DashboardSessions sessions;
    private final Optional<DashboardController> controller;

    private Dashboard(DashboardSessions sessions, Optional<DashboardController> controller) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.controller = Objects.requireNonNull(controller, "controller");
    }

    public static Dashboard enabled(DashboardSessions sessions, DashboardController controller) {
        return new Dashboard(sessions, Optional.of(controller));
    }

    /** The dashboard {@code [dashboard]} asks for, signing in by the server's own auth strategy. */
    public static Dashboard of(HyperstatusConfig config, Authenticator authenticator, Policy policy) {
        if (!config.dashboard().enabled()) {
            return disabled();
        }
        DashboardSessions sessions = new DashboardSessions(true, config.dashboard().sessionLifetime(),
                config.ssl().isPresent(), Clock.systemUTC());
        SignIn signIn = config.authStrategy() == HyperstatusConfig.AuthStrategy.KEYSTONE
                ? new KeystoneSignIn(config.keystone().orElseThrow())
                : new NoAuth2SignIn();
        return enabled(sessions, new DashboardController(signIn, authenticator, policy, sessions,
                config.serviceDownTime()));
    }

    /** No pages, and no cookie stands for a token. */
    public static Dashboard disabled() {
        return new Dashboard(DashboardSessions.disabled(), Optional.empty());
    }

    public DashboardSessions sessions() {
        return sessions;
    }

    /** Installs the pages and the session routes (nothing when disabled). */
    public void install(JavalinConfig cfg) {
        if (controller.isEmpty()) {
            return;
        }
        DashboardController routes = controller.get();
        cfg.staticFiles.add(files -> {
            files.hostedPath = PATH;
            files.directory = "/dashboard";
            files.location = Location.CLASSPATH;
            files.headers = PAGE_HEADERS;
        });
        cfg.routes.get(PATH, ctx -> ctx.redirect(PATH + "/"));
        cfg.routes.get(DashboardController.CONFIG_PATH, routes::config);
        cfg.routes.get(DashboardController.SESSION_PATH, routes::show);
        cfg.routes.post(DashboardController.SESSION_PATH, routes::signIn);
        cfg.routes.delete(DashboardController.SESSION_PATH, routes::signOut);
    }
}
