package io.hyperstatus.server.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.server.api.error.ApiException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** How the dashboard's sign-in form becomes a token, by {@code [api] auth_strategy}. */
public interface SignIn {
    /** A token to open a session with, and when it expires if it does. */
    record IssuedToken(String token, Optional<Instant> expiresAt) {
        public IssuedToken {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** "noauth2" or "keystone": which form the sign-in page shows. */
    String strategy();

    /**
     * The token the form's fields are worth, or empty when the identity service refuses them.
     *
     * @throws ApiException (400) when a field is missing or not a string of 1 to 255 characters
     * @throws io.hyperstatus.server.api.auth.AuthenticationUnavailableException when the identity service is out of reach
     */
    Optional<IssuedToken> signIn(JsonNode form);

    /**
     * Ends what a session's token grants, where the identity service can: with Keystone the token is revoked, so a
     * copy of the cookie is worth nothing after sign-out (once the API's token cache lets it go). A noauth2 token
     * cannot be ended; nothing happens then.
     */
    default void signOut(String token) {
    }

    /** A field of the form: a string of 1 to 255 characters, or {@code fallback} when absent and one is given. */
    static String field(JsonNode form, String name, Optional<String> fallback) {
        JsonNode value = form.get(name);
        if ((value == null || value.isNull()) && fallback.isPresent()) {
            return fallback.get();
        }
        if (value == null || !value.isTextual() || value.asText().isEmpty() || value.asText().length() > 255) {
            throw ApiException.badRequest("Invalid input for field/attribute " + name
                    + ". It must be a string of 1 to 255 characters.");
        }
        return value.asText();
    }
}
