package io.hyperstatus.server.api;

import io.hyperstatus.protocol.Microversion;
import io.hyperstatus.server.api.microversion.MicroversionNegotiator;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The microversion step of a request: the version asked for in its headers, echoed in the answer's. */
final class MicroversionHeaders {
    private final MicroversionNegotiator negotiator;

    MicroversionHeaders(MicroversionNegotiator negotiator) {
        this.negotiator = negotiator;
    }

    /** The version to serve, already echoed; throws the 400 or 406 of a version that cannot be served. */
    Microversion negotiate(Context ctx) {
        Microversion version = negotiator.negotiate(headerValues(ctx, MicroversionNegotiator.HEADER),
                headerValues(ctx, MicroversionNegotiator.LEGACY_HEADER));
        echo(ctx, version.toString());
        return version;
    }

    /** Names the version in both headers, as Nova does, even a version it refuses. */
    static void echo(Context ctx, String version) {
        ctx.header(MicroversionNegotiator.HEADER, "compute " + version);
        ctx.header(MicroversionNegotiator.LEGACY_HEADER, version);
        ctx.res().addHeader("Vary", MicroversionNegotiator.HEADER);
        ctx.res().addHeader("Vary", MicroversionNegotiator.LEGACY_HEADER);
    }

    private static List<String> headerValues(Context ctx, String name) {
        return new ArrayList<>(Collections.list(ctx.req().getHeaders(name)));
    }
}
