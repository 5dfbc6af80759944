package io.hyperstatus.cli;

import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.client.EventsApiClient;
import io.hyperstatus.client.tls.ClientTls;
import io.hyperstatus.config.ClientTlsOptions;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.config.PemFile;
import io.hyperstatus.protocol.Microversion;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the API is, who is asking, and at which microversion: the options and environment variables of the
 * standard clients. There is no default token: a token grants rights, so it must be given; without one the
 * server's 401 says so. The options may stand before the command, as with the standard clients
 * ({@code hyperstatus --os-token T hypervisor list}): a command's own value wins, then its parents' (each
 * command level carries this mixin under the name {@value #MIXIN_NAME}), then the environment.
 */
public final class ConnectionOptions {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8774";
    /** The field name every command level gives this mixin. */
    public static final String MIXIN_NAME = "connection";
    /** Bounds every call, so a server that accepts connections but never answers cannot hang the command. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--os-endpoint", paramLabel = "URL",
            description = "Compute API URL (default: $OS_ENDPOINT, else $OS_COMPUTE_API_URL, else "
                    + DEFAULT_ENDPOINT + "); a trailing /v2.1 is accepted.")
    String endpoint;

    @Option(names = "--os-token", paramLabel = "TOKEN",
            description = "Token sent as X-Auth-Token (default: $OS_TOKEN; with noauth2, user:project).")
    String token;

    @Option(names = "--os-compute-api-version", paramLabel = "X.Y",
            description = "Microversion to use (default: $OS_COMPUTE_API_VERSION, else the newest the server offers).")
    String apiVersion;

    @Option(names = "--os-cacert", paramLabel = "FILE",
            description = "PEM CA certificates an https endpoint's certificate is checked against"
                    + " (default: $OS_CACERT, else the JDK's CA certificates).")
    String caCert;

    @Option(names = "--os-cert", paramLabel = "FILE",
            description = "PEM client certificate, for servers that ask for one (default: $OS_CERT).")
    String cert;

    @Option(names = "--os-key", paramLabel = "FILE",
            description = "PEM private key of --os-cert, when it is not in that file (default: $OS_KEY).")
    String key;

    /** A client at the version asked for, or else at the newest one the server offers. */
    ComputeApiClient client() {
        return connect(System.getenv());
    }

    /** A client of hyperstatus's own events API at the same endpoint, with the same token and TLS. */
    EventsApiClient events() {
        Map<String, String> environment = System.getenv();
        return EventsApiClient.create(endpoint(environment), firstOf(given(o -> o.token), environment.get("OS_TOKEN")),
                TIMEOUT, tls(environment));
    }

    /**
     * A client for something Nova removed after {@code last} (such as hypervisor statistics after 2.87): at most
     * that version when the server chose it, a clear failure when the operator asked for a later one.
     */
    ComputeApiClient clientUpTo(Microversion last, String what) {
        ComputeApiClient client = client();
        if (!client.microversion().atLeast(next(last))) {
            return client;
        }
        if (requestedVersion(System.getenv()) != null) {
            throw new CommandFailure(what + " were removed from the compute API after " + last
                    + "; run with --os-compute-api-version " + last + " or earlier");
        }
        return client.atVersion(last);
    }

    /** The first value given at this command level or at one of its parents. */
    private String given(Function<ConnectionOptions, String> option) {
        String own = option.apply(this);
        if (own != null || command == null) {
            return own;
        }
        for (CommandSpec parent = command.parent(); parent != null; parent = parent.parent()) {
            CommandSpec mixin = parent.mixins().get(MIXIN_NAME);
            if (mixin != null && mixin.userObject() instanceof ConnectionOptions options && option.apply(options) != null) {
                return option.apply(options);
            }
        }
        return null;
    }

    ComputeApiClient connect(Map<String, String> environment) {
        ComputeApiClient client = ComputeApiClient.create(endpoint(environment),
                firstOf(given(o -> o.token), environment.get("OS_TOKEN")), TIMEOUT, tls(environment));
        String requested = requestedVersion(environment);
        if (requested != null && !requested.equals("latest")) {
            try {
                return client.atVersion(Microversion.parse(requested));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), e.getMessage());
            }
        }
        return client.atVersion(client.versionDocument().maxVersion());
    }

    /** The CA and client certificate files, each named as the operator gave it (flag or variable). */
    private ClientTls tls(Map<String, String> environment) {
        try {
            return ClientTls.of(new ClientTlsOptions(
                    pem("--os-cacert", given(o -> o.caCert), "OS_CACERT", environment),
                    pem("--os-cert", given(o -> o.cert), "OS_CERT", environment),
                    pem("--os-key", given(o -> o.key), "OS_KEY", environment)));
        } catch (ConfigException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    private static Optional<PemFile> pem(String flag, String given, String variable, Map<String, String> environment) {
        if (given != null && !given.isBlank()) {
            return Optional.of(new PemFile(flag, Path.of(given)));
        }
        String fromEnvironment = environment.get(variable);
        return fromEnvironment == null || fromEnvironment.isBlank() ? Optional.empty()
                : Optional.of(new PemFile(variable, Path.of(fromEnvironment)));
    }

    private String requestedVersion(Map<String, String> environment) {
        return firstOf(given(o -> o.apiVersion), environment.get("OS_COMPUTE_API_VERSION"));
    }

    private String endpoint(Map<String, String> environment) {
        String url = firstOf(given(o -> o.endpoint), firstOf(environment.get("OS_ENDPOINT"), environment.get("OS_COMPUTE_API_URL")));
        if (url == null) {
            url = DEFAULT_ENDPOINT;
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "invalid endpoint URL '" + url + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ParameterException(command.commandLine(), "invalid endpoint URL '" + url + "': expected http(s)://host[:port]");
        }
        return normalized(url.strip());
    }

    /**
     * The API's base URL: the service catalogue's compute URL ends in /v2.1 (or /v2.1/{project_id}), while calls
     * name their whole path.
     */
    static String normalized(String url) {
        String base = url.replaceAll("/+$", "");
        return base.replaceFirst("/v2\\.1(/[0-9a-fA-F-]+)?$", "");
    }

    private static Microversion next(Microversion version) {
        return new Microversion(version.major(), version.minor() + 1);
    }

    private static String firstOf(String given, String fallback) {
        return given != null && !given.isBlank() ? given : fallback != null && !fallback.isBlank() ? fallback : null;
    }
}
