package io.hyperstatus.server.api;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request: {@code <request-id> <METHOD> <path?query> status: N len: N time: N ms}. */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.api");

    private final StreamingResponder responder;

    RequestLog(StreamingResponder responder) {
        this.responder = responder;
    }

    void log(Context ctx, Float millis) {
        LOG.info("{} {} {} status: {} len: {} time: {} ms", Answers.requestId(ctx), ctx.method(),
                ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), ctx.statusCode(),
                responder.writtenBytes(ctx), String.format("%.1f", millis));
    }
}
