package io.hyperstatus.server.api;

/** What an action answers: a status and a JSON body (none for 204). */
public record ApiResponse(int status, byte[] body) {
    public static ApiResponse ok(byte[] body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse ok(Json.Writer writer) {
        return new ApiResponse(200, Json.write(writer));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, new byte[0]);
    }
}
