package io.hyperstatus.server.api;

import io.hyperstatus.server.api.auth.AuthenticationUnavailableException;
import io.hyperstatus.server.api.auth.Authenticator;
import io.hyperstatus.server.api.auth.Credentials;
import io.hyperstatus.server.api.dashboard.CsrfTokens;
import io.hyperstatus.server.api.dashboard.DashboardSessions;
import io.hyperstatus.server.api.dashboard.SessionCookie;
import io.hyperstatus.server.api.error.ApiException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication step, taken before a request is routed, as keystonemiddleware does in front of Nova's router:
 * without a token, an unknown path, a wrong method or a non-hex project id under a mount gets the 401 too. The
 * mounts' own roots ({@code /v2.1}, {@code /v2/}...) are the version documents, which need no token. A request
 * without a token header may stand on a dashboard session's cookie instead; then any request that may change
 * something must carry the session's CSRF token, or gets a 403 before its token is even checked.
 */
final class Authentication {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.api");
    private static final String CREDENTIALS = "hyperstatus.credentials";
    private static final String UNAUTHORIZED_BODY = "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
            + "\"message\": \"" + ApiException.AUTHENTICATION_REQUIRED + "\"}}";

    private final Authenticator authenticator;
    private final DashboardSessions sessions;

    Authentication(Authenticator authenticator, DashboardSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    /**
     * Returns false when the 401 (or, with the identity service unavailable, the 503) has been written; otherwise
     * the caller's credentials, if the path needed any, are kept for {@link #credentials}.
     */
    boolean authenticate(Context ctx) {
        String path = ctx.path();
        if (!needsToken(path)) {
            return true;
        }
        Optional<SessionCookie> session = sessions.of(ctx::header);
        if (session.isPresent() && CsrfTokens.required(ctx.method().name())
                && !CsrfTokens.matches(session.get().token(), ctx.header(CsrfTokens.HEADER))) {
            Answers.fault(ctx, 403, CsrfTokens.REFUSED);
            return false;
        }
        Optional<Credentials> credentials;
        try {
            credentials = authenticator.authenticate(tokenHeaders(ctx::header, session));
        } catch (AuthenticationUnavailableException e) {
            LOG.warn("Cannot authenticate {} {} [{}]: {}", ctx.method(), path, Answers.requestId(ctx),
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            Answers.fault(ctx, 503, e.getMessage());
            return false;
        }
        if (credentials.isEmpty()) {
            authenticator.challenge().ifPresent(uri -> ctx.header("WWW-Authenticate", uri));
            ctx.status(401).contentType("application/json").result(UNAUTHORIZED_BODY);
            Answers.markErrorWritten(ctx);
            return false;
        }
        ctx.attribute(CREDENTIALS, credentials.get());
        return true;
    }

    /**
     * Whether a request's body is worth receiving: the path needs no token, or the headers carry a valid one. The
     * request itself is answered later, by {@link #authenticate}, from the same headers.
     */
    boolean admitsBody(String path, UnaryOperator<String> header) {
        if (!needsToken(path)) {
            return true;
        }
        try {
            return authenticator.authenticate(tokenHeaders(header, sessions.of(header))).isPresent();
        } catch (AuthenticationUnavailableException e) {
            return false;
        }
    }

    private static Function<String, String> tokenHeaders(Function<String, String> header,
                                                         Optional<SessionCookie> session) {
        return session.map(open -> DashboardSessions.withToken(header, open)).orElse(header);
    }

    private static boolean needsToken(String path) {
        return Arrays.stream(Mount.values())
                .anyMatch(mount -> path.startsWith(mount.prefix() + "/") && path.length() > mount.prefix().length() + 1);
    }

    /** The credentials {@link #authenticate} found for a request under a mount. */
    static Credentials credentials(Context ctx) {
        return ctx.attribute(CREDENTIALS);
    }
}
