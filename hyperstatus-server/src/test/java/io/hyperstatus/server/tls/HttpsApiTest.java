package io.hyperstatus.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperstatus.client.AgentApiClient;
import io.hyperstatus.client.ApiCallException;
import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.client.ServerUnreachableException;
import io.hyperstatus.client.TokenSource;
import io.hyperstatus.client.tls.ClientTls;
import io.hyperstatus.config.ClientTlsOptions;
import io.hyperstatus.config.PemFile;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.server.testing.Closeables;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestCertificates;
import io.hyperstatus.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over HTTPS ({@code [ssl]}), with certificates the tests make: clients that trust the CA are answered,
 * clients that do not refuse the server with a clear message, and with {@code [ssl] ca_file} the agent
 * interface answers only agents that give a certificate signed by it.
 */
class HttpsApiTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The fixture's agent bound to every host, as an agent proves itself under noauth2. */
    private static final Map<String, String> AGENT = Map.of(TestServer.SECRET_HEADER, TestServer.AGENT_SECRET);

    @TempDir
    static Path folder;
    private static TestCertificates ca;
    private static TestServer server;
    private static TestServer agentsNeedCertificates;

    @BeforeAll
    static void start() {
        ca = TestCertificates.authority(folder, "hyperstatus");
        TestCertificates.Issued serverCertificate = ca.server("api");
        server = TestServer.start(ssl(serverCertificate, null));
        agentsNeedCertificates = TestServer.start(ssl(serverCertificate, ca.caFile()));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(server, agentsNeedCertificates);
    }

    static String ssl(TestCertificates.Issued certificate, Path clientCa) {
        return "[ssl]\ncert_file = " + certificate.certificate() + "\nkey_file = " + certificate.key() + "\n"
                + (clientCa == null ? "" : "ca_file = " + clientCa + "\n");
    }

    private static ClientTls trusting(Path caFile) {
        return ClientTls.of(new ClientTlsOptions(Optional.of(new PemFile("--os-cacert", caFile)), Optional.empty(),
                Optional.empty()));
    }

    private static ClientTls agentTls(Path caFile, TestCertificates.Issued own) {
        return ClientTls.of(new ClientTlsOptions(Optional.of(new PemFile("[agent] cafile", caFile)),
                Optional.of(new PemFile("[agent] certfile", own.certificate())),
                Optional.of(new PemFile("[agent] keyfile", own.key()))));
    }

    private static Reply get(ClientTls tls, String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().sslContext(tls.context()).connectTimeout(TIMEOUT).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("X-Auth-Token", TestServer.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    @Test
    void theApiListensWithHttpsOnly() {
        assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
    }

    @Test
    void aClientThatTrustsTheCaIsAnsweredAndTheLinksItGetsAreHttps() throws Exception {
        Reply versions = get(trusting(ca.caFile()), server.baseUrl() + "/");
        assertThat(versions.status()).isEqualTo(200);
        List<String> links = versions.json().findValues("href").stream().map(JsonNode::asText).toList();
        assertThat(links).containsExactly(server.baseUrl() + "/v2/", server.baseUrl() + "/v2.1/");

        Reply byName = get(trusting(ca.caFile()), "https://localhost:" + server.port() + "/v2.1/");
        assertThat(byName.json().at("/version/links/0/href").asText())
                .isEqualTo("https://localhost:" + server.port() + "/v2.1/");
    }

    @Test
    void theComputeClientWorksOverHttpsWhenItTrustsTheCa() {
        ComputeApiClient client = ComputeApiClient.create(server.baseUrl(), TestServer.ADMIN, TIMEOUT,
                trusting(ca.caFile()));
        assertThat(client.versionDocument().maxVersion().toString()).isEqualTo("2.104");
        assertThat(client.services(null, null)).isEmpty();
    }

    @Test
    void aClientThatDoesNotTrustTheServersCaRefusesItSayingWhichCasItTrusts() {
        ComputeApiClient withJdkCas = ComputeApiClient.create(server.baseUrl(), TestServer.ADMIN, TIMEOUT,
                ClientTls.systemTrust());
        assertThatThrownBy(withJdkCas::versionDocument)
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessage("cannot reach " + server.baseUrl() + ": TLS: the server's certificate is not signed by a"
                        + " CA this client trusts (it trusts the JDK's CA certificates)");

        Path otherCa = TestCertificates.authority(folder, "other").caFile();
        ComputeApiClient withOtherCa = ComputeApiClient.create(server.baseUrl(), TestServer.ADMIN, TIMEOUT,
                trusting(otherCa));
        assertThatThrownBy(withOtherCa::versionDocument)
                .isInstanceOf(ServerUnreachableException.class)
                .hasMessage("cannot reach " + server.baseUrl() + ": TLS: the server's certificate is not signed by a"
                        + " CA this client trusts (it trusts the CA certificates of --os-cacert (" + otherCa + "))");
    }

    @Test
    void tls12IsSpokenAndTls13IsPreferred() throws Exception {
        assertThat(handshake(List.of("TLSv1.2"))).isEqualTo("TLSv1.2");
        assertThat(handshake(List.of("TLSv1.3", "TLSv1.2"))).isEqualTo("TLSv1.3");
    }

    private String handshake(List<String> protocols) throws IOException {
        try (SSLSocket socket = (SSLSocket) trusting(ca.caFile()).context().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
                    (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(protocols.toArray(new String[0]));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    @Test
    void aPlainHttpRequestToTheHttpsPortIsRefusedAtOnceNotLeftHanging() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
                    (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Within the read timeout the server closes the connection (a hang fails the read): after a TLS
            // alert record (content type 21), after a 400, or at once.
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.US_ASCII);
            assertThat(answer.length == 0 || answer[0] == 21 || text.startsWith("HTTP/1.1 400"))
                    .as("answer: '" + text + "'").isTrue();
        }
    }

    @Test
    void anAgentWithAClientCertificateSignedByTheCaReports() {
        AgentApiClient agent = new AgentApiClient(List.of(agentsNeedCertificates.baseUrl()),
                TokenSource.none(), AGENT, TIMEOUT, agentTls(ca.caFile(), ca.client("agent", "compute-1")));
        assertThat(agent.register(List.of(new ServiceKey("compute-1", "nova-compute")))).hasSize(1);
        assertThat(agent.heartbeat(List.of(new ServiceKey("compute-1", "nova-compute")))).isEmpty();
    }

    @Test
    void anAgentWithoutAClientCertificateIsRefusedWhenTheServerHasAClientCa() {
        AgentApiClient agent = new AgentApiClient(List.of(agentsNeedCertificates.baseUrl()),
                TokenSource.none(), AGENT, TIMEOUT, trusting(ca.caFile()));
        assertThatThrownBy(() -> agent.heartbeat(List.of(new ServiceKey("compute-1", "nova-compute"))))
                .isInstanceOfSatisfying(ApiCallException.class, e -> assertThat(e.status()).isEqualTo(403))
                .hasMessage("The agent interface needs a client certificate signed by the API's CA.");
    }

    @Test
    void theAgentInterfaceRefusesWithoutACertificateAsANovaFault() throws Exception {
        Reply reply = get(trusting(ca.caFile()), agentsNeedCertificates.baseUrl() + "/agent/v1/heartbeats");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json()).isEqualTo(Reply.parse("""
                {"forbidden": {"code": 403,
                  "message": "The agent interface needs a client certificate signed by the API's CA."}}"""));
    }

    @Test
    void theAgentInterfaceAnswersWithoutAClientCertificateWhenTheServerHasNoClientCa() {
        AgentApiClient agent = new AgentApiClient(List.of(server.baseUrl()), TokenSource.none(), AGENT,
                TIMEOUT, trusting(ca.caFile()));
        assertThat(agent.register(List.of(new ServiceKey("compute-2", "nova-compute")))).hasSize(1);
    }

    @Test
    void anAgentWhoseCertificateAnotherCaSignedIsRefused() {
        // The server names its CA when it asks for a certificate; the JDK's client then offers none of another's.
        TestCertificates other = TestCertificates.authority(folder, "stranger");
        AgentApiClient agent = new AgentApiClient(List.of(agentsNeedCertificates.baseUrl()),
                TokenSource.none(), AGENT, TIMEOUT, agentTls(ca.caFile(), other.client("stranger", "x")));
        assertThatThrownBy(() -> agent.heartbeat(List.of(new ServiceKey("compute-1", "nova-compute"))))
                .isInstanceOfSatisfying(ApiCallException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void thePublicApiNeedsNoClientCertificateWhenTheServerHasAClientCa() throws Exception {
        Reply reply = get(trusting(ca.caFile()), agentsNeedCertificates.baseUrl() + "/v2.1/os-services");
        assertThat(reply.status()).isEqualTo(200);
    }
}
