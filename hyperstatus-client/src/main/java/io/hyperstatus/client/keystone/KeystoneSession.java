package io.hyperstatus.client.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperstatus.client.TokenSource;
import io.hyperstatus.config.KeystoneOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project-scoped token of one Keystone user, obtained by password ({@code POST /v3/auth/tokens}) when first
 * needed, renewed shortly before it expires, and dropped when a server answers 401 to it (it may have been
 * revoked). Thread-safe: concurrent callers share one token and at most one request for a new one.
 */
public final class KeystoneSession implements TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneSession.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Renew this long before expiry (at most a quarter of the token's life), so no call goes out with a dying token. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

    private final KeystoneOptions options;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public KeystoneSession(KeystoneOptions options, HttpClient http, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static KeystoneSession create(KeystoneOptions options) {
        return new KeystoneSession(options, httpClient(options), Clock.systemUTC());
    }

    /** The HTTP client for Keystone: bounded connect time, HTTP/1.1 (no h2c upgrade attempt on every call). */
    public static HttpClient httpClient(KeystoneOptions options) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.httpConnectTimeout()).build();
    }

    /** {@code .../v3} of an auth_url given with or without the version, as keystoneauth accepts both. */
    public static String identityUrl(String authUrl) {
        String url = authUrl.endsWith("/") ? authUrl.substring(0, authUrl.length() - 1) : authUrl;
        return url.endsWith("/v3") ? url : url + "/v3";
    }

    @Override
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            authenticate();
        }
        return token;
    }

    @Override
    public synchronized void rejected(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    private void authenticate() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(identityUrl(options.authUrl()) + "/auth/tokens"))
                .timeout(options.httpRequestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(passwordAuth().toString()))
                .build();
        HttpResponse<String> response = send(http, request);
        if (response.statusCode() != 201) {
            // 401 means a wrong user or password: retrying will not help, but the operator must hear of it.
            throw new KeystoneUnavailableException("Keystone refused to authenticate user " + options.username()
                    + " in project " + options.projectName() + ": HTTP " + response.statusCode());
        }
        String subject = response.headers().firstValue("X-Subject-Token").orElseThrow(
                () -> new KeystoneUnavailableException("Keystone issued a token without X-Subject-Token"));
        Instant issued = clock.instant();
        Instant expires = expiresAt(readJson(response.body()).path("token"));
        Duration life = Duration.between(issued, expires);
        Duration margin = life.dividedBy(4).compareTo(RENEW_BEFORE) < 0 ? life.dividedBy(4) : RENEW_BEFORE;
        token = subject;
        renewAt = expires.minus(margin);
        LOG.info("Obtained a Keystone token for {} (project {}), valid until {}", options.username(),
                options.projectName(), expires);
    }

    private ObjectNode passwordAuth() {
        return passwordAuth(options.username(), options.userDomainName(), options.password(), options.projectName(),
                options.projectDomainName());
    }

    /** The body of a password authentication scoped to a project ({@code POST /v3/auth/tokens}). */
    public static ObjectNode passwordAuth(String username, String userDomain, String password, String project,
                                          String projectDomain) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", username);
        user.putObject("domain").put("name", userDomain);
        user.put("password", password);
        ObjectNode scope = auth.putObject("scope").putObject("project");
        scope.put("name", project);
        scope.putObject("domain").put("name", projectDomain);
        return body;
    }

    /** Sends a request to Keystone; unreachable, timed out or 5xx become {@link KeystoneUnavailableException}. */
    public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone at " + request.uri() + " cannot be reached: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeystoneUnavailableException("interrupted while calling Keystone", e);
        }
        if (response.statusCode() >= 500) {
            throw new KeystoneUnavailableException("Keystone answered HTTP " + response.statusCode() + " to "
                    + request.method() + " " + request.uri());
        }
        return response;
    }

    /** The JSON body of a Keystone answer. */
    public static JsonNode readJson(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new KeystoneUnavailableException("Keystone answered with a body that is not JSON", e);
        }
    }

    /** A token's {@code expires_at} ("2026-01-01T00:00:00.000000Z"). */
    public static Instant expiresAt(JsonNode token) {
        String text = token.path("expires_at").asText("");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new KeystoneUnavailableException("Keystone gave a token an unreadable expires_at: '" + text + "'", e);
        }
    }
}
