package io.hyperstatus.config;

import static io.hyperstatus.config.ConfigAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The TLS options of the server ({@code [ssl]}) and of the agent ({@code [agent]}), as they are read. */
class SslOptionsTest {
    @Test
    void withoutCertFileTheApiSpeaksPlainHttpAndTheAgentTrustsTheJdksCas() {
        HyperstatusConfig config = HyperstatusConfig.parse("");
        assertThat(config.ssl()).isEmpty();
        assertThat(config.agent().tls()).isEqualTo(ClientTlsOptions.SYSTEM_TRUST);
    }

    @Test
    void theServersFilesAreNamedByTheirOptions() {
        HyperstatusConfig config = HyperstatusConfig.parse("""
                [ssl]
                cert_file = /etc/hyperstatus/api.pem
                key_file = /etc/hyperstatus/api-key.pem
                ca_file = /etc/hyperstatus/agents-ca.pem
                """);
        assertThat(config.ssl()).contains(new SslOptions(
                new PemFile("[ssl] cert_file", Path.of("/etc/hyperstatus/api.pem")),
                new PemFile("[ssl] key_file", Path.of("/etc/hyperstatus/api-key.pem")),
                Optional.of(new PemFile("[ssl] ca_file", Path.of("/etc/hyperstatus/agents-ca.pem")))));
    }

    @Test
    void aCertificateWithoutItsKeyStopsStartUp() {
        assertRefused("[ssl]\ncert_file = /etc/api.pem\n")
                .hasMessage("Missing value for option [ssl] key_file: needed when [ssl] cert_file is set");
    }

    @Test
    void aKeyOrClientCaWithoutACertificateStopsStartUp() {
        assertRefused("[ssl]\nkey_file = /etc/api-key.pem\n")
                .hasMessage("Invalid value for option [ssl] key_file: set without [ssl] cert_file");
        assertRefused("[ssl]\nca_file = /etc/ca.pem\n")
                .hasMessage("Invalid value for option [ssl] ca_file: set without [ssl] cert_file:"
                        + " client certificates need HTTPS");
    }

    @Test
    void blankValuesMeanUnset() {
        assertThat(HyperstatusConfig.parse("[ssl]\ncert_file =\nkey_file =\nca_file =\n").ssl()).isEmpty();
    }

    @Test
    void theAgentsFilesAreNamedByTheirOptions() {
        AgentOptions agent = HyperstatusConfig.parse("""
                [agent]
                api_servers = https://controller:8774
                cafile = /etc/hyperstatus/ca.pem
                certfile = /etc/hyperstatus/agent.pem
                keyfile = /etc/hyperstatus/agent-key.pem
                """).agent();
        assertThat(agent.tls()).isEqualTo(new ClientTlsOptions(
                Optional.of(new PemFile("[agent] cafile", Path.of("/etc/hyperstatus/ca.pem"))),
                Optional.of(new PemFile("[agent] certfile", Path.of("/etc/hyperstatus/agent.pem"))),
                Optional.of(new PemFile("[agent] keyfile", Path.of("/etc/hyperstatus/agent-key.pem")))));
        assertThat(agent.apiServers()).containsExactly("https://controller:8774");
    }

    @Test
    void anAgentKeyWithoutItsCertificateStopsStartUp() {
        assertRefused("[agent]\nkeyfile = /etc/agent-key.pem\n")
                .hasMessage("Invalid value for option [agent] keyfile: set without [agent] certfile");
    }
}
