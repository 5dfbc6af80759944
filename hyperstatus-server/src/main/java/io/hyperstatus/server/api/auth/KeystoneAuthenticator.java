package io.hyperstatus.server.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.client.TokenSource;
import io.hyperstatus.client.keystone.KeystoneSession;
import io.hyperstatus.client.keystone.KeystoneUnavailableException;
import io.hyperstatus.config.KeystoneOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates each request's {@code X-Auth-Token} with Keystone v3 ({@code GET /v3/auth/tokens}), as
 * keystonemiddleware's auth_token does in front of Nova, authorised by the token of the
 * {@code [keystone_authtoken]} service user. Valid tokens are cached (see {@link TokenCache}); invalid, expired
 * and revoked ones (Keystone's 404) get the 401; Keystone out of reach gets the 503, after at most the configured
 * connect and request timeouts.
 */
public final class KeystoneAuthenticator implements Authenticator {
    public static final String TOKEN_HEADER = "X-Auth-Token";
    /** Enough for every token in use at a large site; each entry is a few hundred bytes. */
    static final int MAX_CACHED_TOKENS = 10_000;
    private static final String UNAVAILABLE = "The authentication service is unavailable. Please try again later.";

    private final KeystoneOptions options;
    private final TokenSource serviceTokens;
    private final HttpClient http;
    private final TokenCache cache;
    private final Clock clock;
    private final URI tokensUri;
    private final AgentHostBindings agentHosts;

    KeystoneAuthenticator(KeystoneOptions options, TokenSource serviceTokens, HttpClient http, TokenCache cache,
                          Clock clock, AgentHostBindings agentHosts) {
        this.options = options;
        this.serviceTokens = serviceTokens;
        this.http = http;
        this.cache = cache;
        this.clock = clock;
        this.tokensUri = URI.create(KeystoneSession.identityUrl(options.authUrl()) + "/auth/tokens");
        this.agentHosts = agentHosts;
    }

    /** Binds no user to any host: every agent is refused. */
    public static KeystoneAuthenticator create(KeystoneOptions options) {
        return create(options, AgentHostBindings.none());
    }

    /** Binds the users of {@code agentHosts} to their hosts on the agent interface. */
    public static KeystoneAuthenticator create(KeystoneOptions options, AgentHostBindings agentHosts) {
        Clock clock = Clock.systemUTC();
        HttpClient http = KeystoneSession.httpClient(options);
        return new KeystoneAuthenticator(options, new KeystoneSession(options, http, clock), http,
                new TokenCache(MAX_CACHED_TOKENS, options.tokenCacheTime(), clock), clock, agentHosts);
    }

    @Override
    public Optional<Credentials> authenticate(Function<String, String> header) {
        String token = header.apply(TOKEN_HEADER);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        token = token.strip();
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // Keystone issues tokens of visible ASCII only; anything else is refused without asking it (and could
            // not be sent on as a header).
            return Optional.empty();
        }
        Optional<Credentials> cached = cache.get(token);
        if (cached.isPresent()) {
            return cached;
        }
        try {
            return validate(token);
        } catch (KeystoneUnavailableException e) {
            throw new AuthenticationUnavailableException(UNAVAILABLE, e);
        }
    }

    @Override
    public Optional<String> challenge() {
        return Optional.of("Keystone uri=\"" + options.wwwAuthenticateUri() + "\"");
    }

    private Optional<Credentials> validate(String token) {
        String serviceToken = serviceTokens.token();
        HttpResponse<String> response = check(token, serviceToken);
        if (response.statusCode() == 401) {
            // Our service token was revoked or expired early: get a new one and ask once more.
            serviceTokens.rejected(serviceToken);
            response = check(token, serviceTokens.token());
        }
        return switch (response.statusCode()) {
            case 200 -> credentials(token, KeystoneSession.readJson(response.body()).path("token"));
            case 401, 403 -> throw new KeystoneUnavailableException("Keystone does not let user " + options.username()
                    + " validate tokens: HTTP " + response.statusCode());
            // 404: unknown, expired or revoked; 400: not even shaped like a token.
            default -> Optional.empty();
        };
    }

    private HttpResponse<String> check(String token, String serviceToken) {
        HttpRequest request = HttpRequest.newBuilder(tokensUri).timeout(options.httpRequestTimeout())
                .header("Accept", "application/json")
                .header("X-Auth-Token", serviceToken)
                .header("X-Subject-Token", token)
                .GET().build();
        return KeystoneSession.send(http, request);
    }

    private Optional<Credentials> credentials(String token, JsonNode body) {
        Instant expiresAt = KeystoneSession.expiresAt(body);
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        // Role names compare case-insensitively in OpenStack policy; keep them in one case.
        body.path("roles").forEach(role -> roles.add(role.path("name").asText().toLowerCase(Locale.ROOT)));
        String projectId = "";
        Credentials.Scope scope;
        if (body.hasNonNull("project")) {
            scope = Credentials.Scope.PROJECT;
            projectId = body.path("project").path("id").asText();
        } else if (body.path("system").path("all").asBoolean(false)) {
            scope = Credentials.Scope.SYSTEM;
        } else if (body.hasNonNull("domain")) {
            scope = Credentials.Scope.DOMAIN;
        } else {
            scope = Credentials.Scope.UNSCOPED;
        }
        JsonNode user = body.path("user");
        Credentials credentials = new Credentials(user.path("id").asText(), projectId, roles, scope,
                agentHosts.hostsOf(user.path("id").asText(), user.path("name").asText(),
                        user.path("domain").path("id").asText(), user.path("domain").path("name").asText()));
        cache.put(token, credentials, expiresAt);
        return Optional.of(credentials);
    }
}
