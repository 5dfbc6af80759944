package io.hyperstatus.server;

import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.config.NotificationOptions;
import io.hyperstatus.core.StoreUnavailableException;
import io.hyperstatus.core.agents.AgentReports;
import io.hyperstatus.core.aggregates.AggregateAdministration;
import io.hyperstatus.core.events.CommitSignalingTransactions;
import io.hyperstatus.core.events.EventFollower;
import io.hyperstatus.core.events.EventHistory;
import io.hyperstatus.core.events.EventLog;
import io.hyperstatus.core.events.EventTally;
import io.hyperstatus.core.hypervisors.HypervisorBoard;
import io.hyperstatus.core.hypervisors.HypervisorQueries;
import io.hyperstatus.core.liveness.DetectorOptions;
import io.hyperstatus.core.liveness.LivenessDetector;
import io.hyperstatus.core.notifications.NotificationOutbox;
import io.hyperstatus.core.notifications.NotificationPlan;
import io.hyperstatus.core.notifications.OutboxOptions;
import io.hyperstatus.core.notifications.OutboxStatus;
import io.hyperstatus.core.services.ServiceAdministration;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.notifications.NotificationChannels;
import io.hyperstatus.server.agent.AgentController;
import io.hyperstatus.server.api.ApiServer;
import io.hyperstatus.server.api.dashboard.Dashboard;
import io.hyperstatus.server.api.aggregates.AggregatesController;
import io.hyperstatus.server.api.auth.Authenticator;
import io.hyperstatus.server.api.auth.Authenticators;
import io.hyperstatus.server.api.availabilityzones.AvailabilityZonesController;
import io.hyperstatus.server.api.events.EventStreams;
import io.hyperstatus.server.api.board.BoardController;
import io.hyperstatus.server.api.events.EventsController;
import io.hyperstatus.server.api.extensions.ExtensionsController;
import io.hyperstatus.server.api.health.HealthCheck;
import io.hyperstatus.server.api.hosts.HostsController;
import io.hyperstatus.server.api.hypervisors.HypervisorsController;
import io.hyperstatus.server.api.policy.Policy;
import io.hyperstatus.server.api.policy.PolicyFile;
import io.hyperstatus.server.api.services.ServicesController;
import io.hyperstatus.server.jetty.ServletConnections;
import io.hyperstatus.server.metrics.ServerMetrics;
import io.hyperstatus.storage.Database;
import io.hyperstatus.storage.DatabaseUrl;
import io.hyperstatus.storage.Dialect;
import io.hyperstatus.storage.JdbiAgentStore;
import io.hyperstatus.storage.JdbiAggregateStore;
import io.hyperstatus.storage.JdbiEventStore;
import io.hyperstatus.storage.JdbiHypervisorStore;
import io.hyperstatus.storage.JdbiLivenessStore;
import io.hyperstatus.storage.JdbiOutageStore;
import io.hyperstatus.storage.JdbiOutboxStore;
import io.hyperstatus.storage.JdbiServiceStore;
import io.hyperstatus.storage.JdbiTransactions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The API server process: all of its parts wired together, in one place. */
public final class HyperstatusServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HyperstatusServer.class);
    /** How often the database is probed: outages are noticed, and the pool renewed after one, within this. */
    private static final Duration MONITOR_INTERVAL = Duration.ofMillis(250);
    /** How often the event log is read for events committed by other servers (local commits wake it at once). */
    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(200);
    /** Events the follower reads per query. */
    private static final int FOLLOW_BATCH = 1000;
    /** How far one stream subscriber's connection may fall behind before it is dropped (it then resumes). */
    private static final int SUBSCRIBER_QUEUE_BYTES = 256 * 1024;

    private final Database database;
    private final ApiServer api;
    private final EventFollower follower;
    private final LivenessDetector detector;
    private final Optional<NotificationOutbox> notifications;
    private final ServerMetrics metrics;
    private OptionalInt metricsPort = OptionalInt.empty();

    private HyperstatusServer(Database database, ApiServer api, EventFollower follower, LivenessDetector detector,
                              Optional<NotificationOutbox> notifications, ServerMetrics metrics) {
        this.database = database;
        this.api = api;
        this.follower = follower;
        this.detector = detector;
        this.notifications = notifications;
        this.metrics = metrics;
    }

    /**
     * Opens the database (migrating the embedded one, which needs no separate set-up step) and builds the API.
     * A shared PostgreSQL or MariaDB database must be brought up to date with {@code hyperstatus db sync} first.
     */
    public static HyperstatusServer create(HyperstatusConfig config) {
        return create(config, System::nanoTime, Duration.ofSeconds(15));
    }

    /**
     * As {@link #create(HyperstatusConfig)}, with the monotonic clock the policy file's reload checks go by and the
     * interval of the event streams' keep-alive comments (15 s but in tests).
     */
    public static HyperstatusServer create(HyperstatusConfig config, LongSupplier nanoTime, Duration keepAlive) {
        // The policy and agent identity files first: a broken one stops start-up before the database is touched.
        Policy policy = new Policy(PolicyFile.open(config.policy(), nanoTime));
        Authenticator authenticator = Authenticators.forStrategy(config);
        DatabaseUrl url = DatabaseUrl.parse(config.databaseConnection());
        Database database = Database.open(url, config.databaseMaxPoolSize(), config.databasePoolTimeout());
        try {
            if (url.dialect() == Dialect.SQLITE) {
                database.migrate();
            }
            database.startMonitor(MONITOR_INTERVAL);
            JdbiOutageStore outages = new JdbiOutageStore(database);
            ServerMetrics metrics = new ServerMetrics(config.metrics());
            Liveness liveness = new Liveness(config.serviceDownTime());
            // Storage behind the ports, then the application layer on them, then the controllers on that.
            JdbiServiceStore serviceStore = new JdbiServiceStore(database);
            JdbiAgentStore agentStore = new JdbiAgentStore(database);
            JdbiAggregateStore aggregateStore = new JdbiAggregateStore(database);
            JdbiEventStore eventStore = new JdbiEventStore(database);
            ServiceQueries services = new ServiceQueries(serviceStore, liveness, outages);
            ServiceZones zones = new ServiceZones(aggregateStore, config.defaultAvailabilityZone(),
                    config.internalServiceAvailabilityZone());
            EventHistory history = new EventHistory(eventStore, services, database::now);
            EventStreams streams = new EventStreams(history, config.maxEventSubscribers(), SUBSCRIBER_QUEUE_BYTES,
                    keepAlive, System::nanoTime, new ServletConnections()::abort);
            // The follower feeds the streams and the metrics' count of events, from the log, whoever wrote them.
            EventTally tally = new EventTally();
            EventFollower follower = new EventFollower(history, FOLLOW_INTERVAL, FOLLOW_BATCH,
                    EventFollower.Listener.all(List.of(streams, tally)));
            streams.wakeWith(follower::wake);
            // Notifications are published from the event log, by one API server at a time (the outbox's lease);
            // when they are off, nothing is made and nothing connects anywhere.
            NotificationOptions notifying = config.notifications();
            Optional<NotificationOutbox> notifications = NotificationChannels.of(notifying, config.host())
                    .map(channel -> new NotificationOutbox(new JdbiOutboxStore(database), eventStore,
                            new NotificationPlan(notifying.livenessEvents()), channel,
                            OutboxOptions.withRetries(notifying.retryInterval(), notifying.retryBackoff(),
                                    notifying.retryIntervalMax()),
                            leaseHolder(config.host()), System::nanoTime));
            // A commit that may have written events wakes the follower: they reach the streams without waiting. The
            // publisher is not woken so: it reads the log every 200 ms, a batch at a time, because being woken by
            // every commit cost each admin change about a fifth more time (docs/performance/notifications.md).
            // One instance: it knows which thread has a transaction open, so that a nested call joins it.
            JdbiTransactions transactions = new JdbiTransactions(database);
            CommitSignalingTransactions committing = new CommitSignalingTransactions(transactions, follower::wake);
            ServiceAdministration administration = new ServiceAdministration(serviceStore, agentStore, committing,
                    new EventLog(eventStore, zones), services);
            // Heartbeats and node reports write no events: their commits need not wake the follower.
            AgentReports reports = new AgentReports(agentStore, administration, transactions);
            HypervisorQueries hypervisors = new HypervisorQueries(new JdbiHypervisorStore(database,
                    config.hypervisorCacheSize(), config.readBatchSize()), services);
            DetectorOptions detectorOptions = new DetectorOptions(config.liveness().massDownThreshold(),
                    Duration.ofDays(config.liveness().retentionDays()));
            ApiServer api = new ApiServer(config,
                    authenticator,
                    policy,
                    new HypervisorsController(hypervisors, config.maxLimit(),
                            config.legacyExtensionLoaded("os-hypervisor-status")),
                    new ServicesController(services, administration, zones, config.readBatchSize()),
                    new AggregatesController(new AggregateAdministration(aggregateStore, services, database::now,
                            transactions)),
                    new AvailabilityZonesController(services, zones),
                    new HostsController(services, hypervisors, zones),
                    new ExtensionsController(config.unloadedLegacyV2Extensions()),
                    new AgentController(reports),
                    new EventsController(history, streams, config.maxLimit()),
                    new BoardController(new HypervisorBoard(hypervisors, zones, detectorOptions)),
                    streams,
                    new HealthCheck(database.health(), config.healthcheck()),
                    metrics.requests(),
                    Dashboard.of(config, authenticator, policy));
            // Every API server runs a detector; the database's lease lets one of them record at a time.
            LivenessDetector detector = new LivenessDetector(new JdbiLivenessStore(database), eventStore,
                    committing, zones, liveness, outages,
                    detectorOptions, leaseHolder(config.host()), metrics.detectorPasses());
            metrics.readFrom(services, zones, config.readBatchSize(), tally, reports,
                    () -> notifications.map(NotificationOutbox::status), database::poolUsage, database.health(),
                    liveness, config.reportInterval());
            return new HyperstatusServer(database, api, follower, detector, notifications, metrics);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** This process's name in the liveness lease: its host, made unique among restarts and servers on one host. */
    private static String leaseHolder(String host) {
        String prefix = host.length() > 200 ? host.substring(0, 200) : host;
        return prefix + "/" + UUID.randomUUID();
    }

    public int start() {
        int port = api.start();
        follower.start();
        detector.start();
        notifications.ifPresent(NotificationOutbox::start);
        metricsPort = metrics.start();
        LOG.info("hyperstatus API listening on port {} (database {}, schema version {}); metrics {}", port,
                database.dialect().name().toLowerCase(Locale.ROOT), schemaVersionForStartLine(),
                metricsPort.isPresent() ? "on port " + metricsPort.getAsInt() : "off");
        return port;
    }

    /**
     * The schema version for the start-up line. The server already listens by then: a database that stops answering
     * just now gets the 503s of any outage, not a server that exits.
     */
    private String schemaVersionForStartLine() {
        try {
            return database.schemaVersion();
        } catch (StoreUnavailableException e) {
            return "unknown, the database did not answer";
        }
    }

    /** The notification publisher's state, when notifications are on. */
    public Optional<OutboxStatus> notificationStatus() {
        return notifications.map(NotificationOutbox::status);
    }

    /** The metrics listener's port, once started, when metrics are enabled. */
    public OptionalInt metricsPort() {
        return metricsPort;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        follower.close();
        api.close();
        detector.close();
        notifications.ifPresent(NotificationOutbox::close);
        metrics.close();
        database.close();
    }
}
