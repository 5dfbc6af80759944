package io.hyperstatus.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The options of the compute agent, with Nova's names where Nova has the option. With noauth2 the agent presents
 * the shared secret of {@code secretFile}; with {@code [api] auth_strategy = keystone}, {@code keystone} is the user
 * the agent gets its tokens for (see docs/agent-identity.md).
 */
public record AgentOptions(
        String computeDriver,
        Duration updateResourcesInterval,
        Path instancesPath,
        Optional<String> myIp,
        int reservedHostMemoryMb,
        String libvirtConnectionUri,
        Optional<Path> fakeHostsFile,
        List<String> apiServers,
        Optional<Path> secretFile,
        Optional<KeystoneOptions> keystone,
        ClientTlsOptions tls) {

    public static final String LIBVIRT_DRIVER = "libvirt.LibvirtDriver";
    public static final String FAKE_DRIVER = "fake.FakeDriver";

    /** The option {@link #secretFile} is named by, for messages. */
    public static String secretFileOption() {
        return AgentDeclarations.SECRET_FILE.toString();
    }

    public AgentOptions {
        apiServers = List.copyOf(apiServers);
        if (apiServers.isEmpty()) {
            // The file cannot get here: [agent] api_servers refuses an empty list with the option's name.
            throw new IllegalArgumentException("apiServers is empty");
        }
    }

    /** These options with {@code file} as the agent's shared secret. */
    public AgentOptions withSecretFile(Path file) {
        return new AgentOptions(computeDriver, updateResourcesInterval, instancesPath, myIp, reservedHostMemoryMb,
                libvirtConnectionUri, fakeHostsFile, apiServers, Optional.of(file), keystone, tls);
    }

    /**
     * With Keystone, the agent authenticates as a service user, whose options default to the server's
     * {@code [keystone_authtoken]} ones, so that an all-in-one configuration names the user once.
     */
    static AgentOptions from(IniOptions ini, Path statePath, boolean keystone) {
        return new AgentOptions(
                ini.value(AgentDeclarations.COMPUTE_DRIVER),
                ini.value(AgentDeclarations.UPDATE_RESOURCES_INTERVAL),
                ini.find(AgentDeclarations.INSTANCES_PATH).orElseGet(() -> statePath.resolve("instances")),
                ini.find(AgentDeclarations.MY_IP),
                ini.value(AgentDeclarations.RESERVED_HOST_MEMORY_MB),
                ini.value(AgentDeclarations.LIBVIRT_CONNECTION_URI),
                ini.find(AgentDeclarations.FAKE_HOSTS_FILE),
                ini.value(AgentDeclarations.API_SERVERS),
                ini.find(AgentDeclarations.SECRET_FILE),
                keystone ? Optional.of(KeystoneOptions.forAgent(ini)) : Optional.empty(),
                ClientTlsOptions.forAgent(ini));
    }
}
