package io.hyperstatus.client.tls;

import io.hyperstatus.config.ClientTlsOptions;
import io.hyperstatus.config.PemFile;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What a client's HTTPS connections use: its TLS context, and which CAs it trusts, for the message that says why
 * a server's certificate was refused.
 */
public final class ClientTls {
    private final SSLContext context;
    private final String trusted;

    private ClientTls(SSLContext context, String trusted) {
        this.context = Objects.requireNonNull(context, "context");
        this.trusted = Objects.requireNonNull(trusted, "trusted");
    }

    /** The JDK's CA certificates, no client certificate. */
    public static ClientTls systemTrust() {
        return of(ClientTlsOptions.SYSTEM_TRUST);
    }

    /** Reads the files now: a missing or wrong one is refused naming its option. */
    public static ClientTls of(ClientTlsOptions options) {
        return new ClientTls(TlsContexts.client(options.caFile(), options.certFile(), options.keyFile()),
                options.caFile().map(ClientTls::describe).orElse("the JDK's CA certificates"));
    }

    public SSLContext context() {
        return context;
    }

    /** Such as "the CA certificates of --os-cacert (/etc/ca.pem)". */
    public String trusted() {
        return trusted;
    }

    private static String describe(PemFile caFile) {
        return "the CA certificates of " + caFile.option() + " (" + caFile.path() + ")";
    }
}
