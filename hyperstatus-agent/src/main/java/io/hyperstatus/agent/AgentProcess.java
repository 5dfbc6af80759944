package io.hyperstatus.agent;

import io.hyperstatus.agent.fake.FakeDriver;
import io.hyperstatus.agent.metrics.AgentMetrics;
import io.hyperstatus.agent.libvirt.LibvirtDriver;
import io.hyperstatus.client.AgentApiClient;
import io.hyperstatus.config.AgentOptions;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.config.HyperstatusConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a compute agent from the configuration: its driver, its client of the API servers, its identities. */
public final class AgentProcess {
    private static final Logger LOG = LoggerFactory.getLogger(AgentProcess.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private AgentProcess() {
    }

    /** An agent reporting to the configured {@code [agent] api_servers}. */
    public static ComputeAgent create(HyperstatusConfig config) {
        return create(config, config.agent().apiServers(), driver(config));
    }

    /**
     * An agent for the all-in-one process: reporting to the given server, through the configured driver, or the
     * fake driver for this machine when no libvirt daemon answers.
     */
    public static ComputeAgent createLocal(HyperstatusConfig config, String serverUrl) {
        ComputeDriver driver;
        try {
            driver = driver(config);
        } catch (ConfigException noLibvirt) {
            LOG.info("No libvirt here ({}); simulating this machine with the fake driver", noLibvirt.getMessage());
            driver = new FakeDriver(Optional.empty(), config.host(), config.agent().instancesPath(),
                    config.agent().myIp());
        }
        return create(config, List.of(serverUrl), driver);
    }

    private static ComputeAgent create(HyperstatusConfig config, List<String> servers, ComputeDriver driver) {
        AgentOptions agent = config.agent();
        return new ComputeAgent(driver, AgentApiClient.create(servers, agent, CALL_TIMEOUT),
                NodeIdentities.load(config.statePath()), AgentSchedule.of(config),
                new AgentMetrics(config.metrics(), System::currentTimeMillis));
    }

    static ComputeDriver driver(HyperstatusConfig config) {
        AgentOptions agent = config.agent();
        return switch (agent.computeDriver()) {
            case AgentOptions.FAKE_DRIVER -> new FakeDriver(agent.fakeHostsFile(), config.host(), agent.instancesPath(),
                    agent.myIp());
            case AgentOptions.LIBVIRT_DRIVER -> new LibvirtDriver(agent.libvirtConnectionUri(), config.host(),
                    agent.instancesPath(), agent.myIp(), agent.reservedHostMemoryMb());
            default -> throw new ConfigException("Invalid value for option [DEFAULT] compute_driver: '"
                    + agent.computeDriver() + "'");
        };
    }
}
