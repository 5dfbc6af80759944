package io.hyperstatus.server.api;

/**
 * What an action answers: a status and a JSON body (none for 204), either as bytes or, for a response whose size
 * grows with the cloud, as a writer that produces it while it is sent.
 */
public record ApiResponse(int status, byte[] body, Json.Writer streamedBody) {
    public ApiResponse {
        if ((body == null) == (streamedBody == null)) {
            throw new IllegalArgumentException("a response has either a body or a streamed body");
        }
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

    public boolean isStreamed() {
        return streamedBody != null;
    }
}
