package io.hyperstatus.server.metrics;

import io.hyperstatus.core.StoreUnavailableException;
import io.hyperstatus.core.port.KeysetCursor;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.core.zones.StateCounts;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceWithState;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services as the database has them at the instant of the scrape, read in batches: a deleted service's series
 * are simply gone from the next scrape. Per service (unless {@code per_service} is off) the native series and
 * openstack-exporter's {@code openstack_nova_agent_state}; always the counts per zone, binary, state and status.
 * API services are left out, as the API's listing leaves them out. When the database cannot be read, the families
 * are absent from that scrape and {@code hyperstatus_metrics_scrape_failures_total}, written with them, counts it.
 */
final class ServiceSeries implements MultiCollector {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceSeries.class);
    static final String UP = "hyperstatus_service_up";
    static final String ENABLED = "hyperstatus_service_enabled";
    static final String FORCED_DOWN = "hyperstatus_service_forced_down";
    static final String LAST_HEARTBEAT = "hyperstatus_service_last_heartbeat_timestamp_seconds";
    static final String COUNTS = "hyperstatus_services";
    static final String SCRAPE_FAILURES = "hyperstatus_metrics_scrape_failures";

    private final ServiceQueries services;
    private final ServiceZones zones;
    private final int batchSize;
    private final boolean perService;
    private final LongAdder failures = new LongAdder();

    ServiceSeries(ServiceQueries services, ServiceZones zones, int batchSize, boolean perService) {
        this.services = Objects.requireNonNull(services, "services");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.batchSize = batchSize;
        this.perService = perService;
    }

    @Override
    public MetricSnapshots collect() {
        // One build at a time: a large cloud's snapshots take a few hundred MB, and two Prometheus servers (an HA
        // pair) scraping at once would otherwise need twice that.
        synchronized (this) {
            return build();
        }
    }

    private MetricSnapshots build() {
        List<Row> rows;
        try {
            rows = read();
        } catch (StoreUnavailableException e) {
            failures.increment();
            return MetricSnapshots.builder().metricSnapshot(failures()).build();
        } catch (RuntimeException e) {
            // Anything else is a fault of ours: the scrape still serves the rest, and the log says what it was.
            failures.increment();
            LOG.warn("Services could not be read for the metrics: {}", e.toString());
            return MetricSnapshots.builder().metricSnapshot(failures()).build();
        }
        MetricSnapshots.Builder families = MetricSnapshots.builder().metricSnapshot(failures());
        if (perService) {
            families.metricSnapshot(OpenstackExporterSeries.agentState(rows));
            rows.sort(Comparator.comparing(Row::host).thenComparing(Row::binary));
            // One set of labels per service for its four families: building (and validating) them is a good part
            // of a scrape of a large cloud.
            List<Labels> labels = new ArrayList<>(rows.size());
            for (Row row : rows) {
                labels.add(row.labels());
            }
            families.metricSnapshot(perService(UP, "1 while the service is up (heartbeating and not forced down),"
                    + " 0 while it is down", rows, labels, row -> row.up() ? 1 : 0));
            families.metricSnapshot(perService(ENABLED, "1 while the service is enabled, 0 while an operator has it"
                    + " disabled", rows, labels, row -> row.enabled() ? 1 : 0));
            families.metricSnapshot(perService(FORCED_DOWN, "1 while an operator has the service forced down", rows,
                    labels, row -> row.forcedDown() ? 1 : 0));
            families.metricSnapshot(lastHeartbeats(rows, labels));
        }
        families.metricSnapshot(counts(rows));
        return families.build();
    }

    private List<Row> read() {
        KeysetCursor<ServiceWithState> cursor = services.scan(Optional.empty(), Optional.empty(), batchSize);
        ServiceZones.Snapshot zoneSnapshot = zones.snapshot();
        List<Row> rows = new ArrayList<>();
        while (cursor.hasNext()) {
            ServiceWithState entry = cursor.next();
            Service service = entry.service();
            if (!service.isApiService()) {
                rows.add(new Row(service, zoneSnapshot.zoneOf(service), entry.state() == ServiceState.UP));
            }
        }
        return rows;
    }

    private CounterSnapshot failures() {
        return CounterSnapshot.builder().name(SCRAPE_FAILURES).help("Scrapes whose services could not be read from"
                        + " the database (their service series were left out)")
                .dataPoint(CounterDataPointSnapshot.builder().value((double) failures.sum()).build()).build();
    }

    private interface Value {
        double of(Row row);
    }

    /** A family of one sample per row; {@code labels} are the rows' own, in the same order. */
    private static GaugeSnapshot perService(String name, String help, List<Row> rows, List<Labels> labels,
                                            Value value) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        for (int i = 0; i < rows.size(); i++) {
            family.dataPoint(GaugeDataPointSnapshot.builder().labels(labels.get(i)).value(value.of(rows.get(i)))
                    .build());
        }
        return family.build();
    }

    private static GaugeSnapshot lastHeartbeats(List<Row> rows, List<Labels> labels) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(LAST_HEARTBEAT).unit(Unit.SECONDS)
                .help("When the service's last heartbeat was stored, by the database's clock (Unix time); absent"
                        + " for a service that never sent one");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.service().lastSeenUp() != null) {
                double seconds = row.service().lastSeenUp().toEpochMilli() / 1000.0;
                family.dataPoint(GaugeDataPointSnapshot.builder().labels(labels.get(i)).value(seconds).build());
            }
        }
        return family.build();
    }

    private static GaugeSnapshot counts(List<Row> rows) {
        StateCounts counts = new StateCounts();
        for (Row row : rows) {
            counts.add(row.zone(), row.binary(), row.up() ? ServiceState.UP : ServiceState.DOWN,
                    row.service().status());
        }
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(COUNTS)
                .help("How many services there are, per zone, binary, state (up or down) and status (enabled or"
                        + " disabled)");
        counts.sorted().forEach((key, count) -> family.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of("zone", key.zone(), "binary", key.binary(), "state", key.state().wireName(),
                        "status", key.status().wireName()))
                .value(count).build()));
        return family.build();
    }

    /** One service with what the scrape shows of it. */
    record Row(Service service, String zone, boolean up) {
        String host() {
            return service.host();
        }

        String binary() {
            return service.binary();
        }

        boolean enabled() {
            return !service.disabled();
        }

        boolean forcedDown() {
            return service.forcedDown();
        }

        Labels labels() {
            return Labels.of("host", service.host(), "binary", service.binary(), "zone", zone);
        }
    }
}
