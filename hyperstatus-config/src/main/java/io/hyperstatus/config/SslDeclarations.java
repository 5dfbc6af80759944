package io.hyperstatus.config;

import java.nio.file.Path;
import java.util.List;

/** The API server's {@code [ssl]} options, with oslo.service's names: the API's certificate, key and client CA. */
final class SslDeclarations {
    static final String SECTION = "ssl";

    static final Option<Path> CERT_FILE = Option.computed(SECTION, "cert_file", ValueTypes.path(), "(none: plain HTTP)",
            "PEM certificate chain (the server's certificate first); when set, the API listens with HTTPS only"
                    + " (TLS 1.2 or later), see [docs/tls.md](docs/tls.md)").blankMeansDefault();
    static final Option<Path> KEY_FILE = Option.computed(SECTION, "key_file", ValueTypes.path(),
            "(none; needed with `cert_file`)", "PEM private key of `cert_file` (PKCS#8 or PKCS#1/SEC1, unencrypted)")
            .blankMeansDefault();
    static final Option<Path> CA_FILE = Option.computed(SECTION, "ca_file", ValueTypes.path(),
            "(none: no client certificates)",
            "PEM CA certificates; when set, calls of the agent interface need a client certificate they signed")
            .blankMeansDefault();

    static final OptionGroup GROUP = new OptionGroup("ssl", List.of(CERT_FILE, KEY_FILE, CA_FILE));

    private SslDeclarations() {
    }
}
