package io.hyperstatus.config;

import java.util.Optional;

/**
 * The API server's {@code [ssl]} options, present when {@code cert_file} is set: the server's certificate chain
 * and key, and the CA whose client certificates the agent interface asks for. The files are read (and checked)
 * when the server starts, not here: a configuration file shared with an agent on another machine is still
 * readable there.
 */
public record SslOptions(PemFile certFile, PemFile keyFile, Optional<PemFile> caFile) {

    /** Empty without {@code cert_file}; the key without the certificate (or the other way) is refused by name. */
    static Optional<SslOptions> from(IniOptions ini) {
        Optional<PemFile> cert = pem(ini, SslDeclarations.CERT_FILE);
        Optional<PemFile> key = pem(ini, SslDeclarations.KEY_FILE);
        Optional<PemFile> ca = pem(ini, SslDeclarations.CA_FILE);
        if (cert.isEmpty()) {
            key.ifPresent(k -> {
                throw SslDeclarations.KEY_FILE.invalidBecause("set without " + SslDeclarations.CERT_FILE);
            });
            ca.ifPresent(c -> {
                throw SslDeclarations.CA_FILE.invalidBecause("set without " + SslDeclarations.CERT_FILE
                        + ": client certificates need HTTPS");
            });
            return Optional.empty();
        }
        if (key.isEmpty()) {
            throw new ConfigException("Missing value for option " + SslDeclarations.KEY_FILE + ": needed when "
                    + SslDeclarations.CERT_FILE + " is set");
        }
        return Optional.of(new SslOptions(cert.get(), key.get(), ca));
    }

    static Optional<PemFile> pem(IniOptions ini, Option<java.nio.file.Path> option) {
        return ini.find(option).map(path -> new PemFile(option.toString(), path));
    }
}
