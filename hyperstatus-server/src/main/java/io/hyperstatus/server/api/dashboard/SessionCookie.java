package io.hyperstatus.server.api.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dashboard session's cookie holds: the token it stands for and when the session ends. The server keeps
 * no session state, so that any API server behind a load balancer answers a session another one opened; the cookie
 * is HttpOnly, so page scripts never see the token. Its end is the server's to enforce: a cookie past it is no
 * session (a client that rewrites it gains nothing, since it already holds the token).
 */
public record SessionCookie(String token, Instant expiresAt) {
    public static final String NAME = "hyperstatus_session";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far above any token Keystone issues, and below what a browser keeps in one cookie. */
    static final int MAX_VALUE_LENGTH = 3072;

    public SessionCookie {
        Objects.requireNonNull(token, "token");
        // The cookie keeps whole seconds: so does the session, so that it reads back as it was opened.
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.SECONDS);
    }

    /** The cookie's value: base64url of "end-in-epoch-seconds:token", so that any token is a valid cookie value. */
    public String value() {
        return ENCODER.encodeToString((expiresAt.getEpochSecond() + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    /** The session a cookie value holds, if it is one and has not ended at {@code now}. */
    public static Optional<SessionCookie> read(String value, Instant now) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(DECODER.decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon > 19) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = Long.parseLong(decoded.substring(0, colon));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (seconds < 0 || seconds > Instant.MAX.getEpochSecond() || !now.isBefore(Instant.ofEpochSecond(seconds))) {
            return Optional.empty();
        }
        return Optional.of(new SessionCookie(decoded.substring(colon + 1), Instant.ofEpochSecond(seconds)));
    }
}
