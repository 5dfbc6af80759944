package io.hyperstatus.config;

import static io.hyperstatus.config.ConfigAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code [keystone_authtoken]} and the agent's service user: required options, defaults, bounds. */
class KeystoneOptionsTest {
    private static final String SERVICE_USER = """
            [api]
            auth_strategy = keystone
            [keystone_authtoken]
            auth_url = http://keystone:5000/v3
            username = hyperstatus
            password = s3cret
            project_name = service
            """;

    @Test
    void noauth2NeedsNoKeystone() {
        HyperstatusConfig config = HyperstatusConfig.defaults();
        assertThat(config.keystone()).isEmpty();
        assertThat(config.agent().keystone()).isEmpty();
    }

    @Test
    void keystoneOptionsHaveKeystonemiddlewaresDefaults() {
        HyperstatusConfig config = HyperstatusConfig.parse(SERVICE_USER);
        KeystoneOptions keystone = config.keystone().orElseThrow();

        assertThat(config.authStrategy()).isEqualTo(HyperstatusConfig.AuthStrategy.KEYSTONE);
        assertThat(keystone.authUrl()).isEqualTo("http://keystone:5000/v3");
        assertThat(keystone.wwwAuthenticateUri()).isEqualTo("http://keystone:5000/v3");
        assertThat(keystone.userDomainName()).isEqualTo("Default");
        assertThat(keystone.projectDomainName()).isEqualTo("Default");
        assertThat(keystone.regionName()).isEmpty();
        assertThat(keystone.tokenCacheTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(keystone.httpConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(keystone.httpRequestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(keystone.toString()).doesNotContain("s3cret");
    }

    @Test
    void theAgentReusesTheServiceUserUnlessItHasItsOwn() {
        assertThat(HyperstatusConfig.parse(SERVICE_USER).agent().keystone().orElseThrow().username())
                .isEqualTo("hyperstatus");

        KeystoneOptions agent = HyperstatusConfig.parse(SERVICE_USER + """
                region_name = RegionOne
                [agent]
                username = agent
                password = other
                project_domain_name = Services
                """).agent().keystone().orElseThrow();
        assertThat(agent.username()).isEqualTo("agent");
        assertThat(agent.password()).isEqualTo("other");
        assertThat(agent.projectName()).isEqualTo("service");
        assertThat(agent.projectDomainName()).isEqualTo("Services");
        assertThat(agent.userDomainName()).isEqualTo("Default");
        assertThat(agent.regionName()).isEqualTo(Optional.of("RegionOne"));
    }

    @Test
    void missingOrInvalidOptionsStopStartUpNamingThem() {
        assertRefused("[api]\nauth_strategy = keystone\n")
                .hasMessageStartingWith("Missing value for option [keystone_authtoken] auth_url");
        assertRefused(SERVICE_USER.replace("password = s3cret\n", ""))
                .hasMessageStartingWith("Missing value for option [keystone_authtoken] password");
        assertRefused(SERVICE_USER.replace("http://keystone:5000/v3", "keystone:5000"))
                .hasMessageStartingWith("Invalid value for option [keystone_authtoken] auth_url: 'keystone:5000'");
        assertRefused(SERVICE_USER + "http_request_timeout = 600\n")
                .hasMessageStartingWith("Invalid value for option [keystone_authtoken] http_request_timeout: '600' must be at most 60");
        assertRefused(SERVICE_USER + "token_cache_time = 0\n")
                .hasMessageStartingWith("Invalid value for option [keystone_authtoken] token_cache_time");
    }
}
