package io.hyperstatus.server.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.client.ComputeApiClient;
import io.hyperstatus.client.tls.ClientTls;
import io.hyperstatus.config.ClientTlsOptions;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.config.PemFile;
import io.hyperstatus.config.SslOptions;
import io.hyperstatus.server.testing.TestCertificates;
import io.hyperstatus.server.testing.TestCertificates.Issued;
import io.hyperstatus.server.testing.TestCertificates.KeyForm;
import io.hyperstatus.server.testing.TestServer;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PEM files of {@code [ssl]} and of the clients: the forms operators have are read, and a missing, empty,
 * wrong or mismatched file stops start-up with a message naming its option and the file.
 */
class TlsFilesTest {
    @TempDir
    static Path folder;
    private static TestCertificates ca;
    private static Issued api;

    @BeforeAll
    static void makeCertificates() {
        ca = TestCertificates.authority(folder, "files");
        api = ca.server("api");
    }

    private static SslOptions ssl(Path cert, Path key, Path clientCa) {
        return HyperstatusConfig.parse("[ssl]\ncert_file = " + cert + "\nkey_file = " + key + "\n"
                + (clientCa == null ? "" : "ca_file = " + clientCa + "\n")).ssl().orElseThrow();
    }

    @Test
    void aCertificateAndKeyThatBelongTogetherAreAccepted() {
        assertThat(new TlsConnector(ssl(api.certificate(), api.key(), ca.caFile())).asksForClientCertificates())
                .isTrue();
        assertThat(new TlsConnector(ssl(api.certificate(), api.key(), null)).asksForClientCertificates()).isFalse();
    }

    @Test
    void aMissingFileStopsStartUpNamingItsOption() {
        Path missing = folder.resolve("missing.pem");
        assertThatThrownBy(() -> new TlsConnector(ssl(missing, api.key(), null)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [ssl] cert_file: '" + missing + "' does not exist");
        assertThatThrownBy(() -> new TlsConnector(ssl(api.certificate(), missing, null)))
                .hasMessage("Invalid value for option [ssl] key_file: '" + missing + "' does not exist");
        assertThatThrownBy(() -> new TlsConnector(ssl(api.certificate(), api.key(), missing)))
                .hasMessage("Invalid value for option [ssl] ca_file: '" + missing + "' does not exist");
        assertThatThrownBy(() -> new TlsConnector(ssl(api.certificate(), api.key(), folder)))
                .hasMessage("Invalid value for option [ssl] ca_file: '" + folder + "' is not a file");
    }

    @Test
    void theKeyOfAnotherCertificateStopsStartUp() {
        Issued other = ca.server("other");
        assertThatThrownBy(() -> new TlsConnector(ssl(api.certificate(), other.key(), null)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [ssl] key_file: '" + other.key() + "' is not the key of the"
                        + " certificate in [ssl] cert_file ('" + api.certificate() + "')");
    }

    @Test
    void filesSwappedOrWithoutWhatTheyShouldHoldStopStartUp() throws IOException {
        assertThatThrownBy(() -> new TlsConnector(ssl(api.key(), api.certificate(), null)))
                .hasMessage("Invalid value for option [ssl] cert_file: '" + api.key() + "' holds no PEM certificate"
                        + " (-----BEGIN CERTIFICATE-----)");
        assertThatThrownBy(() -> new TlsConnector(ssl(api.certificate(), api.certificate(), null)))
                .hasMessage("Invalid value for option [ssl] key_file: '" + api.certificate() + "' holds no PEM"
                        + " private key (-----BEGIN PRIVATE KEY-----, or RSA/EC PRIVATE KEY)");
        Path empty = Files.writeString(folder.resolve("empty.pem"), "");
        assertThatThrownBy(() -> new TlsConnector(ssl(api.certificate(), api.key(), empty)))
                .hasMessage("Invalid value for option [ssl] ca_file: '" + empty + "' holds no PEM certificate"
                        + " (-----BEGIN CERTIFICATE-----)");
    }

    @Test
    void aDamagedPemBlockStopsStartUpWithoutAStackTraceInTheMessage() throws IOException {
        Path damaged = Files.writeString(folder.resolve("damaged.pem"),
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> new TlsConnector(ssl(damaged, api.key(), null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value for option [ssl] cert_file: '" + damaged + "' cannot be read"
                        + " as PEM: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEncryptedKeyIsRefusedSayingHowToDecryptIt() throws IOException, OperatorCreationException {
        KeyPair keys = TestCertificates.rsaKeys();
        Issued rsa = ca.server("encrypted", keys, KeyForm.PKCS8);
        Path encrypted = folder.resolve("encrypted-key.pem");
        try (Writer out = Files.newBufferedWriter(encrypted); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(new JcaPKCS8Generator(keys.getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                            .setProvider(new BouncyCastleProvider()).setPassword("secret".toCharArray()).build()));
        }
        assertThatThrownBy(() -> new TlsConnector(ssl(rsa.certificate(), encrypted, null)))
                .hasMessage("Invalid value for option [ssl] key_file: '" + encrypted + "' holds an encrypted private"
                        + " key; give it unencrypted (openssl pkey -in KEY -out PLAIN_KEY) and readable by this"
                        + " service only");
    }

    @Test
    void aServerWithAWrongFileDoesNotStart() {
        Path missing = folder.resolve("nowhere.pem");
        assertThatThrownBy(() -> TestServer.start("[ssl]\ncert_file = " + api.certificate() + "\nkey_file = "
                + missing + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [ssl] key_file: '" + missing + "' does not exist");
    }

    @Test
    void pkcs1AndSec1KeysServeAsWellAsPkcs8Ones() {
        Issued rsaPkcs1 = ca.server("rsa", TestCertificates.rsaKeys(), KeyForm.TRADITIONAL);
        Issued ecSec1 = ca.server("ec", ecKeys(), KeyForm.TRADITIONAL);
        assertThat(firstLine(rsaPkcs1.key())).isEqualTo("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(firstLine(ecSec1.key())).isEqualTo("-----BEGIN EC PRIVATE KEY-----");
        for (Issued certificate : new Issued[] {rsaPkcs1, ecSec1}) {
            try (TestServer server = TestServer.start("[ssl]\ncert_file = " + certificate.certificate()
                    + "\nkey_file = " + certificate.key() + "\n")) {
                ComputeApiClient client = ComputeApiClient.create(server.baseUrl(), TestServer.ADMIN,
                        Duration.ofSeconds(10), ClientTls.of(new ClientTlsOptions(
                                Optional.of(new PemFile("--os-cacert", ca.caFile())), Optional.empty(),
                                Optional.empty())));
                assertThat(client.services(null, null)).as(certificate.key().toString()).isEmpty();
            }
        }
    }

    @Test
    void aClientCertificateWithItsKeyInTheSameFileIsRead() throws IOException {
        Issued agent = ca.client("combined", "compute-1");
        Path combined = Files.writeString(folder.resolve("combined-both.pem"),
                Files.readString(agent.certificate()) + Files.readString(agent.key()));
        assertThat(ClientTls.of(new ClientTlsOptions(Optional.of(new PemFile("[agent] cafile", ca.caFile())),
                Optional.of(new PemFile("[agent] certfile", combined)), Optional.empty())).context()).isNotNull();
        assertThatThrownBy(() -> ClientTls.of(new ClientTlsOptions(Optional.empty(),
                Optional.of(new PemFile("[agent] certfile", agent.certificate())), Optional.empty())))
                .hasMessage("Invalid value for option [agent] certfile: '" + agent.certificate() + "' holds no PEM"
                        + " private key (-----BEGIN PRIVATE KEY-----, or RSA/EC PRIVATE KEY)");
    }

    @Test
    void aClientsMissingCaFileIsRefusedNamingItsOption() {
        Path missing = folder.resolve("no-ca.pem");
        assertThatThrownBy(() -> ClientTls.of(new ClientTlsOptions(Optional.of(new PemFile("[agent] cafile",
                missing)), Optional.empty(), Optional.empty())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [agent] cafile: '" + missing + "' does not exist");
    }

    private static KeyPair ecKeys() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
