package io.hyperstatus.server.api.error;

/** An answer in Nova's fault format: {@code {"<faultName>": {"code": status, "message": message}}}. */
public final class ApiException extends RuntimeException {
    /** Keystone's words for a request without valid credentials, which Nova's API passes on. */
    public static final String AUTHENTICATION_REQUIRED = "The request you have made requires authentication.";

    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, AUTHENTICATION_REQUIRED);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** The generic 404 of a route that does not exist at the requested microversion. */
    public static ApiException resourceNotFound() {
        return new ApiException(404, "The resource could not be found.");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
