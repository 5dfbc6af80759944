package io.hyperstatus.config;

import static io.hyperstatus.config.ConfigAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperstatusConfigTest {
    @Test
    void everyOptionHasNovasDefault() {
        HyperstatusConfig config = HyperstatusConfig.parse("");
        assertThat(config.serviceDownTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.reportInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.listenAddress()).isEqualTo("0.0.0.0");
        assertThat(config.listenPort()).isEqualTo(8774);
        assertThat(config.maxLimit()).isEqualTo(1000);
        assertThat(config.hypervisorCacheSize()).isEqualTo(200_000);
        assertThat(config.readBatchSize()).isEqualTo(10_000);
        assertThat(config.computeLinkPrefix()).isEmpty();
        assertThat(config.authStrategy()).isEqualTo(HyperstatusConfig.AuthStrategy.NOAUTH2);
        assertThat(config.defaultAvailabilityZone()).isEqualTo("nova");
        assertThat(config.internalServiceAvailabilityZone()).isEqualTo("internal");
        assertThat(config.legacyV2Extensions()).containsExactly("os-hypervisor-status");
        assertThat(config.databaseConnection())
                .isEqualTo("sqlite:///" + config.statePath().resolve("hyperstatus.sqlite"));
        assertThat(config.host()).isNotBlank();
    }

    @Test
    void optionsAreReadFromNovaConfSections(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("hyperstatus.conf");
        Files.writeString(file, """
                [DEFAULT]
                # comments are allowed
                host = api-1
                service_down_time = 120
                report_interval = 20
                state_path = /srv/hyperstatus
                osapi_compute_listen_port = 18774

                [api]
                max_limit = 50
                compute_link_prefix = https://compute.example.org/
                legacy_v2_extensions =
                hypervisor_cache_size = 0

                [database]
                connection = postgresql://nova:secret@db.example.org/nova
                read_batch_size = 500
                """);
        HyperstatusConfig config = HyperstatusConfig.load(file);
        assertThat(config.host()).isEqualTo("api-1");
        assertThat(config.serviceDownTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.reportInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.statePath()).isEqualTo(Path.of("/srv/hyperstatus"));
        assertThat(config.listenPort()).isEqualTo(18774);
        assertThat(config.maxLimit()).isEqualTo(50);
        assertThat(config.computeLinkPrefix()).isEqualTo(Optional.of("https://compute.example.org"));
        assertThat(config.legacyV2Extensions()).isEqualTo(List.of());
        assertThat(config.databaseConnection()).isEqualTo("postgresql://nova:secret@db.example.org/nova");
        assertThat(config.hypervisorCacheSize()).isZero();
        assertThat(config.readBatchSize()).isEqualTo(500);
    }

    @Test
    void theHttpLimitsHaveDefaultsThatFitTogether() {
        assertThat(HyperstatusConfig.parse("").http()).isEqualTo(new HttpOptions(2000, 200, 100, 1000,
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30), 8192));
    }

    @Test
    void moreConcurrentRequestsThanThreadsCanServeStopStartUp() {
        assertRefused("[http]\nmax_threads = 100\nmax_concurrent_requests = 95\n")
                .hasMessage("Invalid value for option [http] max_threads: 100 must be at least [http]"
                        + " max_concurrent_requests (95) + 8, or requests would wait for threads that accept and"
                        + " read connections");
        assertThat(HyperstatusConfig.parse("[http]\nmax_threads = 103\nmax_concurrent_requests = 95\n").http()
                .maxThreads()).isEqualTo(103);
    }

    @Test
    void eventStreamSubscribersAndRequestsMustFitInTheConnections() {
        assertThat(HyperstatusConfig.parse("").maxEventSubscribers()).isEqualTo(1000);
        assertRefused("[api]\nmax_event_subscribers = 1901\n")
                .hasMessage("Invalid value for option [api] max_event_subscribers: 1901 and [http]"
                        + " max_concurrent_requests (100) must fit in [http] max_connections (2000), or event"
                        + " streams could take the connections that other requests need");
        assertThat(HyperstatusConfig.parse("[api]\nmax_event_subscribers = 1900\n").maxEventSubscribers())
                .isEqualTo(1900);
    }

    @Test
    void invalidValueStopsStartUpNamingTheOption() {
        assertRefused("[DEFAULT]\nservice_down_time = soon\n")
                .hasMessage("Invalid value for option [DEFAULT] service_down_time: 'soon' not a number of seconds");
        assertRefused("[api]\nmax_limit = 0\n")
                .hasMessage("Invalid value for option [api] max_limit: '0' must be between 1 and 1000000");
        assertRefused("[api]\nhypervisor_cache_size = -1\n")
                .hasMessage("Invalid value for option [api] hypervisor_cache_size: '-1' must be between 0 and 10000000");
        assertRefused("[database]\nread_batch_size = 0\n")
                .hasMessage("Invalid value for option [database] read_batch_size: '0' must be between 1 and 1000000");
        assertRefused("[api]\nauth_strategy = none\n")
                .hasMessage("Invalid value for option [api] auth_strategy: 'none' must be one of noauth2, keystone");
        assertRefused("[DEFAULT]\nosapi_compute_listen_port = 70000\n")
                .hasMessageStartingWith("Invalid value for option [DEFAULT] osapi_compute_listen_port");
        assertRefused("[api]\nlegacy_v2_extensions = os-bogus\n")
                .hasMessageStartingWith("Invalid value for option [api] legacy_v2_extensions: 'os-bogus'");
    }

    @Test
    void intervalsMayBeFractionsOfASecond() {
        HyperstatusConfig config = HyperstatusConfig.parse("[DEFAULT]\nservice_down_time = 2\nreport_interval = 0.5\n");
        assertThat(config.reportInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.serviceDownTime()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void agentOptionsHaveDefaultsAndAreValidated() {
        AgentOptions agent = HyperstatusConfig.parse("").agent();
        assertThat(agent.computeDriver()).isEqualTo("libvirt.LibvirtDriver");
        assertThat(agent.updateResourcesInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(agent.reservedHostMemoryMb()).isEqualTo(512);
        assertThat(agent.libvirtConnectionUri()).isEqualTo("qemu:///system");
        assertThat(agent.apiServers()).containsExactly("http://127.0.0.1:8774");
        AgentOptions fake = HyperstatusConfig.parse("""
                [DEFAULT]
                compute_driver = fake.FakeDriver
                [agent]
                api_servers = http://a:8774/, http://b:8774
                [fake]
                hosts_file = /etc/hosts.json
                """).agent();
        assertThat(fake.apiServers()).containsExactly("http://a:8774", "http://b:8774");
        assertThat(fake.fakeHostsFile()).contains(Path.of("/etc/hosts.json"));
        assertRefused("[DEFAULT]\ncompute_driver = xen\n")
                .hasMessageStartingWith("Invalid value for option [DEFAULT] compute_driver: 'xen'");
        assertRefused("[agent]\napi_servers = ftp://x\n")
                .hasMessageStartingWith("Invalid value for option [agent] api_servers: 'ftp://x'");
    }

    @Test
    void serviceDownTimeNotAboveReportIntervalIsAnError() {
        assertRefused("[DEFAULT]\nservice_down_time = 10\nreport_interval = 10\n")
                .hasMessageStartingWith("Invalid value for option [DEFAULT] service_down_time: 10 must be greater than"
                        + " [DEFAULT] report_interval (10)");
    }

    @Test
    void unreadableFileIsReported(@TempDir Path folder) {
        assertThatThrownBy(() -> HyperstatusConfig.load(folder.resolve("missing.conf")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Cannot read configuration file");
    }

    @Test
    void theHealthcheckIsUpOrDownOnlyAndNeverDisabledByAFileUnlessConfigured() {
        assertThat(HyperstatusConfig.parse("").healthcheck()).isEqualTo(HealthcheckOptions.defaults());
        HealthcheckOptions set = HyperstatusConfig.parse("""
                [healthcheck]
                detailed = yes
                disable_by_file_path = /var/run/hyperstatus/healthcheck_disable
                """).healthcheck();
        assertThat(set.detailed()).isTrue();
        assertThat(set.disableByFilePath()).contains(Path.of("/var/run/hyperstatus/healthcheck_disable"));
        assertThat(HyperstatusConfig.parse("[healthcheck]\ndisable_by_file_path =\n").healthcheck()
                .disableByFilePath()).isEmpty();
        assertRefused("[healthcheck]\ndetailed = very\n")
                .hasMessageStartingWith("Invalid value for option [healthcheck] detailed: 'very'");
    }
}
