package io.hyperstatus.server.api;

import io.javalin.http.Context;
import java.security.cert.X509Certificate;

/**
 * With {@code [ssl] ca_file}, the agent interface answers only clients that gave a certificate signed by that CA
 * (the TLS handshake has checked it; a certificate it could not check ends the handshake). The public API does
 * not ask for one: operators' clients reach it with their token alone.
 */
final class ClientCertificates {
    /** Where a servlet container puts the client's verified chain (Jakarta Servlet, section 3.9). */
    private static final String CHAIN = "jakarta.servlet.request.X509Certificate";

    private ClientCertificates() {
    }

    static void require(Context ctx) {
        if (!(ctx.req().getAttribute(CHAIN) instanceof X509Certificate[] chain) || chain.length == 0) {
            Answers.fault(ctx, 403, "The agent interface needs a client certificate signed by the API's CA.");
            ctx.skipRemainingHandlers();
        }
    }
}
