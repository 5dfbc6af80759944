package io.hyperstatus.server.api;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * What an action answers: a status and a JSON body (none for 204), either as bytes or, for a response whose size
 * grows with the cloud, as a writer that produces it while it is sent.
 *
 * <p>A class rather than a record because it holds an array: the bytes are handed over as they are, not copied
 * (every answer passes through here), and a record would give them identity equality anyway.
 */
public final class ApiResponse {
    private final int status;
    private final byte[] body;
    private final Json.Writer streamedBody;
    private final Takeover takeover;

    /**
     * An answer that is not one document but takes the request over (an event stream): it writes status, headers
     * and body itself, for as long as it lasts. It may still refuse with an exception before it has written anything.
     */
    @FunctionalInterface
    public interface Takeover {
        void run(Context ctx) throws IOException;
    }

    public ApiResponse(int status, byte[] body, Json.Writer streamedBody) {
        this(status, body, streamedBody, null);
    }

    private ApiResponse(int status, byte[] body, Json.Writer streamedBody, Takeover takeover) {
        if ((body != null ? 1 : 0) + (streamedBody != null ? 1 : 0) + (takeover != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("a response has a body, a streamed body or a takeover");
        }
        this.status = status;
        this.body = body;
        this.streamedBody = streamedBody;
        this.takeover = takeover;
    }

    /** A request taken over by {@code takeover}, which answers it itself. */
    public static ApiResponse takeover(Takeover takeover) {
        return new ApiResponse(200, null, null, takeover);
    }

    /** The takeover of such a response; null otherwise. */
    public Takeover takeover() {
        return takeover;
    }

    public ApiResponse(int status, byte[] body) {
        this(status, body, null);
    }

    public static ApiResponse ok(byte[] body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse ok(Json.Writer writer) {
        return new ApiResponse(200, Json.write(writer));
    }

    /** A 200 written straight to the client as the writer produces it, never held whole in memory. */
    public static ApiResponse streamed(Json.Writer writer) {
        return new ApiResponse(200, null, writer);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, new byte[0]);
    }

    public int status() {
        return status;
    }

    /** The body's bytes, not a copy; null for a streamed response. */
    public byte[] body() {
        return body;
    }

    /** The writer of a streamed response; null otherwise. */
    public Json.Writer streamedBody() {
        return streamedBody;
    }

    public boolean isStreamed() {
        return streamedBody != null;
    }

    @Override
    public String toString() {
        return "ApiResponse[status=" + status + (takeover != null ? ", taken over"
                : isStreamed() ? ", streamed" : ", " + body.length + " bytes") + "]";
    }
}
