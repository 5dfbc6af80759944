package io.hyperstatus.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The agent's watch over its own heartbeats: the loop ticks and the watch looks when the test says, on a clock the
 * test moves; what is asserted is what an operator reads in the log.
 */
class HeartbeatWatchTest {
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration SERVICE_DOWN_TIME = Duration.ofSeconds(60);

    @TempDir
    Path state;

    private final TestingDriver driver = new TestingDriver().host("compute-1", 4, "up 1 day");
    private final TestingApiServers servers = new TestingApiServers();
    private final TestingTicker ticker = new TestingTicker();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger watchLogger = (Logger) LoggerFactory.getLogger(HeartbeatWatch.class);
    private ComputeAgent agent;

    @BeforeEach
    void create() {
        log.start();
        watchLogger.addAppender(log);
        agent = new ComputeAgent(driver, servers, NodeIdentities.load(state),
                new AgentSchedule(REPORT_INTERVAL, Duration.ofMinutes(5), SERVICE_DOWN_TIME), ticker);
    }

    @AfterEach
    void close() {
        servers.release();
        agent.close();
        watchLogger.detachAppender(log);
    }

    /** Moves the clock by {@code step} and lets the loop tick and the watch look, {@code times} over. */
    private void run(Duration step, int times) {
        for (int i = 0; i < times; i++) {
            ticker.advance(step);
            agent.tick();
            agent.checkHeartbeats();
        }
    }

    private List<String> logged(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void heartbeatsThatGoThroughAreNeverReported() {
        agent.tick();
        run(REPORT_INTERVAL, 30);

        assertThat(log.list).isEmpty();
    }

    @Test
    void unreachableServersForServiceDownTimeGiveOneErrorNamingHowLongAndTheLastFailure() {
        agent.tick();
        servers.unreachable();

        run(Duration.ofSeconds(1), 59);
        assertThat(logged(Level.ERROR)).as("a second before service_down_time").isEmpty();
        run(Duration.ofSeconds(1), 1);
        run(Duration.ofSeconds(1), 300);

        assertThat(logged(Level.ERROR)).containsExactly("No heartbeat accepted by the API servers for 60 s (since the"
                + " last one, beyond service_down_time 60 s): the servers count this agent's services as down. Last"
                + " failure: cannot reach http://api.test: connection refused. Still trying.");
    }

    @Test
    void whenAHeartbeatIsAcceptedAgainItSaysSoOnceAndAFurtherSilenceIsReportedAgain() {
        agent.tick();
        servers.unreachable();
        run(Duration.ofSeconds(5), 20);
        servers.reachable();
        run(Duration.ofSeconds(5), 30);

        // The retries back off with jitter, so the first one through comes somewhere after the servers' return.
        assertThat(logged(Level.INFO)).singleElement().asString()
                .matches("Heartbeats are accepted again, after ([0-9]+ s|[0-9]+ min( [0-9]+ s)?) without one");

        servers.unreachable();
        run(Duration.ofSeconds(5), 20);
        assertThat(logged(Level.ERROR)).hasSize(2);
    }

    @Test
    void aRefusedCredentialIsNamedAsTheCause() {
        agent.tick();
        servers.refuse(401);

        run(REPORT_INTERVAL, 6);

        assertThat(logged(Level.ERROR)).singleElement().asString().contains("for 60 s").contains(
                "Last failure: API servers refused a report: The request you have made requires authentication."
                        + " (HTTP 401)");
        servers.accept();
        run(REPORT_INTERVAL, 1);
        assertThat(logged(Level.INFO)).containsExactly("Heartbeats are accepted again, after 70 s without one");
    }

    @Test
    void anAgentThatNeverGetsAHeartbeatThroughIsReportedFromItsStart() {
        servers.unreachable();

        run(Duration.ofSeconds(1), 60);

        assertThat(logged(Level.ERROR)).singleElement().asString()
                .startsWith("No heartbeat accepted by the API servers for 60 s (since the agent started, beyond");
    }

    @Test
    void aLoopStuckInAHeartbeatCallIsReportedByTheWatchOnItsOwnThread() throws Exception {
        agent.tick();
        CountDownLatch held = servers.holdNextHeartbeat();
        ticker.advance(REPORT_INTERVAL);
        Thread loop = new Thread(agent::tick, "stuck-loop");
        loop.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).as("the loop is in its heartbeat call").isTrue();

        ticker.advance(SERVICE_DOWN_TIME);
        // Bounded, so that a watch that waited for the loop (a shared lock, the loop's thread) fails instead of hanging.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), agent::checkHeartbeats);

        assertThat(logged(Level.ERROR)).containsExactly("No heartbeat accepted by the API servers for 70 s (since the"
                + " last one, beyond service_down_time 60 s): the servers count this agent's services as down. The"
                + " heartbeat loop has been stuck in one tick for 60 s. Still trying.");
        assertThat(loop.isAlive()).as("the loop is still stuck").isTrue();

        servers.release();
        loop.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(logged(Level.INFO)).containsExactly("Heartbeats are accepted again, after 70 s without one");
    }

    @Test
    void theWatchNeedsAPositiveServiceDownTime() {
        assertThatThrownBy(() -> new HeartbeatWatch(Duration.ZERO, ticker))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
