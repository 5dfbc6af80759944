package io.hyperstatus.server.metrics;

import io.hyperstatus.server.api.RequestObserver;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * {@code hyperstatus_http_request_duration_seconds}: how long requests took, by the template of their route, method
 * and class of status, so that every label has few values whatever a client asks for. Classic buckets only, from
 * 5 ms (a cached hypervisor) to 10 s (a long listing of a large cloud).
 */
final class RequestDurations implements RequestObserver {
    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final Histogram histogram;

    RequestDurations(PrometheusRegistry registry) {
        this.histogram = Histogram.builder()
                .name("hyperstatus_http_request_duration_seconds")
                .unit(Unit.SECONDS)
                .help("Time from a request's arrival to the end of its answer, by route template, method and status"
                        + " class")
                .labelNames("route", "method", "status_class")
                .classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
    }

    @Override
    public void answered(String route, String method, int status, double seconds) {
        int hundreds = status / 100;
        String statusClass = hundreds >= 1 && hundreds <= 5 ? CLASSES[hundreds - 1] : "other";
        histogram.labelValues(route, method, statusClass).observe(seconds);
    }
}
