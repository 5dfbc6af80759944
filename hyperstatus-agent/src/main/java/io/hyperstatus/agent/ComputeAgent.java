package io.hyperstatus.agent;

import io.hyperstatus.agent.metrics.AgentMetrics;
import io.hyperstatus.client.AgentApiClient;
import io.hyperstatus.client.ApiCallException;
import io.hyperstatus.client.ServerUnreachableException;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.ServiceKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compute agent's loop. On start, and whenever contact with the API servers comes back, it registers its
 * services and reports every node; then, every {@code report_interval}, it heartbeats, reports the nodes whose
 * resources or instances changed, and every {@code update_resources_interval} reports all of them. When no
 * server answers it keeps running and retries with exponential backoff and jitter, logging once when contact
 * is lost and once when it is back. A {@link HeartbeatWatch}, on a thread of its own, says loudly when no heartbeat
 * has been accepted for {@code service_down_time}, whether the servers refuse them or the loop itself is stuck.
 */
public final class ComputeAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeAgent.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** How often the watch looks; a second late at most, and a look costs nothing. */
    private static final Duration WATCH_PERIOD = Duration.ofSeconds(1);

    private final ComputeDriver driver;
    private final ApiServers client;
    private final NodeIdentities identities;
    private final AgentSchedule schedule;
    private final ScheduledExecutorService scheduler;
    /** Apart from the loop's thread, so that a loop stuck in a call cannot stop its own watch. */
    private final ScheduledExecutorService watchScheduler;
    private final HeartbeatWatch watch;
    /** Monotonic nanoseconds: the system's when it runs, a clock the test moves in tests. */
    private final LongSupplier nanoTime;
    // Kept so the periodic task is not a fire-and-forget: close() cancels it.
    private volatile ScheduledFuture<?> ticking;
    private volatile ScheduledFuture<?> watching;

    // Touched only by the scheduler thread.
    private boolean connected;
    private int failures;
    private long nextAttemptNanos;
    private long nextFullReportNanos;
    private String lastErrorLogged;
    private final Map<String, NodeReport> lastSent = new HashMap<>();
    private final TickStatistics statistics = new TickStatistics();
    private final AgentMetrics metrics;

    /** An agent counting into {@code metrics} (whose listener starts and stops with the agent). */
    public ComputeAgent(ComputeDriver driver, AgentApiClient client, NodeIdentities identities, AgentSchedule schedule,
                        AgentMetrics metrics) {
        this(driver, ApiServers.over(client), identities, schedule, System::nanoTime, metrics);
    }

    ComputeAgent(ComputeDriver driver, ApiServers client, NodeIdentities identities, AgentSchedule schedule,
                 LongSupplier nanoTime) {
        this(driver, client, identities, schedule, nanoTime, AgentMetrics.unserved());
    }

    ComputeAgent(ComputeDriver driver, ApiServers client, NodeIdentities identities, AgentSchedule schedule,
                 LongSupplier nanoTime, AgentMetrics metrics) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.client = Objects.requireNonNull(client, "client");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.watch = new HeartbeatWatch(schedule.serviceDownTime(), nanoTime);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hyperstatus-agent");
            thread.setDaemon(true);
            return thread;
        });
        this.watchScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hyperstatus-agent-heartbeat-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the loop; the first tick runs at once. Node identities are resolved first, so a mismatch fails here. */
    public void start() {
        currentHosts();
        identities.flush();
        metrics.start().ifPresent(port -> LOG.info("Agent metrics on port {}", port));
        ticking = scheduler.scheduleAtFixedRate(this::tick, 0, schedule.reportInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        watching = watchScheduler.scheduleWithFixedDelay(this::checkHeartbeats, WATCH_PERIOD.toMillis(),
                WATCH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What the watch thread runs: a look at how long ago the last heartbeat was accepted. */
    void checkHeartbeats() {
        try {
            watch.check();
        } catch (RuntimeException e) {
            // A failed look (the log backend, say) must not end the watch: the next one tries again.
            LOG.warn("The heartbeat watch failed: {}", e.toString());
        }
    }

    void tick() {
        long now = nanoTime.getAsLong();
        if (!connected && now < nextAttemptNanos) {
            return;
        }
        watch.tickStarted();
        try {
            runTick();
        } finally {
            watch.tickEnded();
            long took = nanoTime.getAsLong() - now;
            statistics.record(took, schedule.reportInterval());
            metrics.tickTook(took);
        }
    }

    private void runTick() {
        try {
            List<ReportedHost> hosts = currentHosts();
            if (!connected) {
                registerAndReportAll(hosts);
                contactRestored();
            }
            heartbeat(hosts);
            if (nanoTime.getAsLong() >= nextFullReportNanos) {
                reportAll(hosts);
            } else {
                reportChanged(hosts);
            }
        } catch (ServerUnreachableException e) {
            watch.failed(e.getMessage());
            contactLost(e);
        } catch (ApiCallException e) {
            String refusal = "API servers refused a report: " + e.getMessage() + " (HTTP " + e.status() + ")";
            watch.failed(refusal);
            logOnce(refusal);
        } catch (RuntimeException e) {
            // A driver hiccup (libvirt restarting, say) must not end the loop; the next tick tries again.
            String failure = "cannot read the host's state: " + e;
            watch.failed(failure);
            logOnce(failure);
        }
    }

    private List<ReportedHost> currentHosts() {
        List<ReportedHost> hosts = new ArrayList<>();
        for (ReportedHost host : driver.hosts()) {
            NodeReport node = host.node();
            String uuid = identities.uuidOf(node.host(), node.hypervisorHostname(), node.uuid());
            hosts.add(new ReportedHost(node.withUuid(uuid), host.heartbeats()));
        }
        identities.flush();
        return hosts;
    }

    private void registerAndReportAll(List<ReportedHost> hosts) {
        List<ServiceKey> services = new ArrayList<>();
        hosts.forEach(h -> services.add(h.service()));
        services.addAll(driver.otherServices());
        client.register(services);
        reportAll(hosts);
    }

    private void heartbeat(List<ReportedHost> hosts) {
        List<ServiceKey> beating = new ArrayList<>();
        hosts.stream().filter(ReportedHost::heartbeats).forEach(h -> beating.add(h.service()));
        beating.addAll(driver.otherServices());
        metrics.reportingFor(hosts.size());
        metrics.heartbeatsSent(beating.size());
        List<ServiceKey> unknown;
        try {
            unknown = client.heartbeat(beating);
        } catch (RuntimeException e) {
            metrics.heartbeatsFailed(beating.size());
            throw e;
        }
        metrics.heartbeatsAccepted(beating.size() - unknown.size());
        watch.accepted();
        if (!unknown.isEmpty()) {
            // An operator deleted these services (or the database was reset): register them and their nodes again.
            LOG.info("Registering {} service(s) the API servers no longer know, e.g. {}", unknown.size(), unknown.get(0));
            client.register(unknown);
            Set<String> unknownHosts = new HashSet<>();
            unknown.forEach(k -> unknownHosts.add(k.host()));
            List<NodeReport> nodes = hosts.stream().map(ReportedHost::node)
                    .filter(n -> unknownHosts.contains(n.host())).toList();
            send(nodes);
        }
    }

    private void reportAll(List<ReportedHost> hosts) {
        send(hosts.stream().map(ReportedHost::node).toList());
        nextFullReportNanos = nanoTime.getAsLong() + schedule.updateResourcesInterval().toNanos();
        LOG.info("Reported {} host(s); {}", hosts.size(), statistics.summarizeAndReset());
    }

    private void reportChanged(List<ReportedHost> hosts) {
        List<NodeReport> changed = hosts.stream().map(ReportedHost::node)
                .filter(n -> !sameApartFromUptime(n, lastSent.get(n.uuid()))).toList();
        if (!changed.isEmpty()) {
            send(changed);
        }
    }

    private void send(List<NodeReport> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        client.report(nodes);
        nodes.forEach(n -> lastSent.put(n.uuid(), n));
    }

    /** The uptime line changes every second; it goes out with the periodic full reports only. */
    private static boolean sameApartFromUptime(NodeReport current, NodeReport sent) {
        return sent != null && current.withUptime(null).equals(sent.withUptime(null));
    }

    private void contactRestored() {
        if (failures > 0) {
            LOG.info("Contact with the API servers is back; registered and reported all hosts again");
        }
        connected = true;
        failures = 0;
        lastErrorLogged = null;
    }

    private void contactLost(ServerUnreachableException e) {
        if (connected || failures == 0) {
            LOG.warn("Lost contact with the API servers ({}); retrying with backoff", e.getMessage());
        }
        connected = false;
        failures++;
        long base = schedule.reportInterval().toMillis() * (1L << Math.min(failures, 16));
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        long jittered = (long) (capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        nextAttemptNanos = nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(jittered);
    }

    private void logOnce(String message) {
        if (!message.equals(lastErrorLogged)) {
            LOG.warn(message);
            lastErrorLogged = message;
        }
    }

    /** Stops the loop and the driver; a tick in progress finishes first. */
    @Override
    public void close() {
        ScheduledFuture<?> periodic = ticking;
        if (periodic != null) {
            periodic.cancel(false); // no interrupt: a tick in progress still finishes
        }
        ScheduledFuture<?> watchLooks = watching;
        if (watchLooks != null) {
            watchLooks.cancel(false);
        }
        watchScheduler.shutdown();
        scheduler.shutdown();
        metrics.close();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        driver.close();
    }
}
