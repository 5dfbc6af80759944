package io.hyperstatus.server.api;

import java.util.List;
import java.util.UUID;

/** The id of each request, as Nova gives it: {@code req-<uuid>}, in both of Nova's response headers. */
public final class RequestIds {
    public static final String REQUEST_ID = "x-openstack-request-id";
    public static final String COMPUTE_REQUEST_ID = "x-compute-request-id";
    /** The headers that carry it, every one the same id. */
    public static final List<String> HEADERS = List.of(REQUEST_ID, COMPUTE_REQUEST_ID);

    private RequestIds() {
    }

    public static String newId() {
        return "req-" + UUID.randomUUID();
    }
}
