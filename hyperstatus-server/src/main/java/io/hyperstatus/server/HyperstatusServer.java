package io.hyperstatus.server;

import io.hyperstatus.config.AgentIdentityOptions;
import io.hyperstatus.config.HyperstatusConfig;
import io.hyperstatus.core.agents.AgentReports;
import io.hyperstatus.core.aggregates.AggregateAdministration;
import io.hyperstatus.core.events.CommitSignalingTransactions;
import io.hyperstatus.core.events.EventFollower;
import io.hyperstatus.core.events.EventHistory;
import io.hyperstatus.core.events.EventLog;
import io.hyperstatus.core.hypervisors.HypervisorQueries;
import io.hyperstatus.core.services.ServiceAdministration;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.server.agent.AgentController;
import io.hyperstatus.server.api.ApiServer;
import io.hyperstatus.server.api.auth.AgentHostBindings;
import io.hyperstatus.server.api.auth.AgentSecretAuthenticator;
import io.hyperstatus.server.api.auth.AgentSecrets;
import io.hyperstatus.server.api.auth.Authenticator;
import io.hyperstatus.server.api.auth.KeystoneAuthenticator;
import io.hyperstatus.server.api.auth.NoAuth2Authenticator;
import io.hyperstatus.server.api.events.EventStreams;
import io.hyperstatus.server.api.events.EventsController;
import io.hyperstatus.server.api.extensions.ExtensionsController;
import io.hyperstatus.server.api.health.HealthCheck;
import io.hyperstatus.server.api.hypervisors.HypervisorsController;
import io.hyperstatus.server.api.policy.Policy;
import io.hyperstatus.server.api.policy.PolicyFile;
import io.hyperstatus.server.api.services.ServicesController;
import io.hyperstatus.server.api.aggregates.AggregatesController;
import io.hyperstatus.server.api.availabilityzones.AvailabilityZonesController;
import io.hyperstatus.server.api.hosts.HostsController;
import io.hyperstatus.server.jetty.ServletConnections;
import io.hyperstatus.storage.Database;
import io.hyperstatus.storage.DatabaseUrl;
import io.hyperstatus.storage.Dialect;
import io.hyperstatus.storage.JdbiAgentStore;
import io.hyperstatus.storage.JdbiEventStore;
import io.hyperstatus.storage.JdbiAggregateStore;
import io.hyperstatus.storage.JdbiHypervisorStore;
import io.hyperstatus.storage.JdbiOutageStore;
import io.hyperstatus.storage.JdbiServiceStore;
import io.hyperstatus.storage.JdbiTransactions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
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

    private HyperstatusServer(Database database, ApiServer api, EventFollower follower) {
        this.database = database;
        this.api = api;
        this.follower = follower;
    }

    /**
     * Opens the database (migrating the embedded one, which needs no separate set-up step) and builds the API.
     * A shared PostgreSQL or MariaDB database must be brought up to date with {@code hyperstatus db sync} first.
     */
    public static HyperstatusServer create(HyperstatusConfig config) {
        return create(config, System::nanoTime);
    }

    /** As {@link #create(HyperstatusConfig)}, with the monotonic clock the policy file's reload checks go by. */
    public static HyperstatusServer create(HyperstatusConfig config, LongSupplier nanoTime) {
        return create(config, nanoTime, Duration.ofSeconds(15));
    }

    /** As above, with the interval of the event streams' keep-alive comments (15 s but in tests). */
    public static HyperstatusServer create(HyperstatusConfig config, LongSupplier nanoTime, Duration keepAlive) {
        // The policy and agent identity files first: a broken one stops start-up before the database is touched.
        Policy policy = new Policy(PolicyFile.open(config.policy(), nanoTime));
        Authenticator authenticator = authenticator(config);
        DatabaseUrl url = DatabaseUrl.parse(config.databaseConnection());
        Database database = Database.open(url, config.databaseMaxPoolSize(), config.databasePoolTimeout());
        try {
            if (url.dialect() == Dialect.SQLITE) {
                database.migrate();
            }
            database.startMonitor(MONITOR_INTERVAL);
            JdbiOutageStore outages = new JdbiOutageStore(database);
            Liveness liveness = new Liveness(config.serviceDownTime());
            Set<String> unloaded = new HashSet<>(HyperstatusConfig.OPTIONAL_LEGACY_V2_EXTENSIONS);
            unloaded.removeAll(config.legacyV2Extensions());
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
            EventFollower follower = new EventFollower(history, FOLLOW_INTERVAL, FOLLOW_BATCH, streams);
            streams.wakeWith(follower::wake);
            // A change's commit wakes the follower: its events reach the streams without waiting for a look.
            ServiceAdministration administration = new ServiceAdministration(serviceStore, agentStore,
                    new CommitSignalingTransactions(new JdbiTransactions(database), follower::wake),
                    new EventLog(eventStore, zones), services);
            HypervisorQueries hypervisors = new HypervisorQueries(new JdbiHypervisorStore(database,
                    config.hypervisorCacheSize(), config.readBatchSize()), liveness, outages);
            ApiServer api = new ApiServer(config,
                    authenticator,
                    policy,
                    new HypervisorsController(hypervisors, config.maxLimit(),
                            config.legacyExtensionLoaded("os-hypervisor-status")),
                    new ServicesController(services, administration, zones, config.readBatchSize()),
                    new AggregatesController(new AggregateAdministration(aggregateStore, services, database::now,
                            new JdbiTransactions(database))),
                    new AvailabilityZonesController(services, zones),
                    new HostsController(services, hypervisors, zones),
                    new ExtensionsController(unloaded),
                    new AgentController(new AgentReports(agentStore, administration)),
                    new EventsController(history, streams, config.maxLimit()),
                    streams,
                    new HealthCheck(database.health()));
            return new HyperstatusServer(database, api, follower);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The strategy's authenticator, with its agent identities: with noauth2 the agents' shared secrets, with Keystone
     * the users bound to hosts. Without them no agent may report, which is said once at start-up.
     */
    private static Authenticator authenticator(HyperstatusConfig config) {
        return switch (config.authStrategy()) {
            case NOAUTH2 -> {
                AgentSecrets secrets = AgentSecrets.load(config.agentIdentity());
                if (secrets.isEmpty()) {
                    LOG.warn("No agent may report: {} names no agent (see docs/agent-identity.md)",
                            AgentIdentityOptions.secretsFileOption());
                }
                yield new AgentSecretAuthenticator(secrets, new NoAuth2Authenticator());
            }
            case KEYSTONE -> {
                AgentHostBindings bindings = AgentHostBindings.load(config.agentIdentity());
                if (bindings.isEmpty()) {
                    LOG.warn("No agent may report: {} names no agent user (see docs/agent-identity.md)",
                            AgentIdentityOptions.hostsFileOption());
                }
                yield KeystoneAuthenticator.create(config.keystone().orElseThrow(), bindings);
            }
        };
    }

    public int start() {
        int port = api.start();
        follower.start();
        LOG.info("hyperstatus API listening on port {} (database {}, schema version {})", port,
                database.dialect().name().toLowerCase(Locale.ROOT), database.schemaVersion());
        return port;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        follower.close();
        api.close();
        database.close();
    }
}
