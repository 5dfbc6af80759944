package io.hyperstatus.server.api;

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

    public ApiResponse(int status, byte[] body, Json.Writer streamedBody) {
        if ((body == null) == (streamedBody == null)) {
            throw new IllegalArgumentException("a response has either a body or a streamed body");
        }
        this.status = status;
        this.body = body;
        this.streamedBody = streamedBody;
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
        return "ApiResponse[status=" + status + (isStreamed() ? ", streamed" : ", " + body.length + " bytes") + "]";
    }
}
