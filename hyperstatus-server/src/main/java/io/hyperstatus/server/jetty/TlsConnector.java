package io.hyperstatus.server.jetty;

import io.hyperstatus.client.tls.TlsContexts;
import io.hyperstatus.config.SslOptions;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * An HTTPS listener from the {@code [ssl]} options: the one place a listener's TLS is set up, for the API and
 * for any other listener of the server. The PEM files are read when this is made, so a missing, unreadable or
 * mismatched file stops start-up with its option's name. With {@code [ssl] ca_file}, clients are asked for a
 * certificate signed by it but not made to give one in the handshake: the agent interface refuses calls
 * without one ({@link #asksForClientCertificates()}), while operators' clients call the public API without.
 */
public final class TlsConnector {
    private final SSLContext context;
    private final boolean clientCertificates;

    public TlsConnector(SslOptions ssl) {
        this.context = TlsContexts.server(ssl);
        this.clientCertificates = ssl.caFile().isPresent();
    }

    /** Whether clients are asked for a certificate ({@code [ssl] ca_file} is set). */
    public boolean asksForClientCertificates() {
        return clientCertificates;
    }

    /**
     * A connector speaking HTTPS only (TLS 1.2 or 1.3, HTTP/1.1 inside) on {@code host:port}, with a copy of the
     * server's HTTP settings; requests on it have the secure scheme (for the links they are answered with) and carry
     * the client's verified certificate chain, if it gave one.
     */
    public ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        tls.setIncludeProtocols(TlsContexts.PROTOCOLS.toArray(new String[0]));
        tls.setWantClientAuth(clientCertificates);
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
