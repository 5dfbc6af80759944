package io.hyperstatus.server.api.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of a dashboard session: an HMAC of a fixed text keyed by the session's own token. Only who holds
 * the token can compute it, and every API server computes the same one without sharing any state or secret; a page
 * of another site can neither read it nor set the header that carries it.
 */
public final class CsrfTokens {
    public static final String HEADER = "X-CSRF-Token";
    private static final byte[] PURPOSE = "hyperstatus dashboard csrf".getBytes(StandardCharsets.US_ASCII);

    public static final String REFUSED = "The request's CSRF token is missing or does not match its session.";

    private CsrfTokens() {
    }

    public static String of(String sessionToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // The prefix keeps the key non-empty: an empty noauth2 token is a token too.
            mac.init(new SecretKeySpec(("session:" + sessionToken).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(PURPOSE));
        } catch (GeneralSecurityException e) {
            // Every Java runtime has HmacSHA256.
            throw new IllegalStateException(e);
        }
    }

    /** Whether a request of this method, made with a session's cookie, must carry the session's CSRF token. */
    public static boolean required(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** Whether {@code presented} (a header's value, maybe null) is the session's CSRF token; constant-time. */
    public static boolean matches(String sessionToken, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(of(sessionToken).getBytes(StandardCharsets.US_ASCII),
                presented.strip().getBytes(StandardCharsets.UTF_8));
    }
}
