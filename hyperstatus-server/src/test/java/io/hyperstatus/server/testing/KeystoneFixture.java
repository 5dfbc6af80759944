package io.hyperstatus.server.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real Keystone of {@code scripts/keystone.sh} on 127.0.0.1 (port 5000, or HYPERSTATUS_KEYSTONE_PORT), with the
 * users that script creates. Tests that need it call {@link #ensureRunning()}, which starts it when it does not
 * answer and fails (never skips) when it cannot: a suite that silently skipped its Keystone tests would prove nothing.
 */
public final class KeystoneFixture {
    public static final String AUTH_URL = "http://127.0.0.1:" + env("HYPERSTATUS_KEYSTONE_PORT", "5000");
    public static final String ADMIN_PASSWORD = env("HYPERSTATUS_KEYSTONE_ADMIN_PASSWORD", "keystone-admin");
    public static final String SERVICE_PASSWORD = env("HYPERSTATUS_KEYSTONE_SERVICE_PASSWORD", "hyperstatus-service");
    public static final String DEMO_PASSWORD = env("HYPERSTATUS_KEYSTONE_DEMO_PASSWORD", "demo-secret");
    public static final String READER_PASSWORD = env("HYPERSTATUS_KEYSTONE_READER_PASSWORD", "reader-secret");
    /** The password of user compute-agent, whose only role is compute_agent (project service). */
    public static final String AGENT_PASSWORD = env("HYPERSTATUS_KEYSTONE_AGENT_PASSWORD", "compute-agent-secret");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private KeystoneFixture() {
    }

    /** Starts Keystone through the script unless it answers with its users in place. */
    public static synchronized void ensureRunning() {
        if (answers() && token("hyperstatus", SERVICE_PASSWORD, "service") != null
                && token("compute-agent", AGENT_PASSWORD, "service") != null) {
            return;
        }
        script("start");
        if (!answers()) {
            throw new AssertionError("Keystone does not answer at " + AUTH_URL + " after scripts/keystone.sh start");
        }
    }

    /** Runs {@code scripts/keystone.sh ARG}; fails the test when it fails. */
    public static void script(String arg) {
        Path script = repositoryRoot().resolve("scripts/keystone.sh");
        try {
            Process process = new ProcessBuilder(script.toString(), arg).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/keystone-script.log"))).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("scripts/keystone.sh " + arg + " did not finish in 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("scripts/keystone.sh " + arg + " failed with exit code " + process.exitValue()
                        + "; see hyperstatus-server/target/keystone-script.log");
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static boolean answers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(AUTH_URL + "/v3")).timeout(Duration.ofSeconds(3)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A project-scoped token of a Default-domain user, or null when Keystone refuses. */
    public static String token(String user, String password, String project) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode userNode = identity.putObject("password").putObject("user");
        userNode.put("name", user).put("password", password).putObject("domain").put("name", "Default");
        auth.putObject("scope").putObject("project").put("name", project).putObject("domain").put("name", "Default");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(AUTH_URL + "/v3/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        return response.statusCode() == 201 ? response.headers().firstValue("X-Subject-Token").orElse(null) : null;
    }

    public static String adminToken() {
        return required(token("admin", ADMIN_PASSWORD, "admin"), "admin");
    }

    public static String demoToken() {
        return required(token("demo", DEMO_PASSWORD, "demo"), "demo");
    }

    /** Revokes a token ({@code DELETE /v3/auth/tokens}, authorised by the token itself). */
    public static void revoke(String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(AUTH_URL + "/v3/auth/tokens"))
                .header("X-Auth-Token", token).header("X-Subject-Token", token).DELETE());
        if (response.statusCode() != 204) {
            throw new AssertionError("revoking a token: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** {@code [api]} and {@code [keystone_authtoken]} for a server (and agent) authenticating with this Keystone. */
    public static String config(String authUrl, double tokenCacheSeconds, double timeoutSeconds) {
        return "[api]\nauth_strategy = keystone\n"
                + "[keystone_authtoken]\n"
                + "www_authenticate_uri = " + AUTH_URL + "\n"
                + "auth_url = " + authUrl + "\n"
                + "username = hyperstatus\npassword = " + SERVICE_PASSWORD + "\nproject_name = service\n"
                + "region_name = RegionOne\n"
                + "token_cache_time = " + tokenCacheSeconds + "\n"
                + "http_connect_timeout = " + timeoutSeconds + "\nhttp_request_timeout = " + timeoutSeconds + "\n";
    }

    private static String required(String token, String user) {
        if (token == null) {
            throw new AssertionError("Keystone refused a token to " + user + "; was it set up by scripts/keystone.sh?");
        }
        return token;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("Keystone at " + AUTH_URL + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/keystone.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("scripts/keystone.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }
}
