package io.hyperstatus.server.api;

import io.hyperstatus.server.api.error.Faults;
import io.javalin.http.Context;

/**
 * Writing the answers the server gives outside an action: Nova's faults, plain JSON, and the mark that an error
 * answer is already written (so that Javalin's 404 page handler leaves it alone).
 */
final class Answers {
    private static final String ERROR_WRITTEN = "hyperstatus.fault";

    private Answers() {
    }

    static void fault(Context ctx, int status, String message) {
        markErrorWritten(ctx);
        // Jetty spells this "application/json;charset=utf-8": the same media type and charset as Nova's.
        ctx.status(status).contentType(Faults.CONTENT_TYPE).result(Faults.body(status, message));
    }

    static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType("application/json").result(body);
    }

    static void markErrorWritten(Context ctx) {
        ctx.attribute(ERROR_WRITTEN, true);
    }

    static boolean errorWritten(Context ctx) {
        return ctx.attribute(ERROR_WRITTEN) != null;
    }

    /** The id given to this request before anything else happened to it. */
    static String requestId(Context ctx) {
        return ctx.res().getHeader(RequestIds.REQUEST_ID);
    }
}
