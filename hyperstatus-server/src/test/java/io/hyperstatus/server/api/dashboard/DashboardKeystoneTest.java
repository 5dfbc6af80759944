package io.hyperstatus.server.api.dashboard;

import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Eventually;
import io.hyperstatus.server.testing.KeystoneFixture;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in to the dashboard with Keystone: the form's credentials become a project-scoped token's session. */
class DashboardKeystoneTest {
    private static final String UNAVAILABLE = """
            {"serviceUnavailable": {"code": 503, "message": "The authentication service is unavailable. Please try again later."}}""";
    private TestServer server;

    @BeforeAll
    static void keystone() {
        KeystoneFixture.ensureRunning();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Reply signIn(String form) {
        return server.send("POST", DashboardController.SESSION_PATH, form, Map.of("Content-Type", "application/json"));
    }

    private static String form(String user, String password, String project) {
        return "{\"username\": \"" + user + "\", \"password\": \"" + password + "\", \"project\": \"" + project + "\"}";
    }

    private static String sessionCookie(Reply signedIn) {
        String cookie = signedIn.headerValues("Set-Cookie").get(0);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void theFormsCredentialsOpenASessionThatEndsWithItsToken() {
        server = TestServer.start(KeystoneFixture.config(KeystoneFixture.AUTH_URL, 1, 5));
        assertJson(server.send("GET", DashboardController.CONFIG_PATH, null, Map.of()), 200, """
                {"auth_strategy": "keystone", "service_down_time": 60}""");
        Reply signedIn = signIn(form("demo", KeystoneFixture.DEMO_PASSWORD, "demo"));
        assertThat(signedIn.status()).isEqualTo(201);
        var session = signedIn.json().get("session");
        assertThat(session.get("roles").toString()).contains("member").doesNotContain("admin");
        assertThat(session.get("allowed").get("os_compute_api:os-services:update").asBoolean()).isFalse();
        // Keystone's tokens live an hour by default: the session ends with the token, before [dashboard]'s 8 hours.
        assertThat(signedIn.headerValues("Set-Cookie").get(0)).containsPattern("Max-Age=(3[0-5]\\d\\d|[12]?\\d{1,3});");
        Map<String, String> cookie = Map.of("Cookie", sessionCookie(signedIn));
        assertThat(server.send("GET", "/v2.1/os-availability-zone", null, cookie).status()).isEqualTo(200);
        // Signing out revokes the token: a copy of the cookie opens nothing once the token cache (1 s) lets it go.
        Map<String, String> signOut = Map.of("Cookie", sessionCookie(signedIn), CsrfTokens.HEADER,
                session.get("csrf_token").asText());
        assertThat(server.send("DELETE", DashboardController.SESSION_PATH, null, signOut).status()).isEqualTo(204);
        int afterSignOut = Eventually.until(() -> server.send("GET", DashboardController.SESSION_PATH, null, cookie)
                .status(), status -> status == 401, Duration.ofSeconds(10), Duration.ofMillis(200));
        assertThat(afterSignOut).isEqualTo(401);
    }

    @Test
    void aWrongPasswordOrProjectIsRefusedWithoutACookie() {
        server = TestServer.start(KeystoneFixture.config(KeystoneFixture.AUTH_URL, 1, 5));
        for (String form : new String[] {form("demo", "not-the-password", "demo"),
                form("demo", KeystoneFixture.DEMO_PASSWORD, "no-such-project"),
                form("nobody", "x", "demo")}) {
            Reply refused = signIn(form);
            assertThat(refused.status()).as(form).isEqualTo(401);
            assertThat(refused.headerValues("Set-Cookie")).isEmpty();
        }
        assertThat(signIn("{\"username\": \"demo\", \"project\": \"demo\"}").status()).isEqualTo(400);
    }

    @Test
    void keystoneOutOfReachIsThe503NotARefusal() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        server = TestServer.start(KeystoneFixture.config("http://127.0.0.1:" + closedPort, 1, 2));
        assertJson(signIn(form("demo", KeystoneFixture.DEMO_PASSWORD, "demo")), 503, UNAVAILABLE);
    }
}
