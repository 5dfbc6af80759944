package io.hyperstatus.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every option hyperstatus reads, with nova.conf's section and option names and validated defaults.
 * This is the one place where options are declared.
 */
public record HyperstatusConfig(
        String host,
        Duration serviceDownTime,
        Duration reportInterval,
        Path statePath,
        String listenAddress,
        int listenPort,
        String defaultAvailabilityZone,
        String internalServiceAvailabilityZone,
        AuthStrategy authStrategy,
        int maxLimit,
        int hypervisorCacheSize,
        int readBatchSize,
        Optional<String> computeLinkPrefix,
        List<String> legacyV2Extensions,
        String databaseConnection,
        int databaseMaxPoolSize,
        long maxRequestBodySize,
        AgentOptions agent,
        PolicyOptions policy,
        Optional<KeystoneOptions> keystone) {

    /** The optional legacy v2 extensions an operator may load or unload. */
    public static final List<String> OPTIONAL_LEGACY_V2_EXTENSIONS = List.of("os-hypervisor-status");

    public enum AuthStrategy { NOAUTH2, KEYSTONE }

    public HyperstatusConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serviceDownTime, "serviceDownTime");
        Objects.requireNonNull(reportInterval, "reportInterval");
        Objects.requireNonNull(statePath, "statePath");
        Objects.requireNonNull(listenAddress, "listenAddress");
        Objects.requireNonNull(authStrategy, "authStrategy");
        Objects.requireNonNull(computeLinkPrefix, "computeLinkPrefix");
        legacyV2Extensions = List.copyOf(legacyV2Extensions);
        Objects.requireNonNull(databaseConnection, "databaseConnection");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(keystone, "keystone");
        if (authStrategy == AuthStrategy.KEYSTONE && keystone.isEmpty()) {
            throw new ConfigException("[api] auth_strategy = keystone needs a [keystone_authtoken] section");
        }
        if (serviceDownTime.compareTo(reportInterval) <= 0) {
            throw new ConfigException("Invalid value for option [DEFAULT] service_down_time: "
                    + seconds(serviceDownTime) + " must be greater than [DEFAULT] report_interval ("
                    + seconds(reportInterval) + "), or every service would flap between up and down");
        }
        for (String alias : legacyV2Extensions) {
            if (!OPTIONAL_LEGACY_V2_EXTENSIONS.contains(alias)) {
                throw IniOptions.invalid("api", "legacy_v2_extensions", alias,
                        "is not an optional extension (known: " + String.join(", ", OPTIONAL_LEGACY_V2_EXTENSIONS) + ")");
            }
        }
    }

    public static HyperstatusConfig defaults() {
        return from(IniOptions.empty(), Optional.empty());
    }

    public static HyperstatusConfig load(Path file) {
        return from(IniOptions.read(file), Optional.ofNullable(file.toAbsolutePath().getParent()));
    }

    public static HyperstatusConfig parse(String iniText) {
        return from(IniOptions.parse(iniText), Optional.empty());
    }

    /** {@code configDir}: the folder of the configuration file, where relative file options are looked up first. */
    private static HyperstatusConfig from(IniOptions ini, Optional<Path> configDir) {
        Path statePath = Path.of(expandHome(ini.string("DEFAULT", "state_path",
                System.getProperty("user.home") + "/.hyperstatus")));
        String prefix = ini.string("api", "compute_link_prefix", "");
        AuthStrategy authStrategy = AuthStrategy.valueOf(
                ini.choice("api", "auth_strategy", "noauth2", List.of("noauth2", "keystone")).toUpperCase());
        boolean keystone = authStrategy == AuthStrategy.KEYSTONE;
        return new HyperstatusConfig(
                ini.string("DEFAULT", "host").filter(h -> !h.isEmpty()).orElseGet(HyperstatusConfig::machineHostName),
                ini.seconds("DEFAULT", "service_down_time", 60),
                ini.seconds("DEFAULT", "report_interval", 10),
                statePath,
                ini.string("DEFAULT", "osapi_compute_listen", "0.0.0.0"),
                ini.integer("DEFAULT", "osapi_compute_listen_port", 8774, 0, 65535),
                ini.string("DEFAULT", "default_availability_zone", "nova"),
                ini.string("DEFAULT", "internal_service_availability_zone", "internal"),
                authStrategy,
                ini.integer("api", "max_limit", 1000, 1, 1_000_000),
                // Compute nodes (with their service's descriptive columns) an API server keeps in memory for
                // listings: about 1 KB each; 0 reads every listed row whole.
                ini.integer("api", "hypervisor_cache_size", 200_000, 0, 10_000_000),
                // Rows a hypervisor or service listing reads per query while it streams the response: fewer, larger
                // reads cost the database less; each holds a connection and about 250 bytes per row meanwhile.
                ini.integer("database", "read_batch_size", 10_000, 1, 1_000_000),
                prefix.isEmpty() ? Optional.empty() : Optional.of(stripTrailingSlash(prefix)),
                ini.list("api", "legacy_v2_extensions", OPTIONAL_LEGACY_V2_EXTENSIONS),
                ini.string("database", "connection", "sqlite:///" + statePath.resolve("hyperstatus.sqlite")),
                ini.integer("database", "max_pool_size", 10, 1, 1000),
                ini.integer("oslo_middleware", "max_request_body_size", 114688, 1024, Integer.MAX_VALUE),
                AgentOptions.from(ini, statePath, keystone),
                PolicyOptions.from(ini, configDir, statePath),
                keystone ? Optional.of(KeystoneOptions.from(ini)) : Optional.empty());
    }

    public boolean legacyExtensionLoaded(String alias) {
        return legacyV2Extensions.contains(alias);
    }

    public HyperstatusConfig withListenPort(int port) {
        return new HyperstatusConfig(host, serviceDownTime, reportInterval, statePath, listenAddress, port,
                defaultAvailabilityZone, internalServiceAvailabilityZone, authStrategy, maxLimit, hypervisorCacheSize,
                readBatchSize, computeLinkPrefix, legacyV2Extensions, databaseConnection, databaseMaxPoolSize,
                maxRequestBodySize, agent, policy, keystone);
    }

    /** "10" for whole seconds, "0.5" otherwise. */
    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? Long.toString(duration.toSeconds())
                : Double.toString(duration.toMillis() / 1000.0);
    }

    static String machineHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
