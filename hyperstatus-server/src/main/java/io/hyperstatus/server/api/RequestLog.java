package io.hyperstatus.server.api;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: {@code <request-id> <METHOD> <path?query> status: N len: N time: N ms}; and the request,
 * by its route's template, to the observer of the request metrics.
 */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.api");

    private final StreamingResponder responder;
    private final RequestObserver observer;

    RequestLog(StreamingResponder responder, RequestObserver observer) {
        this.responder = responder;
        this.observer = observer;
    }

    void log(Context ctx, Float millis) {
        observer.answered(route(ctx), ctx.method().name(), ctx.statusCode(), millis / 1000.0);
        LOG.info("{} {} {} status: {} len: {} time: {} ms", Answers.requestId(ctx), ctx.method(),
                ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), ctx.statusCode(),
                responder.writtenBytes(ctx), String.format("%.1f", millis));
    }

    /** The template of the route that answered: few values whatever the paths asked for. */
    private static String route(Context ctx) {
        io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? RequestObserver.UNMATCHED : matched.path;
    }
}
