package io.hyperstatus.server.jetty;

import io.hyperstatus.server.api.RequestIds;
import io.hyperstatus.server.api.error.Faults;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nova's JSON fault for every answer Jetty writes by itself: a request it could not parse, a body too large or
 * too slow, a full queue. The body says what the status means, never what failed inside. Each is logged on
 * one line, as the API's request log logs the requests that reach it.
 */
final class HttpLayerErrors implements Request.Handler {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.api");
    /** Marks a request whose client went away: its one log line is written, the error answer adds none. */
    static final String CLIENT_GONE = "hyperstatus.client_gone";

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Throwable cause = (Throwable) request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        if (cause instanceof HttpException failure) {
            status = failure.getCode();
        }
        String message = message(status);
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            // A request line naming another protocol or version is the client's fault: a 4xx, not a 5xx.
            status = HttpStatus.BAD_REQUEST_400;
            message = "HTTP version not supported; use HTTP/1.1.";
        }
        response.setStatus(status);
        String requestId = RequestIds.newId();
        for (String header : RequestIds.HEADERS) {
            response.getHeaders().put(header, requestId);
        }
        if (request.getAttribute(CLIENT_GONE) == null) {
            LOG.info("{} {} {} status: {} (answered by the HTTP layer{})", requestId, request.getMethod(),
                    request.getHttpURI() == null ? "-" : request.getHttpURI().getPathQuery(), status,
                    cause == null ? "" : ": " + cause.getClass().getSimpleName());
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Faults.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(Faults.body(status, message)), callback);
        return true;
    }

    private static String message(int status) {
        return switch (status) {
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "Request is too large.";
            case HttpStatus.REQUEST_TIMEOUT_408 -> "The request body did not arrive in time.";
            case HttpStatus.SERVICE_UNAVAILABLE_503 -> "Too many requests are waiting; try again later.";
            default -> HttpStatus.getMessage(status);
        };
    }
}
