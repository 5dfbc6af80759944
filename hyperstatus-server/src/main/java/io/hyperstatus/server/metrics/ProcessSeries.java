package io.hyperstatus.server.metrics;

import io.hyperstatus.core.agents.AgentReports;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventTally;
import io.hyperstatus.core.notifications.OutboxStatus;
import io.hyperstatus.core.port.DatabaseHealth;
import io.hyperstatus.core.port.PoolUsage;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What this API server counts and holds, read at the scrape from the objects that keep it: the events of the log
 * it has followed, the heartbeats it accepted, its notification publisher, its database pool and the database
 * monitor's verdict.
 */
final class ProcessSeries implements MultiCollector {
    private final EventTally events;
    private final AgentReports reports;
    private final Supplier<Optional<OutboxStatus>> notifications;
    private final Supplier<PoolUsage> pool;
    private final DatabaseHealth database;

    ProcessSeries(EventTally events, AgentReports reports, Supplier<Optional<OutboxStatus>> notifications,
                  Supplier<PoolUsage> pool, DatabaseHealth database) {
        this.events = Objects.requireNonNull(events, "events");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> families = new ArrayList<>();
        CounterSnapshot.Builder kinds = CounterSnapshot.builder().name("hyperstatus_events")
                .help("Events of the event log by kind, counted as this server follows the log (every API server"
                        + " sees every event: aggregate with max, not sum)");
        for (Map.Entry<EventKind, Long> count : events.counts().entrySet()) {
            kinds.dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("kind", count.getKey().wireName()))
                    .value((double) count.getValue()).build());
        }
        families.add(kinds.build());
        families.add(counter("hyperstatus_heartbeats", "Heartbeats this server accepted (one per service and beat)",
                reports.acceptedHeartbeats()));
        notifications.get().ifPresent(status -> {
            families.add(gauge("hyperstatus_notification_publisher", "1 while this server holds the lease to publish"
                    + " notifications", status.publishing() ? 1 : 0));
            families.add(gauge("hyperstatus_notification_backlog", "Events of the log not yet published and"
                    + " confirmed by RabbitMQ (reported by the publishing server; 0 on the others)", status.backlog()));
            families.add(counter("hyperstatus_notifications_published", "Notifications RabbitMQ confirmed",
                    status.confirmed()));
            families.add(counter("hyperstatus_notification_publish_failures", "Sends of notifications that failed"
                    + " (each is retried)", status.failedSends()));
        });
        PoolUsage usage = pool.get();
        families.add(GaugeSnapshot.builder().name("hyperstatus_database_pool_connections")
                .help("Connections of the database pool, by state")
                .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("state", "active")).value(usage.active())
                        .build())
                .dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("state", "idle")).value(usage.idle())
                        .build())
                .build());
        families.add(gauge("hyperstatus_database_pool_max_connections", "The database pool's size limit",
                usage.max()));
        families.add(gauge("hyperstatus_database_pool_pending_threads", "Requests waiting for a connection of the"
                + " pool", usage.waiting()));
        families.add(gauge("hyperstatus_database_up", "1 while the database answers this server's probe, 0 while it"
                + " does not", database.status().reachable() ? 1 : 0));
        return new MetricSnapshots(families);
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder().name(name).help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value((double) value).build()).build();
    }

    private static GaugeSnapshot gauge(String name, String help, long value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value((double) value).build()).build();
    }
}
