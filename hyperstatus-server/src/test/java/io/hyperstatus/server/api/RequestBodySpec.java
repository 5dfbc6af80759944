package io.hyperstatus.server.api;

import static io.hyperstatus.server.testing.JsonAssert.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hyperstatus.server.testing.RawHttp;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * How a request body is received: only after the headers carry a token, within {@code [http] body_timeout}, as
 * one JSON document with nothing after it; a client that goes away while sending it costs one line of log.
 */
class RequestBodySpec {
    private static final String ADMIN = "X-Auth-Token: " + TestServer.ADMIN + "\r\n";

    @RegisterExtension static final TestServerExtension SERVER =
            TestServerExtension.configured("[http]\nbody_timeout = 1\n");
    private TestServer server;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger api = (Logger) LoggerFactory.getLogger("hyperstatus.api");
    private Level apiLevel;

    @BeforeEach
    void captureTheLog() {
        apiLevel = api.getLevel();
        api.setLevel(Level.INFO);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        root.detachAppender(log);
        api.setLevel(apiLevel);
    }

    private static String post(String path, int length, String token) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + token + "Content-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    // ---- one JSON document -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{\"aggregate\": {\"name\": \"rack-1\"}} x", "{\"aggregate\": {\"name\": \"rack-1\"}}{}",
            "{\"aggregate\": {\"name\": \"rack-1\"}}]", "{\"aggregate\": {\"name\": \"rack-1\"}} null"})
    void dataAfterTheJsonDocumentIsAMalformedBody(String body) {
        Reply reply = server.send("POST", "/v2.1/os-aggregates", body,
                Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json"));

        assertFault(reply, 400, "badRequest", "Malformed request body");
        assertThat(server.get("/v2.1/os-aggregates").json().get("aggregates")).isEmpty();
    }

    @Test
    void dataAfterAnAgentsJsonDocumentIsAMalformedBodyToo() {
        Reply reply = server.send("POST", "/agent/v1/heartbeats", "{\"heartbeats\": []} {}",
                Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json"));

        assertFault(reply, 400, "badRequest", "Malformed request body");
    }

    @Test
    void whitespaceAfterTheDocumentIsNoData() {
        Reply reply = server.send("POST", "/v2.1/os-aggregates", "{\"aggregate\": {\"name\": \"rack-1\"}} \r\n\t",
                Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json"));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotUtf8IsAMalformedBodyEvenWhereUnknownKeysAreStripped() {
        // Bytes 0xff 0xfe as a key: were they read leniently, the legacy API would strip the key and answer 200.
        String body = "{\"\u00ff\u00fe\": 1}";
        RawHttp.Answer answer = RawHttp.exchange(server.port(), "PUT /v2/os-hosts/compute-1 HTTP/1.1\r\nHost: x\r\n"
                + ADMIN + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"badRequest\":{\"code\":400,\"message\":\"Malformed request body\"}}");
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIsInvalidInputNamedAsPythonReadsIt() {
        Reply reply = server.send("PUT", "/v2.1/os-services/00000000-0000-0000-0000-000000000001",
                "{\"status\": 1E+400}", Map.of("X-Auth-Token", TestServer.ADMIN, "Content-Type", "application/json",
                        "OpenStack-API-Version", "compute 2.53"));

        assertFault(reply, 400, "badRequest",
                "Invalid input for field/attribute status. Value: inf. inf is not of type 'string'");
    }

    // ---- headers first -----------------------------------------------------------------------------------------

    @Test
    void aRequestWithoutATokenIsRefusedBeforeItsBodyIsSent() {
        try (RawHttp http = RawHttp.connect(server.port(), 5_000)) {
            http.send(post("/v2.1/os-aggregates", 100, ""));

            RawHttp.Answer answer = http.answer();

            assertThat(answer.status()).isEqualTo(401);
            assertThat(Reply.parse(answer.body()).get("error").get("code").asInt()).isEqualTo(401);
        }
    }

    @Test
    void aRequestWithATokenWaitsForItsBody() {
        try (RawHttp http = RawHttp.connect(server.port(), 5_000)) {
            String body = "{\"aggregate\": {\"name\": \"rack-1\"}}";
            http.send(post("/v2.1/os-aggregates", body.length(), ADMIN) + body.substring(0, 10));
            http.send(body.substring(10));

            assertThat(http.answer().status()).isEqualTo(200);
        }
    }

    // ---- in time -----------------------------------------------------------------------------------------------

    @Test
    void aBodyThatDoesNotArriveInTimeGets408AndTheConnectionIsClosed() {
        try (RawHttp http = RawHttp.connect(server.port(), 10_000)) {
            http.send(post("/v2.1/os-aggregates", 100, ADMIN) + "{\"aggr");

            RawHttp.Answer answer = http.answer();

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
            assertThat(Reply.parse(answer.body())).isEqualTo(Reply.parse(
                    "{\"computeFault\": {\"code\": 408, \"message\": \"The request body did not arrive in time.\"}}"));
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
        assertThat(server.get("/v2.1/os-aggregates").json().get("aggregates")).isEmpty();
    }

    // ---- a client that goes away -------------------------------------------------------------------------------

    @Test
    void aClientGoneMidBodyIsLoggedOnceAtInfoWithoutATrace() {
        try (RawHttp http = RawHttp.connect(server.port(), 5_000)) {
            http.send(post("/v2.1/os-aggregates/dropped", 1000, ADMIN) + "{\"aggregate\":");
        }
        List<ILoggingEvent> mentions = awaitMentionsOf("/v2.1/os-aggregates/dropped");

        assertThat(mentions).hasSize(1);
        assertThat(mentions.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(mentions.get(0).getThrowableProxy()).isNull();
        assertThat(log.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(log.list).noneMatch(event -> event.getThrowableProxy() != null);
    }

    /** The log events naming {@code path}, once there is one and the server had a moment to add others. */
    private List<ILoggingEvent> awaitMentionsOf(String path) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && mentions(path).isEmpty()) {
            pause(20);
        }
        // Whatever else the drop would log comes within moments of the first line.
        pause(500);
        return mentions(path);
    }

    private List<ILoggingEvent> mentions(String path) {
        synchronized (log) {
            return List.copyOf(log.list).stream().filter(e -> e.getFormattedMessage().contains(path)).toList();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
