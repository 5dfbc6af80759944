package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.RawHttp;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests malformed at the protocol level, which Jetty refuses before any route sees them, answered all the same
 * with Nova's JSON fault: the status Jetty chose, a JSON body naming it, no HTML, no Java class.
 */
class ProtocolErrorsSpec {
    private static final String TOKEN = "X-Auth-Token: " + TestServer.ADMIN + "\r\n";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("a NUL in the path", 400,
                        "GET /v2.1/os-hypervisors/%00 HTTP/1.1\r\nHost: x\r\n" + TOKEN + "\r\n"),
                Arguments.of("an invalid UTF-8 escape in the path", 400,
                        "GET /v2.1/os-hypervisors/%ff HTTP/1.1\r\nHost: x\r\n" + TOKEN + "\r\n"),
                Arguments.of("a UTF-16 escape in the path", 400,
                        "GET /v2.1/os-hypervisors/%u0041 HTTP/1.1\r\nHost: x\r\n" + TOKEN + "\r\n"),
                Arguments.of("an incomplete escape in the path", 400,
                        "GET /v2.1/os-hypervisors/%G1 HTTP/1.1\r\nHost: x\r\n" + TOKEN + "\r\n"),
                Arguments.of("headers larger than the limit", 431,
                        "GET /v2.1/os-hypervisors HTTP/1.1\r\nHost: x\r\n" + TOKEN + "X-Big: " + "a".repeat(20_000)
                                + "\r\n\r\n"),
                Arguments.of("a URI longer than the limit", 414,
                        "GET /v2.1/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n" + TOKEN + "\r\n"),
                Arguments.of("an expectation other than 100-continue", 417,
                        "POST /v2.1/os-aggregates HTTP/1.1\r\nHost: x\r\n" + TOKEN
                                + "Expect: something-else\r\nContent-Length: 2\r\n\r\n{}"),
                Arguments.of("an unknown HTTP version", 400,
                        "GET /v2.1/os-hypervisors HTTP/9.9\r\nHost: x\r\n" + TOKEN + "\r\n"),
                Arguments.of("a negative Content-Length", 400,
                        "POST /v2.1/os-aggregates HTTP/1.1\r\nHost: x\r\n" + TOKEN + "Content-Length: -1\r\n\r\n"),
                Arguments.of("two different Content-Lengths", 400,
                        "POST /v2.1/os-aggregates HTTP/1.1\r\nHost: x\r\n" + TOKEN
                                + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} "),
                Arguments.of("a chunk size that is not hexadecimal", 400,
                        "POST /v2.1/os-aggregates HTTP/1.1\r\nHost: x\r\n" + TOKEN
                                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
                Arguments.of("no Host header", 400,
                        "GET /v2.1/os-hypervisors HTTP/1.1\r\n" + TOKEN + "\r\n"),
                Arguments.of("a request line that is not HTTP", 400, "HELLO THERE\r\n\r\n"),
                Arguments.of("a header line without a colon", 400,
                        "GET /v2.1/os-hypervisors HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"),
                Arguments.of("a control character in a header value", 400,
                        "GET /v2.1/os-hypervisors HTTP/1.1\r\nHost: x\r\nX-Auth-Token: a\u0001b\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void aMalformedRequestGetsAJsonFault(String what, int status, String request) {
        RawHttp.Answer answer = RawHttp.exchange(server.port(), request);
        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/json");
        assertThat(answer.body()).as(what).doesNotContainIgnoringCase("<html").doesNotContain("Exception")
                .doesNotContain("java.").doesNotContain("org.eclipse");
        assertThat(Reply.parse(answer.body()).findValue("code").asInt()).as(what).isEqualTo(status);
    }
}
