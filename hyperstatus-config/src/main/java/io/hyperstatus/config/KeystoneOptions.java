package io.hyperstatus.config;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

    public static final String SECTION = KeystoneDeclarations.SECTION;


    /** The server's options: {@code [keystone_authtoken]}, where auth_url, username, password and project_name are required. */
    static KeystoneOptions from(IniOptions ini) {
        return read(ini, false);
    }

    /** The agent's service user: each user option from {@code [agent]}, else from {@code [keystone_authtoken]}. */
    static KeystoneOptions forAgent(IniOptions ini) {
        return read(ini, true);
    }

    private static KeystoneOptions read(IniOptions ini, boolean agent) {
        String authUrl = required(ini, agent ? AgentDeclarations.AUTH_URL : null, KeystoneDeclarations.AUTH_URL);
        // keystonemiddleware falls back to the identity endpoint it knows; ours is auth_url.
        String wwwAuthenticateUri = ini.find(KeystoneDeclarations.WWW_AUTHENTICATE_URI).orElse(authUrl);
        return new KeystoneOptions(
                wwwAuthenticateUri,
                authUrl,
                required(ini, agent ? AgentDeclarations.USERNAME : null, KeystoneDeclarations.USERNAME),
                required(ini, agent ? AgentDeclarations.PASSWORD : null, KeystoneDeclarations.PASSWORD),
                required(ini, agent ? AgentDeclarations.PROJECT_NAME : null, KeystoneDeclarations.PROJECT_NAME),
                agent ? ini.find(AgentDeclarations.USER_DOMAIN_NAME)
                        .orElseGet(() -> ini.value(KeystoneDeclarations.USER_DOMAIN_NAME))
                        : ini.value(KeystoneDeclarations.USER_DOMAIN_NAME),
                agent ? ini.find(AgentDeclarations.PROJECT_DOMAIN_NAME)
                        .orElseGet(() -> ini.value(KeystoneDeclarations.PROJECT_DOMAIN_NAME))
                        : ini.value(KeystoneDeclarations.PROJECT_DOMAIN_NAME),
                ini.find(KeystoneDeclarations.REGION_NAME),
                ini.value(KeystoneDeclarations.TOKEN_CACHE_TIME),
                ini.value(KeystoneDeclarations.HTTP_CONNECT_TIMEOUT),
                ini.value(KeystoneDeclarations.HTTP_REQUEST_TIMEOUT));
    }

    /** {@code own}: the agent's option that comes before the server's, or null for the server itself. */
    private static String required(IniOptions ini, @Nullable Option<String> own, Option<String> shared) {
        Optional<String> value = own == null ? ini.find(shared) : ini.find(own).or(() -> ini.find(shared));
        return value.orElseThrow(() -> new ConfigException("Missing value for option " + shared
                + (own == null ? "" : " (or " + own + ")") + ": needed when " + ServerDeclarations.AUTH_STRATEGY
                + " = keystone"));
    }

    @Override
    public String toString() {
        // Never print the password, e.g. in a start-up log line or an exception.
        return "KeystoneOptions[authUrl=" + authUrl + ", username=" + username + ", projectName=" + projectName
                + ", userDomainName=" + userDomainName + ", projectDomainName=" + projectDomainName + "]";
    }
}
