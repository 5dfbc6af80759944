package io.hyperstatus.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Keystone, with keystonemiddleware's {@code [keystone_authtoken]} option names: the public URI that
 * 401s point clients to, and the service user whose token lets the server validate the tokens of requests.
 * The agent uses the same record for the user it authenticates as (see {@link AgentOptions#keystone()}).
 */
public record KeystoneOptions(
        String wwwAuthenticateUri,
        String authUrl,
        String username,
        String password,
        String projectName,
        String userDomainName,
        String projectDomainName,
        Optional<String> regionName,
        Duration tokenCacheTime,
        Duration httpConnectTimeout,
        Duration httpRequestTimeout) {

    public static final String SECTION = "keystone_authtoken";
    // A request waits for Keystone at most connect + request timeout; longer would make a Keystone outage a hang.
    private static final Duration MAX_HTTP_TIMEOUT = Duration.ofSeconds(60);

    public KeystoneOptions {
        Objects.requireNonNull(wwwAuthenticateUri, "wwwAuthenticateUri");
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(userDomainName, "userDomainName");
        Objects.requireNonNull(projectDomainName, "projectDomainName");
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(tokenCacheTime, "tokenCacheTime");
        Objects.requireNonNull(httpConnectTimeout, "httpConnectTimeout");
        Objects.requireNonNull(httpRequestTimeout, "httpRequestTimeout");
    }

    /** The server's options: {@code [keystone_authtoken]}, where auth_url, username, password and project_name are required. */
    static KeystoneOptions from(IniOptions ini) {
        return read(ini, SECTION, SECTION);
    }

    /** The agent's service user: each user option from {@code [agent]}, else from {@code [keystone_authtoken]}. */
    static KeystoneOptions forAgent(IniOptions ini) {
        return read(ini, "agent", SECTION);
    }

    private static KeystoneOptions read(IniOptions ini, String userSection, String fallback) {
        String authUrl = url(ini, userSection, fallback, "auth_url");
        String wwwAuthenticateUri = ini.string(SECTION, "www_authenticate_uri", "");
        if (wwwAuthenticateUri.isEmpty()) {
            // keystonemiddleware falls back to the identity endpoint it knows; ours is auth_url.
            wwwAuthenticateUri = authUrl;
        } else if (!isHttpUrl(wwwAuthenticateUri)) {
            throw IniOptions.invalid(SECTION, "www_authenticate_uri", wwwAuthenticateUri, "is not an http(s) URL");
        }
        String region = ini.string(SECTION, "region_name", "");
        return new KeystoneOptions(
                wwwAuthenticateUri,
                authUrl,
                required(ini, userSection, fallback, "username"),
                required(ini, userSection, fallback, "password"),
                required(ini, userSection, fallback, "project_name"),
                userOption(ini, userSection, fallback, "user_domain_name").orElse("Default"),
                userOption(ini, userSection, fallback, "project_domain_name").orElse("Default"),
                region.isEmpty() ? Optional.empty() : Optional.of(region),
                ini.seconds(SECTION, "token_cache_time", 300),
                bounded(ini, "http_connect_timeout", 3),
                bounded(ini, "http_request_timeout", 5));
    }

    private static Optional<String> userOption(IniOptions ini, String section, String fallback, String name) {
        return ini.string(section, name).filter(v -> !v.isEmpty())
                .or(() -> ini.string(fallback, name).filter(v -> !v.isEmpty()));
    }

    private static String required(IniOptions ini, String section, String fallback, String name) {
        return userOption(ini, section, fallback, name).orElseThrow(() -> new ConfigException(
                "Missing value for option [" + fallback + "] " + name
                        + (section.equals(fallback) ? "" : " (or [" + section + "] " + name + ")")
                        + ": needed when [api] auth_strategy = keystone"));
    }

    private static String url(IniOptions ini, String section, String fallback, String name) {
        String url = required(ini, section, fallback, name);
        if (!isHttpUrl(url)) {
            // Name the section the value was read from.
            String from = ini.string(section, name).filter(v -> !v.isEmpty()).isPresent() ? section : fallback;
            throw IniOptions.invalid(from, name, url, "is not an http(s) URL");
        }
        return url;
    }

    private static Duration bounded(IniOptions ini, String name, double defaultSeconds) {
        Duration value = ini.seconds(SECTION, name, defaultSeconds);
        if (value.compareTo(MAX_HTTP_TIMEOUT) > 0) {
            throw IniOptions.invalid(SECTION, name, ini.string(SECTION, name, ""),
                    "must be at most " + MAX_HTTP_TIMEOUT.toSeconds() + " seconds, so that a Keystone outage cannot hang requests");
        }
        return value;
    }

    private static boolean isHttpUrl(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }

    @Override
    public String toString() {
        // Never print the password, e.g. in a start-up log line or an exception.
        return "KeystoneOptions[authUrl=" + authUrl + ", username=" + username + ", projectName=" + projectName
                + ", userDomainName=" + userDomainName + ", projectDomainName=" + projectDomainName + "]";
    }
}
