package io.hyperstatus.server.testing.fuzz;

/**
 * What came back for one request: a status (0 when nothing usable came back, then {@code failure} says what
 * happened), the Content-Type, the body as text and how long it took.
 */
public record Answer(int status, String contentType, String body, long millis, String failure) {
    public static Answer failed(String failure, long millis) {
        return new Answer(0, null, "", millis, failure);
    }

    public boolean answered() {
        return failure == null;
    }
}
