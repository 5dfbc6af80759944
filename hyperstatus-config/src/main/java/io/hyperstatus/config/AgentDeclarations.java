package io.hyperstatus.config;

import static io.hyperstatus.config.ValueTypes.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The compute agent's options, with Nova's names where Nova has the option; its Keystone user's options default
 * to the server's {@code [keystone_authtoken]} ones, so that an all-in-one configuration names the user once.
 */
final class AgentDeclarations {
    static final Option<String> COMPUTE_DRIVER = Option.of("DEFAULT", "compute_driver",
            ValueTypes.oneOf(List.of(AgentOptions.LIBVIRT_DRIVER, AgentOptions.FAKE_DRIVER)), AgentOptions.LIBVIRT_DRIVER,
            "where the host's resources are read: `libvirt.LibvirtDriver` or `fake.FakeDriver` (simulated hosts)");
    static final Option<Duration> UPDATE_RESOURCES_INTERVAL = Option.of("DEFAULT", "update_resources_interval",
            ValueTypes.seconds(), "60",
            "seconds between full resource reports (changes go out at the next heartbeat)");
    static final Option<Path> INSTANCES_PATH = Option.computed("DEFAULT", "instances_path", ValueTypes.path(),
            "`<state_path>/instances`", "whose file system is the host's `local_gb`");
    static final Option<String> MY_IP = Option.computed("DEFAULT", "my_ip", text(), "the default route's address",
            "the host's `host_ip`").blankMeansDefault();
    static final Option<Integer> RESERVED_HOST_MEMORY_MB = Option.of("DEFAULT", "reserved_host_memory_mb",
            ValueTypes.integer(0, Integer.MAX_VALUE), "512", "added to the memory used by instances");

    static final Option<String> LIBVIRT_CONNECTION_URI = Option.of("libvirt", "connection_uri", text(),
            "qemu:///system", "the libvirt daemon to read (`test:///default` needs none)");
    static final Option<Path> FAKE_HOSTS_FILE = Option.computed("fake", "hosts_file", ValueTypes.path(),
            "(this machine)", "JSON file of hosts to simulate, see [The compute agent](#the-compute-agent)")
            .blankMeansDefault();

    static final Option<List<String>> API_SERVERS = Option.of("agent", "api_servers",
            ValueTypes.httpUrls("at least one URL is needed"), "http://127.0.0.1:8774",
            "the API servers; the agent fails over between them");
    static final Option<Path> SECRET_FILE = Option.computed("agent", "secret_file", ValueTypes.path(), "(none)",
            "with `noauth2` (required there), the file holding this agent's shared secret, readable by its owner"
                    + " only; the server's `[agent_identity] secrets_file` binds it to hosts").blankMeansDefault();

    // HTTPS to the API servers, with keystoneauth's option names (as Nova's [placement] and [neutron] have them).
    static final Option<Path> CAFILE = Option.computed("agent", "cafile", ValueTypes.path(), "the JDK's CA certificates",
            "PEM CA certificates the API servers' certificates are checked against").blankMeansDefault();
    static final Option<Path> CERTFILE = Option.computed("agent", "certfile", ValueTypes.path(), "(none)",
            "PEM client certificate (chain) the agent presents to API servers that ask for one (`[ssl] ca_file`)")
            .blankMeansDefault();
    static final Option<Path> KEYFILE = Option.computed("agent", "keyfile", ValueTypes.path(), "`certfile`",
            "PEM private key of `certfile`, when it is not in that file").blankMeansDefault();

    // With [api] auth_strategy = keystone: the user the agent gets its tokens for.
    static final Option<String> AUTH_URL = user("auth_url", ValueTypes.httpUrl(),
            "the identity endpoint the agent gets its tokens from");
    static final Option<String> USERNAME = user("username", text(), "the user the agent gets its tokens for");
    static final Option<String> PASSWORD = user("password", text(), "that user's password");
    static final Option<String> PROJECT_NAME = user("project_name", text(), "the project the agent's tokens are for");
    static final Option<String> USER_DOMAIN_NAME = user("user_domain_name", text(), "the domain of the agent's user");
    static final Option<String> PROJECT_DOMAIN_NAME = user("project_domain_name", text(),
            "the domain of the agent's project");

    static final OptionGroup GROUP = new OptionGroup("agent", List.of(COMPUTE_DRIVER, UPDATE_RESOURCES_INTERVAL,
            INSTANCES_PATH, MY_IP, RESERVED_HOST_MEMORY_MB, LIBVIRT_CONNECTION_URI, FAKE_HOSTS_FILE, API_SERVERS,
            SECRET_FILE, AUTH_URL, USERNAME, PASSWORD, PROJECT_NAME, USER_DOMAIN_NAME, PROJECT_DOMAIN_NAME,
            CAFILE, CERTFILE, KEYFILE));

    private static Option<String> user(String name, ValueType<String> type, String help) {
        return Option.computed("agent", name, type, "`[keystone_authtoken]`'s",
                "with `[api] auth_strategy = keystone`, " + help).blankMeansDefault();
    }

    private AgentDeclarations() {
    }
}
