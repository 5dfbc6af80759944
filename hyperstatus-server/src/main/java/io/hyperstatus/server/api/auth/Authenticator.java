package io.hyperstatus.server.api.auth;

import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a request's headers into credentials, or refuses it with a 401. The strategy is chosen by
 * {@code [api] auth_strategy}: {@link NoAuth2Authenticator} or {@link KeystoneAuthenticator}.
 */
public interface Authenticator {
    /**
     * Returns the caller's credentials, or empty when the request must be answered with 401.
     *
     * @throws AuthenticationUnavailableException when the token cannot be checked now (answered with 503)
     */
    Optional<Credentials> authenticate(Function<String, String> header);

    /** The value of the {@code WWW-Authenticate} header of a 401, if the strategy has one. */
    default Optional<String> challenge() {
        return Optional.empty();
    }
}
