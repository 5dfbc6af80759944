package io.hyperstatus.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.domain.ServiceKey;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's loop, tick by tick, against fake API servers and a clock the test moves. */
class ComputeAgentTest {
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration UPDATE_RESOURCES_INTERVAL = Duration.ofSeconds(60);
    private static final Duration SERVICE_DOWN_TIME = Duration.ofSeconds(60);
    private static final String ALL_SERVICES = "compute-1/nova-compute, compute-2/nova-compute, controller/nova-scheduler";
    private static final String REGISTER_ALL = "register " + ALL_SERVICES;
    private static final String REPORT_ALL = "report node-compute-1, node-compute-2";
    private static final String HEARTBEAT_ALL = "heartbeat " + ALL_SERVICES;

    @TempDir
    Path state;

    private final TestingDriver driver = new TestingDriver().host("compute-1", 4, "up 1 day").host("compute-2", 8, "up 2 days")
            .otherService("controller", "nova-scheduler");
    private final TestingApiServers servers = new TestingApiServers();
    private final TestingTicker ticker = new TestingTicker();
    private ComputeAgent agent;

    @BeforeEach
    void create() {
        agent = new ComputeAgent(driver, servers, NodeIdentities.load(state),
                new AgentSchedule(REPORT_INTERVAL, UPDATE_RESOURCES_INTERVAL, SERVICE_DOWN_TIME), ticker);
    }

    @AfterEach
    void close() {
        agent.close();
    }

    private void tickAfter(Duration wait) {
        ticker.advance(wait);
        agent.tick();
    }

    /** The first tick, after which the agent is in contact and has reported everything. */
    private void connect() {
        agent.tick();
        assertThat(servers.takeCalls()).containsExactly(REGISTER_ALL, REPORT_ALL, HEARTBEAT_ALL);
    }

    @Test
    void theFirstTickRegistersEveryServiceAndReportsEveryNodeBeforeTheFirstHeartbeat() {
        agent.tick();

        assertThat(servers.takeCalls()).containsExactly(REGISTER_ALL, REPORT_ALL, HEARTBEAT_ALL);
    }

    @Test
    void everyLaterTickHeartbeatsAndReportsNothingThatDidNotChange() {
        connect();

        tickAfter(REPORT_INTERVAL);
        assertThat(servers.takeCalls()).containsExactly(HEARTBEAT_ALL);
        tickAfter(REPORT_INTERVAL);
        assertThat(servers.takeCalls()).containsExactly(HEARTBEAT_ALL);
    }

    @Test
    void aChangedNodeGoesOutAtTheNextTickButAChangedUptimeWaitsForTheFullReport() {
        connect();
        driver.host("compute-1", 4, "up 1 day, 1 min").host("compute-2", 9, "up 2 days");

        tickAfter(REPORT_INTERVAL);

        assertThat(servers.takeCalls()).containsExactly(HEARTBEAT_ALL, "report node-compute-2");
    }

    @Test
    void everyNodeIsReportedAgainOnceEachUpdateResourcesInterval() {
        connect();

        tickAfter(UPDATE_RESOURCES_INTERVAL.minus(REPORT_INTERVAL));
        assertThat(servers.takeCalls()).containsExactly(HEARTBEAT_ALL);
        tickAfter(REPORT_INTERVAL);
        assertThat(servers.takeCalls()).containsExactly(HEARTBEAT_ALL, REPORT_ALL);
        tickAfter(REPORT_INTERVAL);
        assertThat(servers.takeCalls()).containsExactly(HEARTBEAT_ALL);
    }

    @Test
    void servicesTheServersNoLongerKnowAreRegisteredAgainWithTheNodesOfTheirHosts() {
        connect();
        servers.forget(new ServiceKey("compute-2", "nova-compute"), new ServiceKey("controller", "nova-scheduler"));

        tickAfter(REPORT_INTERVAL);

        assertThat(servers.takeCalls()).containsExactly(HEARTBEAT_ALL,
                "register compute-2/nova-compute, controller/nova-scheduler", "report node-compute-2");
    }

    /** Once the servers answer again, the agent stays quiet until the wait is over, then reconnects at once. */
    private void assertTheNextTryComesBetween(int fromSeconds, int toSeconds) {
        servers.reachable();
        tickAfter(Duration.ofSeconds(fromSeconds - 1));
        assertThat(servers.takeCalls()).as("still backing off").isEmpty();
        tickAfter(Duration.ofSeconds(toSeconds - fromSeconds + 2));
        assertThat(servers.takeCalls()).containsExactly(REGISTER_ALL, REPORT_ALL, HEARTBEAT_ALL);
    }

    @Test
    void whileNoServerAnswersItBacksOffAndOnceOneDoesItRegistersAndReportsEverythingAgain() {
        connect();
        servers.unreachable();
        tickAfter(REPORT_INTERVAL); // the heartbeat fails: the next try in twice the interval, give or take a fifth

        assertTheNextTryComesBetween(16, 24);
    }

    @Test
    void eachFailedTryDoublesTheWait() {
        servers.unreachable();
        agent.tick();
        tickAfter(Duration.ofSeconds(25)); // past the first wait, 16 to 24 seconds: the second try fails too

        assertTheNextTryComesBetween(32, 48);
    }

    @Test
    void theWaitBetweenTriesStopsGrowingAtAMinute() {
        servers.unreachable();
        agent.tick();
        for (int failure = 2; failure <= 8; failure++) {
            tickAfter(Duration.ofSeconds(73)); // past any wait: a minute, plus a fifth
        }

        assertTheNextTryComesBetween(48, 72);
    }

    @Test
    void aDriverThatFailsOnceCostsOneTickAndTheLoopGoesOn() {
        connect();
        driver.failNextRead(new IllegalStateException("libvirt is restarting"));

        tickAfter(REPORT_INTERVAL);
        assertThat(servers.takeCalls()).isEmpty();
        tickAfter(REPORT_INTERVAL);
        assertThat(servers.takeCalls()).containsExactly(HEARTBEAT_ALL);
    }
}
