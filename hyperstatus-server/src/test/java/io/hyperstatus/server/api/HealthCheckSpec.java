package io.hyperstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hyperstatus.server.testing.JsonAssert;
import io.hyperstatus.server.testing.KeystoneFixture;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET} and {@code HEAD /healthcheck} as oslo.middleware's healthcheck answers in front of Nova: no token, up
 * or down in plain text, the operator's disable file read on every call, details only when configured. (The
 * database's outages are {@link DatabaseOutageSpec}'s.)
 */
class HealthCheckSpec {
    @TempDir
    Path folder;

    private TestServer server;

    private TestServer start(String extraConfig) {
        server = TestServer.start(extraConfig);
        return server;
    }

    private Path disableFile() {
        return folder.resolve("healthcheck_disable");
    }

    private String withDisableFile(String more) {
        return "[healthcheck]\ndisable_by_file_path = " + disableFile() + "\n" + more;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Reply get(Map<String, String> headers) {
        return server.send("GET", "/healthcheck", null, headers);
    }

    private Reply head() {
        return server.send("HEAD", "/healthcheck", null, Map.of());
    }

    @Test
    void aServerThatReachesItsDatabaseAnswersOkInPlainTextWithoutAToken() {
        start("");
        Reply reply = get(Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("OK");
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("X-OpenStack-Request-ID")).startsWith("req-");
    }

    @Test
    void headAnswers204WithoutABodyAsOsloDoesWhileHeadStaysUnroutedElsewhere() {
        start("");
        Reply reply = head();
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        Reply elsewhere = server.send("HEAD", "/v2.1/os-hypervisors", null, Map.of("X-Auth-Token", TestServer.ADMIN));
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(server.send("HEAD", "/", null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void withoutDetailedJsonSaysOnlyUpOrDown() {
        start("");
        JsonAssert.assertJson(get(Map.of("Accept", "application/json")), 200, """
                {"detailed": false, "reasons": ["OK"]}""");
        // Plain text whenever the caller does not prefer JSON, as oslo's middleware.
        for (String accept : List.of("*/*", "text/html", "application/json;q=0.5, text/plain",
                "application/json, text/plain", "image/png")) {
            Reply reply = get(Map.of("Accept", accept));
            assertThat(reply.body()).as(accept).isEqualTo("OK");
            assertThat(reply.header("Content-Type")).as(accept).startsWith("text/plain");
        }
        assertThat(get(Map.of("Accept", "text/plain;q=0.1, application/*")).header("Content-Type"))
                .startsWith("application/json");
    }

    @Test
    void theDisableFileAppearingAndGoingFlipsTheAnswerWithoutARestart() throws IOException {
        start(withDisableFile(""));
        assertThat(get(Map.of()).status()).isEqualTo(200);

        Files.writeString(disableFile(), "maintenance until 18:00\n");
        Reply disabled = get(Map.of());
        assertThat(disabled.status()).isEqualTo(503);
        assertThat(disabled.body()).isEqualTo("DISABLED BY FILE");
        assertThat(disabled.header("Content-Type")).startsWith("text/plain");
        assertThat(head().status()).isEqualTo(503);
        assertThat(head().body()).isEmpty();
        JsonAssert.assertJson(get(Map.of("Accept", "application/json")), 503, """
                {"detailed": false, "reasons": ["DISABLED BY FILE"]}""");
        // Draining takes the server out of a load balancer's rotation only: the API still answers.
        assertThat(server.get("/v2.1/os-hypervisors").status()).isEqualTo(200);

        Files.delete(disableFile());
        Reply back = get(Map.of());
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).isEqualTo("OK");
    }

    @Test
    void aDisableFileNobodyMayReadOrAFolderCountsAsPresent() throws IOException {
        start(withDisableFile(""));
        Files.createFile(disableFile(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("---------")));
        assertThat(get(Map.of()).body()).isEqualTo("DISABLED BY FILE");
        Files.delete(disableFile());
        assertThat(get(Map.of()).status()).isEqualTo(200);

        Files.createDirectory(disableFile());
        Reply reply = get(Map.of());
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo("DISABLED BY FILE");
    }

    @Test
    void aDisableFileInAFolderThatDoesNotExistIsAbsent() {
        server = TestServer.start("[healthcheck]\ndisable_by_file_path = " + folder.resolve("none/such") + "\n");
        assertThat(get(Map.of()).status()).isEqualTo(200);
    }

    @Test
    void detailedListsEachCheckWithItsReasonAndNothingOfTheDatabasesAddress() throws IOException {
        start(withDisableFile("detailed = true\n"));
        Reply up = get(Map.of("Accept", "application/json"));
        JsonAssert.assertJson(up, 200, """
                {"detailed": true, "reasons": [
                    {"class": "database", "reason": "OK", "details": "reachable"},
                    {"class": "disable_by_file", "reason": "OK", "details": "no disable file"}]}""");

        Files.createFile(disableFile());
        Reply down = get(Map.of("Accept", "application/json"));
        JsonAssert.assertJson(down, 503, """
                {"detailed": true, "reasons": [
                    {"class": "database", "reason": "OK", "details": "reachable"},
                    {"class": "disable_by_file", "reason": "DISABLED BY FILE", "details": "the disable file exists"}]}""");
        // Plain text stays the reasons alone, detailed or not.
        assertThat(get(Map.of()).body()).isEqualTo("DISABLED BY FILE");
        for (Reply reply : List.of(up, down)) {
            assertThat(reply.body()).doesNotContain(server.databaseUrl(), "jdbc:", "password", "user=",
                    disableFile().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void otherMethodsAreAnsweredAsAnyUnroutedMethodIs(String method) {
        start(withDisableFile(""));
        Reply reply = server.send(method, "/healthcheck", "{}", Map.of("Content-Type", "application/json",
                "Accept", "application/json"));
        Reply unrouted = server.send(method, "/nonexistent", "{}", Map.of("Content-Type", "application/json",
                "Accept", "application/json"));
        assertThat(reply.status()).isEqualTo(unrouted.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo(unrouted.body());
        assertThat(reply.header("Content-Type")).isEqualTo(unrouted.header("Content-Type"));
        assertThat(reply.json().get("title").asText()).isEqualTo("Not Found");
    }

    @Test
    void itAnswersOkWhileKeystoneIsDownAndTheApiCannotAuthenticate() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        start(KeystoneFixture.config("http://127.0.0.1:" + closedPort, 1, 1));
        Reply health = get(Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("OK");
        assertThat(head().status()).isEqualTo(204);

        Reply withToken = server.send("GET", "/v2.1/os-hypervisors", null, Map.of("X-Auth-Token", "gAAAAAB-token"));
        JsonAssert.assertFault(withToken, 503, "serviceUnavailable",
                "The authentication service is unavailable. Please try again later.");
        assertThat(server.send("GET", "/v2.1/os-hypervisors", null, Map.of()).status()).isEqualTo(401);
        assertThat(get(Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aDisableFileBehindAFolderNobodyMayEnterNeverFailsTheCheck() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "permissions bind only a user other than root");
        Path locked = Files.createDirectory(folder.resolve("locked"));
        server = TestServer.start("[healthcheck]\ndisable_by_file_path = " + locked.resolve("disable") + "\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assertThat(get(Map.of()).status()).isIn(200, 503);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
