package io.hyperstatus.server.api.error;

import io.hyperstatus.server.api.Json;

/** Renders Nova's fault bodies, naming each status the way Nova does. */
public final class Faults {
    public static final String CONTENT_TYPE = "application/json; charset=UTF-8";

    private Faults() {
    }

    public static String faultName(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }

    /** A fault body, written like every other body (messages may echo non-ASCII input). */
    public static byte[] body(int status, String message) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart(faultName(status));
            json.writeNumberField("code", status);
            json.writeStringField("message", message);
            json.writeEndObject();
            json.writeEndObject();
        });
    }
}
