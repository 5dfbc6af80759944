package io.hyperstatus.server.api.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Dashboard sessions: the cookies that open and close one, and the session a request's cookie holds. A request
 * with its own {@code X-Auth-Token} is never read as a session's: the header wins, as it does for every client.
 */
public final class DashboardSessions {
    public static final String TOKEN_HEADER = "X-Auth-Token";
    /** Readable by the pages' scripts, which send it back as {@link CsrfTokens#HEADER}. */
    public static final String CSRF_COOKIE = "hyperstatus_csrf";

    private final boolean enabled;
    private final Duration lifetime;
    private final boolean secure;
    private final Clock clock;

    /** {@code secure}: the server speaks only TLS, so the cookies are sent over TLS only. */
    public DashboardSessions(boolean enabled, Duration lifetime, boolean secure, Clock clock) {
        this.enabled = enabled;
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.secure = secure;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sessions that are never open: the dashboard is off. */
    public static DashboardSessions disabled() {
        return new DashboardSessions(false, Duration.ofSeconds(1), false, Clock.systemUTC());
    }

    public boolean enabled() {
        return enabled;
    }

    /** The session of a request without a token header of its own, from its {@code Cookie} headers. */
    public Optional<SessionCookie> of(Function<String, String> header) {
        if (!enabled || header.apply(TOKEN_HEADER) != null) {
            return Optional.empty();
        }
        String cookies = header.apply("Cookie");
        return cookies == null ? Optional.empty()
                : cookieValue(cookies, SessionCookie.NAME).flatMap(value -> SessionCookie.read(value, clock.instant()));
    }

    /** A request's headers, with the session's token as its {@code X-Auth-Token}. */
    public static Function<String, String> withToken(Function<String, String> header, SessionCookie session) {
        return name -> TOKEN_HEADER.equalsIgnoreCase(name) ? session.token() : header.apply(name);
    }

    /** The session a sign-in opens: it ends after the lifetime, or with the token if that ends first. */
    public SessionCookie open(String token, Optional<Instant> tokenExpiresAt) {
        Instant end = clock.instant().plus(lifetime);
        if (tokenExpiresAt.isPresent() && tokenExpiresAt.get().isBefore(end)) {
            end = tokenExpiresAt.get();
        }
        return new SessionCookie(token, end);
    }

    /** The {@code Set-Cookie} values that store a session in the browser. */
    public List<String> setCookies(SessionCookie session) {
        long maxAge = Math.max(0, session.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        return List.of(cookie(SessionCookie.NAME, session.value(), maxAge, true),
                cookie(CSRF_COOKIE, CsrfTokens.of(session.token()), maxAge, false));
    }

    /** The {@code Set-Cookie} values that end a session in the browser. */
    public List<String> clearCookies() {
        return List.of(cookie(SessionCookie.NAME, "", 0, true), cookie(CSRF_COOKIE, "", 0, false));
    }

    private String cookie(String name, String value, long maxAge, boolean httpOnly) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; SameSite=Strict"
                + (httpOnly ? "; HttpOnly" : "") + (secure ? "; Secure" : "");
    }

    /** The value of the first cookie of that name in a {@code Cookie} header ("a=1; b=2"). */
    static Optional<String> cookieValue(String cookies, String name) {
        int start = 0;
        while (start <= cookies.length()) {
            int end = cookies.indexOf(';', start);
            String pair = cookies.substring(start, end < 0 ? cookies.length() : end);
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                return Optional.of(pair.substring(equals + 1).strip());
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return Optional.empty();
    }
}
