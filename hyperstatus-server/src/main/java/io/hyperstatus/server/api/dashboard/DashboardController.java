package io.hyperstatus.server.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.api.Json;
import io.hyperstatus.server.api.auth.AuthenticationUnavailableException;
import io.hyperstatus.server.api.auth.Authenticator;
import io.hyperstatus.server.api.auth.Credentials;
import io.hyperstatus.server.api.error.ApiException;
import io.hyperstatus.server.api.policy.Policy;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The dashboard's session: signing in ({@code POST /dashboard/session}), who is signed in and what the policy lets
 * them do ({@code GET}), signing out ({@code DELETE}), and which sign-in form to show
 * ({@code GET /dashboard/config.json}). Everything else the pages show comes from the public APIs, called with the
 * session's cookie (see docs/dashboard.md).
 */
public final class DashboardController {
    public static final String SESSION_PATH = "/dashboard/session";
    public static final String CONFIG_PATH = "/dashboard/config.json";
    /** A sign-in form is a few short strings. */
    static final int MAX_FORM_BYTES = 4096;

    private final SignIn signIn;
    private final Authenticator authenticator;
    private final Policy policy;
    private final DashboardSessions sessions;
    private final Duration serviceDownTime;

    public DashboardController(SignIn signIn, Authenticator authenticator, Policy policy, DashboardSessions sessions,
                               Duration serviceDownTime) {
        this.serviceDownTime = Objects.requireNonNull(serviceDownTime, "serviceDownTime");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    public void config(Context ctx) {
        noStore(ctx);
        ctx.status(200).contentType("application/json").result(Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("auth_strategy", signIn.strategy());
            // For the ages the pages count: past it, an up service's last heartbeat is only known to be recent.
            json.writeNumberField("service_down_time", serviceDownTime.toSeconds());
            json.writeEndObject();
        }));
    }

    public void signIn(Context ctx) {
        noStore(ctx);
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_FORM_BYTES) {
            throw new ApiException(413, "Request is too large.");
        }
        JsonNode form;
        try {
            form = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("Malformed request body");
        }
        if (form == null || !form.isObject()) {
            throw ApiException.badRequest("Malformed request body");
        }
        Optional<SignIn.IssuedToken> issued = unlessUnavailable(() -> signIn.signIn(form));
        SignIn.IssuedToken token = issued.orElseThrow(ApiException::unauthorized);
        SessionCookie session = sessions.open(token.token(), token.expiresAt());
        Credentials credentials = credentialsOf(session).orElseThrow(ApiException::unauthorized);
        sessions.setCookies(session).forEach(cookie -> ctx.res().addHeader("Set-Cookie", cookie));
        answer(ctx, 201, session, credentials);
    }

    public void show(Context ctx) {
        noStore(ctx);
        SessionCookie session = sessions.of(ctx::header).orElseThrow(ApiException::unauthorized);
        Credentials credentials = credentialsOf(session).orElseThrow(ApiException::unauthorized);
        answer(ctx, 200, session, credentials);
    }

    /** Ends the browser's session; with a session cookie, only with its CSRF token (a page elsewhere cannot). */
    public void signOut(Context ctx) {
        noStore(ctx);
        Optional<SessionCookie> session = sessions.of(ctx::header);
        if (session.isPresent() && !CsrfTokens.matches(session.get().token(), ctx.header(CsrfTokens.HEADER))) {
            throw new ApiException(403, CsrfTokens.REFUSED);
        }
        session.ifPresent(open -> signIn.signOut(open.token()));
        sessions.clearCookies().forEach(cookie -> ctx.res().addHeader("Set-Cookie", cookie));
        ctx.status(204);
    }

    private Optional<Credentials> credentialsOf(SessionCookie session) {
        Optional<Credentials> credentials = unlessUnavailable(
                () -> authenticator.authenticate(DashboardSessions.withToken(name -> null, session)));
        // The agents' credentials are refused by every compute API call: no session for them either.
        return credentials.filter(found -> !found.isComputeAgent());
    }

    private void answer(Context ctx, int status, SessionCookie session, Credentials credentials) {
        ctx.status(status).contentType("application/json").result(Json.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("session");
            json.writeStringField("user_id", credentials.userId());
            json.writeStringField("project_id", credentials.projectId());
            json.writeArrayFieldStart("roles");
            for (String role : new TreeSet<>(credentials.roles())) {
                json.writeString(role);
            }
            json.writeEndArray();
            json.writeStringField("expires_at", DateTimeFormatter.ISO_INSTANT.format(
                    session.expiresAt().truncatedTo(ChronoUnit.SECONDS)));
            json.writeStringField("csrf_token", CsrfTokens.of(session.token()));
            json.writeObjectFieldStart("allowed");
            for (PolicyRule rule : PolicyRule.values()) {
                json.writeBooleanField(rule.ruleName(), policy.allows(credentials, rule));
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }));
    }

    private static <T> T unlessUnavailable(Supplier<T> call) {
        try {
            return call.get();
        } catch (AuthenticationUnavailableException e) {
            throw new ApiException(503, e.getMessage());
        }
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
