package io.hyperstatus.server.api;

/** Told of every request once it has been answered: for the request metrics. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (route, method, status, seconds) -> { };

    /**
     * {@code route}: the template of the route that answered (e.g. {@code /v2.1/os-hypervisors/{hypervisor_id}}),
     * or {@link #UNMATCHED} when no route did; {@code method} one of HTTP's few names.
     */
    void answered(String route, String method, int status, double seconds);

    String UNMATCHED = "unmatched";
}
