package io.hyperstatus.client.tls;

import io.hyperstatus.config.ConfigException;
import io.hyperstatus.config.PemFile;
import io.hyperstatus.config.SslOptions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK TLS contexts hyperstatus's listeners and clients use, built from PEM files: a server's (its key and
 * chain, and the CA whose client certificates it checks) and a client's (the CAs it trusts, and its own key).
 * Built when a process starts, so a wrong file stops start-up with the option's name.
 */
public final class TlsContexts {
    /** TLS 1.2 and 1.3 only, as every current client speaks them and the older versions are broken. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private TlsContexts() {
    }

    /** A listener's context: {@code [ssl] cert_file} and {@code key_file}, and {@code ca_file} when set. */
    public static SSLContext server(SslOptions ssl) {
        return context(Optional.of(keyManagers(ssl.certFile(), ssl.keyFile())),
                ssl.caFile().map(TlsContexts::trustManagers), ssl.certFile());
    }

    /**
     * A client's context: the CAs of {@code caFile} (else the JDK's), and the client's key when
     * {@code certFile} is set; the key is read from {@code keyFile}, else from {@code certFile} itself.
     */
    public static SSLContext client(Optional<PemFile> caFile, Optional<PemFile> certFile, Optional<PemFile> keyFile) {
        PemFile named = caFile.or(() -> certFile).orElse(null);
        if (named == null) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK offers no TLS", e);
            }
        }
        return context(certFile.map(cert -> keyManagers(cert, keyFile.orElse(cert))),
                caFile.map(TlsContexts::trustManagers), named);
    }

    private static KeyManager[] keyManagers(PemFile chain, PemFile key) {
        KeyStore store = PemFiles.keyStore(chain, key);
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, PemFiles.keyPassword());
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw key.invalid("cannot be used: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(PemFile caFile) {
        KeyStore store = PemFiles.trustStore(caFile);
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw caFile.invalid("cannot be used: " + e.getMessage(), e);
        }
    }

    /** Empty managers mean the JDK's: its CA certificates, and no key of one's own. */
    private static SSLContext context(Optional<KeyManager[]> keys, Optional<TrustManager[]> trust, PemFile named) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.orElse(null), trust.orElse(null), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS with " + named.option() + ": " + e.getMessage(), e);
        }
    }
}
