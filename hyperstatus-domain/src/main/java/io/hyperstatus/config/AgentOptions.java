package io.hyperstatus.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of the compute agent, with Nova's names where Nova has the option. {@code auth_token} is sent as
 * is with noauth2; with {@code [api] auth_strategy = keystone}, {@code keystone} is the user the agent gets its
 * tokens for.
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
        String authToken,
        Optional<KeystoneOptions> keystone) {

    public static final String LIBVIRT_DRIVER = "libvirt.LibvirtDriver";
    public static final String FAKE_DRIVER = "fake.FakeDriver";

    public AgentOptions {
        Objects.requireNonNull(computeDriver, "computeDriver");
        Objects.requireNonNull(updateResourcesInterval, "updateResourcesInterval");
        Objects.requireNonNull(instancesPath, "instancesPath");
        Objects.requireNonNull(myIp, "myIp");
        Objects.requireNonNull(libvirtConnectionUri, "libvirtConnectionUri");
        Objects.requireNonNull(fakeHostsFile, "fakeHostsFile");
        apiServers = List.copyOf(apiServers);
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(keystone, "keystone");
        if (apiServers.isEmpty()) {
            throw new ConfigException("Invalid value for option [agent] api_servers: at least one URL is needed");
        }
        for (String url : apiServers) {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw IniOptions.invalid("agent", "api_servers", url, "is not an http(s) URL");
            }
        }
    }

    /**
     * With Keystone, the agent authenticates as a service user, whose options default to the server's
     * {@code [keystone_authtoken]} ones, so that an all-in-one configuration names the user once.
     */
    static AgentOptions from(IniOptions ini, Path statePath, boolean keystone) {
        String myIp = ini.string("DEFAULT", "my_ip", "");
        String hostsFile = ini.string("fake", "hosts_file", "");
        return new AgentOptions(
                ini.choice("DEFAULT", "compute_driver", LIBVIRT_DRIVER, List.of(LIBVIRT_DRIVER, FAKE_DRIVER)),
                ini.seconds("DEFAULT", "update_resources_interval", 60),
                Path.of(ini.string("DEFAULT", "instances_path", statePath.resolve("instances").toString())),
                myIp.isEmpty() ? Optional.empty() : Optional.of(myIp),
                ini.integer("DEFAULT", "reserved_host_memory_mb", 512, 0, Integer.MAX_VALUE),
                ini.string("libvirt", "connection_uri", "qemu:///system"),
                hostsFile.isEmpty() ? Optional.empty() : Optional.of(Path.of(hostsFile)),
                ini.list("agent", "api_servers", List.of("http://127.0.0.1:8774")).stream()
                        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList(),
                ini.string("agent", "auth_token", "admin:admin"),
                keystone ? Optional.of(KeystoneOptions.forAgent(ini)) : Optional.empty());
    }
}
