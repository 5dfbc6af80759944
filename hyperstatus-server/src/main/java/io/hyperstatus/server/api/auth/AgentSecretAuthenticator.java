package io.hyperstatus.server.api.auth;

import java.util.Optional;
import java.util.function.Function;

/**
 * noauth2 with agents' shared secrets: a request carrying {@value #SECRET_HEADER} is the agent whose secret it is
 * (an unknown secret gets the 401, whatever else the request carries); any other request is authenticated by the
 * noauth2 authenticator behind. An agent's credentials have only the agents' role, so they are refused everywhere
 * in the compute API, and noauth2's tokens, admin's included, are bound to no host.
 */
public final class AgentSecretAuthenticator implements Authenticator {
    public static final String SECRET_HEADER = "X-Hyperstatus-Agent-Secret";

    private final AgentSecrets secrets;
    private final Authenticator others;

    public AgentSecretAuthenticator(AgentSecrets secrets, Authenticator others) {
        this.secrets = secrets;
        this.others = others;
    }

    @Override
    public Optional<Credentials> authenticate(Function<String, String> header) {
        String secret = header.apply(SECRET_HEADER);
        if (secret != null) {
            return secrets.authenticate(secret);
        }
        return others.authenticate(header);
    }

    @Override
    public Optional<String> challenge() {
        return others.challenge();
    }
}
