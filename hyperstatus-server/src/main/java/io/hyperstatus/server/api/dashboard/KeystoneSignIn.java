package io.hyperstatus.server.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.client.keystone.KeystoneSession;
import io.hyperstatus.client.keystone.KeystoneUnavailableException;
import io.hyperstatus.config.KeystoneOptions;
import io.hyperstatus.server.api.auth.AuthenticationUnavailableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With Keystone the form's user name, password, project and domain are exchanged for a project-scoped token by
 * password ({@code POST /v3/auth/tokens}), as Horizon signs its users in. The password goes no further.
 */
public final class KeystoneSignIn implements SignIn {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneSignIn.class);
    private static final String DEFAULT_DOMAIN = "Default";
    private static final String UNAVAILABLE = "The authentication service is unavailable. Please try again later.";

    private final KeystoneOptions options;
    private final HttpClient http;
    private final URI tokensUri;

    public KeystoneSignIn(KeystoneOptions options) {
        this.options = options;
        this.http = KeystoneSession.httpClient(options);
        this.tokensUri = URI.create(KeystoneSession.identityUrl(options.authUrl()) + "/auth/tokens");
    }

    @Override
    public String strategy() {
        return "keystone";
    }

    @Override
    public void signOut(String token) {
        HttpRequest request = HttpRequest.newBuilder(tokensUri).timeout(options.httpRequestTimeout())
                .header("X-Auth-Token", token)
                .header("X-Subject-Token", token)
                .DELETE()
                .build();
        try {
            HttpResponse<String> response = KeystoneSession.send(http, request);
            if (response.statusCode() != 204) {
                // Already revoked or expired: the session is over either way.
                LOG.info("Keystone answered HTTP {} to revoking a dashboard session's token", response.statusCode());
            }
        } catch (KeystoneUnavailableException e) {
            // Signing out still clears the cookies; the token lasts until it expires.
            LOG.warn("Cannot revoke a dashboard session's token: {}", e.getMessage());
        }
    }

    @Override
    public Optional<IssuedToken> signIn(JsonNode form) {
        String domain = SignIn.field(form, "domain", Optional.of(DEFAULT_DOMAIN));
        ObjectNode body = KeystoneSession.passwordAuth(SignIn.field(form, "username", Optional.empty()), domain,
                SignIn.field(form, "password", Optional.empty()), SignIn.field(form, "project", Optional.empty()),
                domain);
        HttpRequest request = HttpRequest.newBuilder(tokensUri).timeout(options.httpRequestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = KeystoneSession.send(http, request);
            if (response.statusCode() != 201) {
                // 401: a wrong name or password; 400/404: no such project or domain. All read as refused.
                return Optional.empty();
            }
            Optional<String> token = response.headers().firstValue("X-Subject-Token");
            if (token.isEmpty()) {
                throw new KeystoneUnavailableException("Keystone issued a token without X-Subject-Token");
            }
            JsonNode issued = KeystoneSession.readJson(response.body()).path("token");
            return Optional.of(new IssuedToken(token.get(), Optional.of(KeystoneSession.expiresAt(issued))));
        } catch (KeystoneUnavailableException e) {
            throw new AuthenticationUnavailableException(UNAVAILABLE, e);
        }
    }
}
