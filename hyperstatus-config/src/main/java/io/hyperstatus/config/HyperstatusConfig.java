package io.hyperstatus.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every option hyperstatus reads, with nova.conf's section and option names and validated defaults. The options
 * are declared once, per role, in the *Declarations classes listed by {@link OptionCatalogue}; this record holds
 * their values, read through those declarations, and the rules that tie several options together.
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
        int maxEventSubscribers,
        int hypervisorCacheSize,
        int readBatchSize,
        Optional<String> computeLinkPrefix,
        List<String> legacyV2Extensions,
        String databaseConnection,
        int databaseMaxPoolSize,
        Duration databasePoolTimeout,
        long maxRequestBodySize,
        HttpOptions http,
        Optional<SslOptions> ssl,
        AgentOptions agent,
        PolicyOptions policy,
        AgentIdentityOptions agentIdentity,
        Optional<KeystoneOptions> keystone,
        LivenessOptions liveness,
        NotificationOptions notifications,
        MetricsOptions metrics,
        HealthcheckOptions healthcheck,
        DashboardOptions dashboard) {

    /** The optional legacy v2 extensions an operator may load or unload. */
    public static final List<String> OPTIONAL_LEGACY_V2_EXTENSIONS = List.of("os-hypervisor-status");

    public enum AuthStrategy { NOAUTH2, KEYSTONE }

    public HyperstatusConfig {
        legacyV2Extensions = List.copyOf(legacyV2Extensions);
        if (authStrategy == AuthStrategy.KEYSTONE && keystone.isEmpty()) {
            throw new ConfigException("[api] auth_strategy = keystone needs a [keystone_authtoken] section");
        }
        if (serviceDownTime.compareTo(reportInterval) <= 0) {
            throw ServerDeclarations.SERVICE_DOWN_TIME.invalidBecause(seconds(serviceDownTime) + " must be greater than "
                    + ServerDeclarations.REPORT_INTERVAL + " (" + seconds(reportInterval)
                    + "), or every service would flap between up and down");
        }
        if ((long) maxEventSubscribers + http.maxConcurrentRequests() > http.maxConnections()) {
            throw ServerDeclarations.MAX_EVENT_SUBSCRIBERS.invalidBecause(maxEventSubscribers + " and "
                    + HttpDeclarations.MAX_CONCURRENT_REQUESTS + " (" + http.maxConcurrentRequests()
                    + ") must fit in " + HttpDeclarations.MAX_CONNECTIONS + " (" + http.maxConnections()
                    + "), or event streams could take the connections that other requests need");
        }
        if (!OPTIONAL_LEGACY_V2_EXTENSIONS.containsAll(legacyV2Extensions)) {
            throw new IllegalArgumentException("unknown legacy v2 extensions in " + legacyV2Extensions);
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
        Path statePath = ini.value(ServerDeclarations.STATE_PATH);
        AuthStrategy authStrategy = AuthStrategy.valueOf(ini.value(ServerDeclarations.AUTH_STRATEGY).toUpperCase(Locale.ROOT));
        boolean keystone = authStrategy == AuthStrategy.KEYSTONE;
        return new HyperstatusConfig(
                ini.find(ServerDeclarations.HOST).orElseGet(MachineHostName::determine),
                ini.value(ServerDeclarations.SERVICE_DOWN_TIME),
                ini.value(ServerDeclarations.REPORT_INTERVAL),
                statePath,
                ini.value(ServerDeclarations.LISTEN),
                ini.value(ServerDeclarations.LISTEN_PORT),
                ini.value(ServerDeclarations.DEFAULT_AVAILABILITY_ZONE),
                ini.value(ServerDeclarations.INTERNAL_SERVICE_AVAILABILITY_ZONE),
                authStrategy,
                ini.value(ServerDeclarations.MAX_LIMIT),
                ini.value(ServerDeclarations.MAX_EVENT_SUBSCRIBERS),
                ini.value(ServerDeclarations.HYPERVISOR_CACHE_SIZE),
                ini.value(DatabaseDeclarations.READ_BATCH_SIZE),
                ini.find(ServerDeclarations.COMPUTE_LINK_PREFIX),
                ini.value(ServerDeclarations.LEGACY_V2_EXTENSIONS),
                ini.find(DatabaseDeclarations.CONNECTION)
                        .orElseGet(() -> "sqlite:///" + statePath.resolve("hyperstatus.sqlite")),
                ini.value(DatabaseDeclarations.MAX_POOL_SIZE),
                ini.value(DatabaseDeclarations.POOL_TIMEOUT),
                ini.value(ServerDeclarations.MAX_REQUEST_BODY_SIZE),
                HttpOptions.from(ini),
                SslOptions.from(ini),
                AgentOptions.from(ini, statePath, keystone),
                PolicyOptions.from(ini, configDir, statePath),
                AgentIdentityOptions.from(ini),
                keystone ? Optional.of(KeystoneOptions.from(ini)) : Optional.empty(),
                LivenessOptions.from(ini),
                NotificationOptions.from(ini),
                MetricsOptions.from(ini),
                HealthcheckOptions.from(ini),
                DashboardOptions.from(ini));
    }

    /**
     * This configuration with the agent identity files given: the server's file of agents' secrets and the local
     * agent's own secret, as {@code all-in-one} generates them for its local agent.
     */
    public HyperstatusConfig withAgentSecrets(Path serverSecretsFile, Path agentSecretFile) {
        return new HyperstatusConfig(host, serviceDownTime, reportInterval, statePath, listenAddress, listenPort,
                defaultAvailabilityZone, internalServiceAvailabilityZone, authStrategy, maxLimit, maxEventSubscribers,
                hypervisorCacheSize,
                readBatchSize, computeLinkPrefix, legacyV2Extensions, databaseConnection, databaseMaxPoolSize,
                databasePoolTimeout, maxRequestBodySize, http, ssl, agent.withSecretFile(agentSecretFile),
                policy, new AgentIdentityOptions(Optional.of(serverSecretsFile), agentIdentity.hostsFile()), keystone,
                liveness, notifications, metrics, healthcheck, dashboard);
    }

    public boolean legacyExtensionLoaded(String alias) {
        return legacyV2Extensions.contains(alias);
    }

    /** The optional legacy v2 extensions that {@code legacy_v2_extensions} leaves unloaded. */
    public Set<String> unloadedLegacyV2Extensions() {
        Set<String> unloaded = new LinkedHashSet<>(OPTIONAL_LEGACY_V2_EXTENSIONS);
        unloaded.removeAll(legacyV2Extensions);
        return Set.copyOf(unloaded);
    }

    /** "10" for whole seconds, "0.5" otherwise. */
    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? Long.toString(duration.toSeconds())
                : Double.toString(duration.toMillis() / 1000.0);
    }
}
