package io.hyperstatus.server.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Comparator;
import java.util.List;

/**
 * openstack-exporter's {@code openstack_nova_agent_state}, with its name, help, label names and values, so that
 * dashboards and alerts written for it work unchanged. openstack-exporter reads {@code GET /os-services} at
 * microversion 2.87, so {@code id} is the service's UUID, {@code zone} is what that listing says, and a missing
 * reason is the empty string. Its samples are in the order client_golang writes them: by the label values, the
 * labels taken in name order. It declares the family a counter; a 0/1 state is a gauge, and Prometheus stores both
 * alike.
 */
final class OpenstackExporterSeries {
    static final String AGENT_STATE = "openstack_nova_agent_state";

    private static final Comparator<ServiceSeries.Row> GO_ORDER = Comparator
            .comparing((ServiceSeries.Row row) -> adminState(row))
            .thenComparing(row -> disabledReason(row))
            .thenComparing(ServiceSeries.Row::host)
            .thenComparing(row -> row.service().uuid())
            .thenComparing(ServiceSeries.Row::binary)
            .thenComparing(ServiceSeries.Row::zone);

    private OpenstackExporterSeries() {
    }

    static GaugeSnapshot agentState(List<ServiceSeries.Row> rows) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(AGENT_STATE).help("agent_state");
        rows.stream().sorted(GO_ORDER).forEach(row -> family.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of("id", row.service().uuid(), "hostname", row.host(), "service", row.binary(),
                        "adminState", adminState(row), "zone", row.zone(), "disabledReason", disabledReason(row)))
                .value(row.up() ? 1 : 0).build()));
        return family.build();
    }

    private static String adminState(ServiceSeries.Row row) {
        return row.enabled() ? "enabled" : "disabled";
    }

    private static String disabledReason(ServiceSeries.Row row) {
        String reason = row.service().disabledReason();
        return reason == null ? "" : reason;
    }
}
