package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hyperstatus.server.testing.Closeables;
import io.hyperstatus.server.testing.Eventually;
import io.hyperstatus.server.testing.JsonAssert;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TcpProxy;
import io.hyperstatus.server.testing.TestDatabase;
import io.hyperstatus.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database that goes away: calls that need it are answered 503 within [database] pool_timeout, the health check
 * says so, the server is back within about a second of the database's return, and hosts that heartbeated before an
 * outage longer than service_down_time are not listed down after it. The outage is a loopback relay in front of the
 * suite's PostgreSQL or MariaDB server that stops relaying; the embedded database's is another process's lock.
 * These tests wait in real time, as an outage does: each wait is bounded.
 */
class DatabaseOutageSpec {
    private static final String UNAVAILABLE = "The database is unavailable. Please try again later.";
    private static final Pattern PORT = Pattern.compile("^(jdbc:[a-z]+://127\\.0\\.0\\.1:)(\\d+)(/.*)$");
    private static final String CONFIG = "pool_timeout = 1\n[DEFAULT]\nservice_down_time = 3\nreport_interval = 1\n";
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(4);
    private static final Duration HEALTHCHECK_BOUND = Duration.ofSeconds(2);

    private TcpProxy proxy;
    private TestServer server;
    private TestServer detailed;
    private String proxiedUrl;

    private void startBehindProxy() {
        startBehindProxy(() -> { });
    }

    /** {@code beforeStart} runs once the server is built on the database, before it starts listening. */
    private void startBehindProxy(Runnable beforeStart) {
        String url = TestDatabase.newDatabase();
        Matcher matcher = PORT.matcher(url);
        assumeTrue(matcher.matches(), "a database server on the loopback (not the embedded database)");
        proxy = TcpProxy.to(Integer.parseInt(matcher.group(2)));
        proxiedUrl = matcher.group(1) + proxy.port() + matcher.group(3);
        server = TestServer.startAfter(proxiedUrl, CONFIG, beforeStart);
    }

    @AfterEach
    void stop() {
        Closeables.closeAll(detailed, server, proxy);
    }

    @Test
    void callsThatNeedTheDatabaseAreAnswered503WithinThePoolTimeoutWhileItIsUnreachable() {
        startBehindProxy();
        server.seedService("compute-1", "nova-compute");
        proxy.cut();

        long start = System.nanoTime();
        Reply list = server.get("/v2.1/os-services");
        Reply heartbeat = server.send("POST", "/agent/v1/heartbeats",
                "{\"heartbeats\": [{\"host\": \"compute-1\", \"binary\": \"nova-compute\"}]}",
                Map.of(TestServer.SECRET_HEADER, TestServer.AGENT_SECRET));
        Duration both = Duration.ofNanos(System.nanoTime() - start);

        JsonAssert.assertFault(list, 503, "serviceUnavailable", UNAVAILABLE);
        JsonAssert.assertFault(heartbeat, 503, "serviceUnavailable", UNAVAILABLE);
        assertThat(both).as("two calls with pool_timeout = 1").isLessThan(ANSWER_BOUND);
    }

    @Test
    void healthcheckAnswers503WithinTwoSecondsOfTheDatabaseGoingAndOkAgainAfterItsReturn() {
        startBehindProxy();
        detailed = TestServer.start(proxiedUrl, 0, CONFIG + "[healthcheck]\ndetailed = true\n");
        Reply fine = server.send("GET", "/healthcheck", null, Map.of());
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.body()).isEqualTo("OK");
        assertThat(fine.header("Content-Type")).startsWith("text/plain");

        proxy.cut();
        long start = System.nanoTime();
        Reply down = waitFor(() -> server.send("GET", "/healthcheck", null, Map.of()), r -> r.status() == 503);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("503 after the database went").isLessThan(HEALTHCHECK_BOUND);
        assertThat(down.body()).isEqualTo("DATABASE UNREACHABLE");
        assertThat(down.header("Content-Type")).startsWith("text/plain");
        assertThat(server.send("HEAD", "/healthcheck", null, Map.of()).status()).isEqualTo(503);
        // Up or down only, unless [healthcheck] detailed.
        JsonAssert.assertJson(server.send("GET", "/healthcheck", null, Map.of("Accept", "application/json")), 503,
                """
                {"detailed": false, "reasons": ["DATABASE UNREACHABLE"]}""");
        Reply detail = waitFor(() -> detailed.send("GET", "/healthcheck", null, Map.of("Accept", "application/json")),
                r -> r.status() == 503);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the detailed server's 503")
                .isLessThan(HEALTHCHECK_BOUND);
        JsonAssert.assertJson(detail, 503, """
                {"detailed": true, "reasons": [{"class": "database", "reason": "DATABASE UNREACHABLE",
                    "details": "the last probes of the database failed"}]}""");
        assertThat(detail.body()).doesNotContain(proxiedUrl, "jdbc:", "127.0.0.1", Integer.toString(proxy.port()),
                "password", "user=");

        proxy.restore();
        Reply back = waitFor(() -> server.send("GET", "/healthcheck", null, Map.of()), r -> r.status() == 200);
        assertThat(back.body()).isEqualTo("OK");
        assertThat(waitFor(() -> detailed.send("GET", "/healthcheck", null, Map.of()), r -> r.status() == 200).body())
                .isEqualTo("OK");
    }

    @Test
    void metricsAreStillServedWhileTheDatabaseIsUnreachableWithoutTheServiceSeries() throws Exception {
        startBehindProxy();
        server.seedService("compute-1", "nova-compute");
        assertThat(scrapeMetrics()).contains("hyperstatus_service_up{", "hyperstatus_database_up 1.0");

        proxy.cut();
        waitFor(() -> server.send("GET", "/healthcheck", null, Map.of()), r -> r.status() == 503);
        String during = scrapeMetrics();

        assertThat(during).contains("hyperstatus_database_up 0.0", "hyperstatus_metrics_scrape_failures_total 1.0",
                "jvm_threads_current").doesNotContain("hyperstatus_service_up{", "openstack_nova_agent_state{");
        proxy.restore();
        waitFor(() -> server.send("GET", "/healthcheck", null, Map.of()), r -> r.status() == 200);
        assertThat(Eventually.until(this::scrapeMetrics, text -> text.contains("hyperstatus_service_up{"),
                Duration.ofSeconds(10), Duration.ofMillis(100))).contains("hyperstatus_service_up{");
    }

    private String scrapeMetrics() {
        try {
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.metricsPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            return scrape.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aServerWhoseDatabaseGoesAwayAsItStartsListensAnswers503AndServesAfterTheDatabasesReturn() {
        // The database answered when the server opened it, and is gone by the time it starts listening.
        startBehindProxy(() -> proxy.cut());

        JsonAssert.assertFault(server.get("/v2.1/os-services"), 503, "serviceUnavailable", UNAVAILABLE);
        proxy.restore();
        waitFor(() -> server.get("/v2.1/os-services"), r -> r.status() == 200);
    }

    @Test
    void theServerAnswersAgainWithinAboutASecondOfTheDatabasesReturn() throws InterruptedException {
        startBehindProxy();
        server.seedService("compute-1", "nova-compute");
        proxy.cut();
        waitFor(() -> server.get("/v2.1/os-services"), r -> r.status() == 503);
        // Long enough for the pool's own retries to have backed off to seconds.
        Thread.sleep(8000);

        proxy.restore();
        long start = System.nanoTime();
        waitFor(() -> server.get("/v2.1/os-services"), r -> r.status() == 200);
        Duration back = Duration.ofNanos(System.nanoTime() - start);

        System.out.println("DatabaseOutageSpec: answered again " + back.toMillis() + " ms after the database's return");
        assertThat(back).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void hostsThatHeartbeatedBeforeAnOutageLongerThanServiceDownTimeAreUpAfterItUntilTheirGraceEnds()
            throws InterruptedException {
        startBehindProxy();
        server.seedService("compute-1", "nova-compute");
        server.seedService("compute-2", "nova-compute");
        server.ageHeartbeat("compute-2", "nova-compute", 100);
        proxy.cut();
        waitFor(() -> server.get("/v2.1/os-services"), r -> r.status() == 503);
        Thread.sleep(4500);

        proxy.restore();
        Reply after = waitFor(() -> server.get("/v2.1/os-services?binary=nova-compute"), r -> r.status() == 200);
        assertThat(states(after)).isEqualTo("compute-1=up compute-2=down");

        // Without a heartbeat, the grace of service_down_time from the return runs out.
        Reply later = waitFor(() -> server.get("/v2.1/os-services?binary=nova-compute"),
                r -> states(r).equals("compute-1=down compute-2=down"));
        assertThat(states(later)).isEqualTo("compute-1=down compute-2=down");
    }

    @Test
    void aWriteBlockedByAnotherProcessesLockOnTheEmbeddedDatabaseIsAnswered503() throws Exception {
        String url = TestDatabase.newDatabase();
        assumeTrue(url.startsWith("jdbc:sqlite:"), "the embedded database");
        server = TestServer.start(url, 0, CONFIG);
        server.seedService("compute-1", "nova-compute");
        try (Connection other = DriverManager.getConnection(url); Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            long start = System.nanoTime();
            Reply disable = server.put("/v2.1/os-services/disable", null,
                    "{\"host\": \"compute-1\", \"binary\": \"nova-compute\"}");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            lock.execute("ROLLBACK");

            JsonAssert.assertFault(disable, 503, "serviceUnavailable", UNAVAILABLE);
            assertThat(took).isLessThan(ANSWER_BOUND);
        }
        assertThat(server.put("/v2.1/os-services/disable", null,
                "{\"host\": \"compute-1\", \"binary\": \"nova-compute\"}").status()).isEqualTo(200);
    }

    private static String states(Reply reply) {
        StringBuilder states = new StringBuilder();
        reply.json().get("services").forEach(s -> states.append(states.length() == 0 ? "" : " ")
                .append(s.get("host").asText()).append('=').append(s.get("state").asText()));
        return states.toString();
    }

    /** Asks until the answer is the one expected, every 50 ms for at most 10 s. */
    private static Reply waitFor(Supplier<Reply> ask, Predicate<Reply> expected) {
        Reply reply = Eventually.until(ask, expected, Duration.ofSeconds(10), Duration.ofMillis(50));
        assertThat(expected.test(reply)).as("answer within 10 s, last: " + reply.status() + " " + reply.body()).isTrue();
        return reply;
    }
}
