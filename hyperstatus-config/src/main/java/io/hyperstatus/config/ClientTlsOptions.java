package io.hyperstatus.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How a client (the agent, the command line) checks the API servers' certificates and proves its own, as the
 * OpenStack clients' CA, certificate and key file options do: without a CA file the JDK's CA
 * certificates are trusted; without a key file the key is read from the certificate file, which then holds both.
 */
public record ClientTlsOptions(Optional<PemFile> caFile, Optional<PemFile> certFile, Optional<PemFile> keyFile) {
    public static final ClientTlsOptions SYSTEM_TRUST = new ClientTlsOptions(Optional.empty(), Optional.empty(),
            Optional.empty());

    public ClientTlsOptions {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        if (keyFile.isPresent() && certFile.isEmpty()) {
            throw keyFile.get().invalid("is set without a client certificate");
        }
    }

    /** The agent's {@code [agent] cafile}, {@code certfile} and {@code keyfile}. */
    static ClientTlsOptions forAgent(IniOptions ini) {
        Optional<PemFile> cert = SslOptions.pem(ini, AgentDeclarations.CERTFILE);
        Optional<PemFile> key = SslOptions.pem(ini, AgentDeclarations.KEYFILE);
        if (key.isPresent() && cert.isEmpty()) {
            throw AgentDeclarations.KEYFILE.invalidBecause("set without " + AgentDeclarations.CERTFILE);
        }
        return new ClientTlsOptions(SslOptions.pem(ini, AgentDeclarations.CAFILE), cert, key);
    }
}
