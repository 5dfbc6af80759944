package io.hyperstatus.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hyperstatus.core.StoreUnavailableException;
import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.core.events.ZoneDisruption;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import io.hyperstatus.server.testing.TcpProxy;
import io.hyperstatus.server.testing.TestDatabase;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.storage.JdbiEventStore;
import io.hyperstatus.storage.JdbiLivenessStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's liveness detector: a service whose agent stops heartbeating is recorded {@code went_down} once,
 * within service_down_time + 2 s, and {@code came_up} at its next heartbeat; several API servers on one database
 * record each transition once; a database outage longer than service_down_time records no mass went_down; most of
 * a zone going down at once is one {@code zone_disrupted}. service_down_time is 3 s here, and the agents are this
 * test's heartbeats (every 0.5 s, to the hosts named alive). Waits are real and bounded.
 */
class LivenessDetectorSpec {
    private static final String COMPUTE = Service.COMPUTE_BINARY;
    private static final String CONFIG = "[DEFAULT]\nservice_down_time = 3\nreport_interval = 1\n";
    private static final Duration DOWN_TIME = Duration.ofSeconds(3);
    private static final Pattern PORT = Pattern.compile("^(jdbc:[a-z]+://127\\.0\\.0\\.1:)(\\d+)(/.*)$");

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Set<String> alive = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService agents = Executors.newSingleThreadScheduledExecutor();
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        agents.shutdownNow();
        agents.awaitTermination(5, TimeUnit.SECONDS);
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private TestServer start(String databaseUrl) {
        TestServer started = TestServer.start(databaseUrl, 0, CONFIG);
        open.add(started);
        return started;
    }

    /** Heartbeats every alive host through {@code via} every half second; failures (an outage) are retried. */
    private void heartbeatAliveHostsThrough(TestServer via) {
        var unused = agents.scheduleWithFixedDelay(() -> {
            for (String host : alive) {
                try {
                    via.heartbeat(host, COMPUTE);
                } catch (Throwable e) {
                    // The server answers 503 while its database is away: the agent tries again.
                }
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void register(TestServer via, String... hosts) {
        for (String host : hosts) {
            via.seedService(host, COMPUTE);
            alive.add(host);
        }
    }

    private List<LoggedEvent> events(TestServer on, EventKind... kinds) {
        return new JdbiEventStore(on.database()).find(EventQuery.newest(1000).after(0).ofKinds(Set.of(kinds)));
    }

    private List<LoggedEvent> waitForEvents(TestServer on, int count, EventKind... kinds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<LoggedEvent> found = eventsOnceReachable(on, kinds);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = eventsOnceReachable(on, kinds);
        }
        return found;
    }

    /** The events, or none while the server's pool has not yet reconnected after an outage. */
    private List<LoggedEvent> eventsOnceReachable(TestServer on, EventKind... kinds) {
        try {
            return events(on, kinds);
        } catch (StoreUnavailableException stillReconnecting) {
            return List.of();
        }
    }

    private static List<String> hosts(List<LoggedEvent> events) {
        return events.stream().map(e -> e.record().subject().host()).sorted().toList();
    }

    private Instant lastSeenUp(TestServer on, String host) {
        return new JdbiLivenessStore(on.database()).heartbeatingAgain(Instant.EPOCH, 1000).stream()
                .filter(s -> s.host().equals(host)).map(Service::lastSeenUp).findFirst()
                .orElseThrow(() -> new AssertionError(host + " is not recorded down"));
    }

    @Test
    void aServiceWhoseAgentStopsIsRecordedDownOnceWithinServiceDownTimePlusTwoSecondsAndUpAtItsNextHeartbeat()
            throws InterruptedException {
        server = start(TestDatabase.newDatabase());
        register(server, "compute-1", "compute-2");
        heartbeatAliveHostsThrough(server);
        Thread.sleep(4000);
        alive.remove("compute-1");

        LoggedEvent wentDown = waitForEvents(server, 1, EventKind.WENT_DOWN).get(0);

        Instant lastHeartbeat = lastSeenUp(server, "compute-1");
        assertThat(wentDown.record().subject().host()).isEqualTo("compute-1");
        assertThat(wentDown.record().lastHeartbeat()).isEqualTo(lastHeartbeat);
        assertThat(wentDown.time()).as("the deadline that passed").isEqualTo(lastHeartbeat.plus(DOWN_TIME));
        assertThat(Duration.between(wentDown.time(), wentDown.recordedAt())).as("recorded after the deadline")
                .isPositive().isLessThan(Duration.ofSeconds(2));
        assertThat(wentDown.record().actor()).isEqualTo(Actor.liveness());
        assertThat(wentDown.record().zone()).isEqualTo("nova");
        assertThat(wentDown.record().before())
                .isEqualTo(new EventSnapshot(ServiceState.UP, ServiceStatus.ENABLED, null, false));
        assertThat(wentDown.record().after())
                .isEqualTo(new EventSnapshot(ServiceState.DOWN, ServiceStatus.ENABLED, null, false));
        assertThat(server.get("/v2.1/os-services?host=compute-1").body()).contains("\"state\":\"down\"");

        Thread.sleep(2000);
        alive.add("compute-1");
        LoggedEvent cameUp = waitForEvents(server, 1, EventKind.CAME_UP).get(0);
        Thread.sleep(1500);

        assertThat(cameUp.record().subject().host()).isEqualTo("compute-1");
        assertThat(cameUp.record().before().state()).isEqualTo(ServiceState.DOWN);
        assertThat(cameUp.record().after().state()).isEqualTo(ServiceState.UP);
        assertThat(cameUp.record().lastHeartbeat()).isNull();
        assertThat(cameUp.id()).isGreaterThan(wentDown.id());
        assertThat(events(server, EventKind.WENT_DOWN, EventKind.CAME_UP)).extracting(LoggedEvent::kind)
                .containsExactly(EventKind.WENT_DOWN, EventKind.CAME_UP);
    }

    @Test
    void twoServersOnOneDatabaseRecordEachTransitionOnceAndTheOtherTakesOverWhenTheHolderStops()
            throws InterruptedException {
        server = start(TestDatabase.newDatabase());
        TestServer sibling = server.sibling(CONFIG);
        open.add(sibling);
        register(server, "compute-1", "compute-2", "compute-3", "compute-4");
        heartbeatAliveHostsThrough(sibling);
        Thread.sleep(4000);
        alive.remove("compute-1");
        alive.remove("compute-2");
        waitForEvents(sibling, 2, EventKind.WENT_DOWN);
        alive.add("compute-2");
        waitForEvents(sibling, 1, EventKind.CAME_UP);

        // The first server (the holder, started first) stops; the sibling takes over and records what follows.
        open.remove(server);
        server.close();
        alive.remove("compute-3");
        List<LoggedEvent> down = waitForEvents(sibling, 3, EventKind.WENT_DOWN);
        Thread.sleep(2000);

        assertThat(hosts(down)).containsExactly("compute-1", "compute-2", "compute-3");
        assertThat(events(sibling, EventKind.WENT_DOWN, EventKind.CAME_UP)).hasSize(4);
        assertThat(hosts(events(sibling, EventKind.CAME_UP))).containsExactly("compute-2");
    }

    @Test
    void aTransitionClaimedByTwoDetectorsAtOnceIsClaimedOnce() throws InterruptedException {
        server = start(TestDatabase.newDatabase());
        register(server, "compute-1");
        server.ageHeartbeat("compute-1", COMPUTE, 100);
        JdbiLivenessStore first = new JdbiLivenessStore(server.database());
        JdbiLivenessStore second = new JdbiLivenessStore(server.database());
        List<Service> seen = first.lapsedSince(Instant.now().minusSeconds(50), 10);
        assertThat(seen).extracting(Service::host).containsExactly("compute-1");

        assertThat(first.claimDown(seen)).hasSize(1);
        assertThat(second.claimDown(seen)).isEmpty();
        assertThat(first.lapsedSince(Instant.now().minusSeconds(50), 10)).isEmpty();
    }

    @Test
    void aDatabaseOutageLongerThanServiceDownTimeRecordsNoMassWentDown() throws InterruptedException {
        String url = TestDatabase.newDatabase();
        Matcher matcher = PORT.matcher(url);
        assumeTrue(matcher.matches(), "a database server on the loopback (not the embedded database)");
        TcpProxy proxy = TcpProxy.to(Integer.parseInt(matcher.group(2)));
        open.add(proxy);
        server = start(matcher.group(1) + proxy.port() + matcher.group(3));
        register(server, "compute-1", "compute-2", "compute-3", "compute-4");
        heartbeatAliveHostsThrough(server);
        Thread.sleep(4000);

        // compute-4's agent dies with the outage: it alone is recorded, once the hosts' grace is over.
        alive.remove("compute-4");
        proxy.cut();
        Thread.sleep(7000);
        proxy.restore();
        List<LoggedEvent> down = waitForEvents(server, 1, EventKind.WENT_DOWN);
        Thread.sleep(5000);

        assertThat(hosts(events(server, EventKind.WENT_DOWN))).containsExactly("compute-4");
        assertThat(events(server, EventKind.ZONE_DISRUPTED)).isEmpty();
        assertThat(down.get(0).recordedAt()).as("not before a fresh service_down_time after the return")
                .isAfter(down.get(0).record().lastHeartbeat().plus(Duration.ofSeconds(7)).plus(DOWN_TIME));
    }

    @Test
    void mostOfAZoneGoingDownAtOnceIsOneZoneDisruptedWithTheCountsBesideEachHostsWentDown()
            throws InterruptedException {
        server = start(TestDatabase.newDatabase());
        register(server, "compute-1", "compute-2", "compute-3", "compute-4");
        heartbeatAliveHostsThrough(server);
        Thread.sleep(4000);
        alive.removeAll(List.of("compute-1", "compute-2", "compute-3"));

        List<LoggedEvent> down = waitForEvents(server, 3, EventKind.WENT_DOWN);
        List<LoggedEvent> disrupted = waitForEvents(server, 1, EventKind.ZONE_DISRUPTED);
        Thread.sleep(2000);

        assertThat(hosts(down)).containsExactly("compute-1", "compute-2", "compute-3");
        assertThat(events(server, EventKind.ZONE_DISRUPTED)).hasSize(1);
        LoggedEvent zone = disrupted.get(0);
        assertThat(zone.record().zone()).isEqualTo("nova");
        assertThat(zone.record().subject()).isNull();
        assertThat(zone.record().disruption()).isEqualTo(new ZoneDisruption(3, 4));
        assertThat(zone.record().actor()).isEqualTo(Actor.liveness());
        assertThat(zone.time()).isEqualTo(down.stream().map(LoggedEvent::time).max(Instant::compareTo).orElseThrow());
        assertThat(zone.id()).isGreaterThan(down.stream().mapToLong(LoggedEvent::id).max().orElseThrow());
    }

    @Test
    void aSmallZoneOrAMinorityOfOneIsNotDisrupted() throws InterruptedException {
        server = start(TestDatabase.newDatabase());
        register(server, "compute-1", "compute-2", "compute-3", "compute-4");
        heartbeatAliveHostsThrough(server);
        Thread.sleep(4000);
        alive.removeAll(List.of("compute-1", "compute-2"));

        waitForEvents(server, 2, EventKind.WENT_DOWN);
        Thread.sleep(1500);

        assertThat(events(server, EventKind.ZONE_DISRUPTED)).as("2 of 4 is not more than 0.55").isEmpty();
    }
}
