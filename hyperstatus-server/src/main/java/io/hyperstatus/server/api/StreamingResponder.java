package io.hyperstatus.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperstatus.server.jetty.ServletConnections;
import io.javalin.http.Context;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an action's answer, writing a streamed body while it is produced; a response that breaks after it started
 * has its connection aborted.
 */
final class StreamingResponder {
    private static final Logger LOG = LoggerFactory.getLogger("hyperstatus.api");

    private final ServletConnections connections;

    StreamingResponder(ServletConnections connections) {
        this.connections = connections;
    }

    void respond(Context ctx, ApiResponse response) throws IOException {
        if (response.takeover() != null) {
            response.takeover().run(ctx);
            return;
        }
        ctx.status(response.status()).contentType("application/json");
        if (response.isStreamed()) {
            stream(ctx, response.streamedBody());
        } else {
            ctx.result(response.body());
        }
    }

    /**
     * A failure before anything was sent still becomes a fault; once bytes have gone the status cannot change, so
     * the connection is aborted and the client sees a broken response, never one that looks complete.
     */
    private void stream(Context ctx, Json.Writer writer) throws IOException {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(ctx.outputStream())
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            writer.write(json);
            json.flush();
        } catch (IOException | RuntimeException | Error e) {
            if (!ctx.res().isCommitted()) {
                ctx.res().resetBuffer();
                throw e;
            }
            if (e instanceof IOException) {
                // The client went away (or stopped reading): its business, worth one line and no trace.
                LOG.info("Response of {} {} [{}] not delivered, the connection broke: {}", ctx.method(), ctx.path(),
                        Answers.requestId(ctx), e.getClass().getSimpleName());
            } else {
                LOG.error("Response of {} {} [{}] failed after it started; connection aborted", ctx.method(),
                        ctx.path(), Answers.requestId(ctx), e);
            }
            Answers.markErrorWritten(ctx);
            connections.abort(ctx, e);
        }
    }

    /** The body's length so far, counting bytes still in the response's buffer. */
    long writtenBytes(Context ctx) {
        return connections.writtenBytes(ctx);
    }
}
