package io.hyperstatus.server.jetty;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** What the servlet API cannot do for a response under way: abort its connection, count the bytes it wrote. */
public final class ServletConnections {
    /** Breaks the connection, so that a response that failed after it started never looks complete. */
    public void abort(Context ctx, Throwable failure) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(failure);
    }

    /**
     * The body's length: what was written to the response, counting bytes still in its buffer. Nothing is flushed
     * here: a response committed early could no longer tell the client that the connection will close.
     */
    public long writtenBytes(Context ctx) {
        return ServletContextRequest.getServletContextRequest(ctx.req()).getServletContextResponse().getHttpOutput()
                .getWritten();
    }
}
