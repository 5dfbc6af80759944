package io.hyperstatus.server.api.dashboard;

import static io.hyperstatus.server.testing.JsonAssert.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.server.testing.TestServerExtension;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's session: signing in exchanges a token for cookies, the cookie then stands for the token on the
 * public APIs, every changing request made with it needs the CSRF token, and the pages come with a strict policy.
 */
class DashboardSessionSpec {
    private static final String JSON = "application/json";
    @RegisterExtension
    static final TestServerExtension SERVER = TestServerExtension.empty();
    private TestServer server;

    private Reply signIn(String body) {
        return server.send("POST", DashboardController.SESSION_PATH, body, Map.of("Content-Type", JSON));
    }

    /** The Cookie header a browser would send after this sign-in. */
    private static String cookiesOf(Reply signedIn) {
        return String.join("; ", signedIn.headerValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList());
    }

    private Reply withCookies(String method, String path, String body, String cookies, Map<String, String> more) {
        Map<String, String> headers = new LinkedHashMap<>(more);
        headers.put("Cookie", cookies);
        headers.put("OpenStack-API-Version", "compute 2.53");
        if (body != null) {
            headers.put("Content-Type", JSON);
        }
        return server.send(method, path, body, headers);
    }

    private String computeServiceId() {
        return server.serviceUuid("compute-1", "nova-compute");
    }

    @Test
    void signingInSetsAnHttpOnlyStrictSessionCookieAndAReadableCsrfCookie() {
        Reply reply = signIn("{\"token\": \"admin:admin\"}");
        assertThat(reply.status()).isEqualTo(201);
        List<String> cookies = reply.headerValues("Set-Cookie");
        assertThat(cookies).hasSize(2);
        assertThat(cookies.get(0)).startsWith(SessionCookie.NAME + "=")
                .contains("; Path=/", "; SameSite=Strict", "; HttpOnly", "; Max-Age=28800").doesNotContain("Secure");
        assertThat(cookies.get(1)).startsWith(DashboardSessions.CSRF_COOKIE + "=" + CsrfTokens.of("admin:admin") + ";")
                .contains("; SameSite=Strict").doesNotContain("HttpOnly");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        var session = reply.json().get("session");
        assertThat(session.get("user_id").asText()).isEqualTo("admin");
        assertThat(session.get("roles").toString()).isEqualTo("[\"admin\",\"member\",\"reader\"]");
        assertThat(session.get("csrf_token").asText()).isEqualTo(CsrfTokens.of("admin:admin"));
        assertThat(session.get("allowed").get("os_compute_api:os-services:update").asBoolean()).isTrue();
        assertThat(session.get("allowed").get("hyperstatus:agent:report").asBoolean()).isFalse();
    }

    @Test
    void theSessionSaysWhatTheUsersPolicyAllowsSoThatAReaderIsOfferedNoAction() {
        Reply member = signIn("{\"token\": \"demo:demo\"}");
        Reply session = withCookies("GET", DashboardController.SESSION_PATH, null, cookiesOf(member), Map.of());
        assertThat(session.status()).isEqualTo(200);
        var allowed = session.json().get("session").get("allowed");
        assertThat(allowed.get("os_compute_api:os-services:update").asBoolean()).isFalse();
        assertThat(allowed.get("os_compute_api:os-services:delete").asBoolean()).isFalse();
        assertThat(allowed.get("os_compute_api:os-availability-zone:list").asBoolean()).isTrue();
    }

    @Test
    void theCookieStandsForTheTokenOnNovasApiAndOnHyperstatusOwn() {
        server.seed(Host.named("compute-1"));
        String cookies = cookiesOf(signIn("{\"token\": \"admin:admin\"}"));
        Reply services = withCookies("GET", "/v2.1/os-services?binary=nova-compute", null, cookies, Map.of());
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.json().get("services").get(0).get("host").asText()).isEqualTo("compute-1");
        assertThat(withCookies("GET", "/hyperstatus/v1/events?limit=1", null, cookies, Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void aChangeMadeWithTheCookieButWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        server.seed(Host.named("compute-1"));
        String cookies = cookiesOf(signIn("{\"token\": \"admin:admin\"}"));
        String disable = "{\"status\": \"disabled\", \"disabled_reason\": \"forged\"}";
        for (Map<String, String> csrf : List.of(Map.<String, String>of(), Map.of(CsrfTokens.HEADER, "not-it"),
                Map.of(CsrfTokens.HEADER, CsrfTokens.of("demo:demo")))) {
            assertJson(withCookies("PUT", "/v2.1/os-services/" + computeServiceId(), disable, cookies, csrf), 403, """
                    {"forbidden": {"code": 403, "message": "The request's CSRF token is missing or does not match its session."}}""");
        }
        assertThat(withCookies("POST", "/v2.1/os-aggregates", "{\"aggregate\": {\"name\": \"forged\"}}", cookies,
                Map.of()).status()).isEqualTo(403);
        assertThat(withCookies("DELETE", "/v2.1/os-services/" + computeServiceId(), null, cookies, Map.of()).status())
                .isEqualTo(403);
        Reply after = server.get("/v2.1/os-services?binary=nova-compute", "2.53");
        assertThat(after.json().get("services").get(0).get("status").asText()).isEqualTo("enabled");
        assertThat(server.get("/v2.1/os-aggregates").json().get("aggregates")).isEmpty();
    }

    @Test
    void withTheCsrfTokenTheChangeIsMadeAndRecordedAsTheSessionsUser() {
        server.seed(Host.named("compute-1"));
        String cookies = cookiesOf(signIn("{\"token\": \"admin:admin\"}"));
        Reply changed = withCookies("PUT", "/v2.1/os-services/" + computeServiceId(),
                "{\"status\": \"disabled\", \"disabled_reason\": \"rack 12\"}", cookies,
                Map.of(CsrfTokens.HEADER, CsrfTokens.of("admin:admin")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("service").get("disabled_reason").asText()).isEqualTo("rack 12");
        var event = server.get("/hyperstatus/v1/events?kind=disabled").json().get("events").get(0);
        assertThat(event.get("actor").get("user_id").asText()).isEqualTo("admin");
    }

    @Test
    void aTokenHeaderWinsOverTheCookieAndNeedsNoCsrfToken() {
        server.seed(Host.named("compute-1"));
        String adminCookies = cookiesOf(signIn("{\"token\": \"admin:admin\"}"));
        // A member's token with an admin's cookie is the member: the cookie is not read at all.
        Reply member = withCookies("GET", "/v2.1/os-services", null, adminCookies, Map.of("X-Auth-Token", "demo:demo"));
        assertThat(member.status()).isEqualTo(403);
        Reply admin = withCookies("PUT", "/v2.1/os-services/" + computeServiceId(), "{\"status\": \"disabled\"}",
                adminCookies, Map.of("X-Auth-Token", TestServer.ADMIN));
        assertThat(admin.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hyperstatus_session=", "hyperstatus_session=%%%", "hyperstatus_session=MTA6YWRtaW46YWRtaW4",
            "other=1", "hyperstatus_session=bm90LWEtc2Vzc2lvbg"})
    void aMissingMalformedOrEndedSessionCookieIsNoTokenAndGetsThe401(String cookie) {
        // MTA6YWRtaW46YWRtaW4 is "10:admin:admin": a session that ended in 1970.
        Reply reply = withCookies("GET", "/v2.1/os-services", null, cookie, Map.of());
        assertJson(reply, 401, """
                {"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""");
        assertThat(withCookies("GET", DashboardController.SESSION_PATH, null, cookie, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void signingOutClearsBothCookiesButOnlyWithTheCsrfToken() {
        String cookies = cookiesOf(signIn("{\"token\": \"admin:admin\"}"));
        assertThat(withCookies("DELETE", DashboardController.SESSION_PATH, null, cookies, Map.of()).status())
                .isEqualTo(403);
        Reply out = withCookies("DELETE", DashboardController.SESSION_PATH, null, cookies,
                Map.of(CsrfTokens.HEADER, CsrfTokens.of("admin:admin")));
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.headerValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).contains("=; ", "Max-Age=0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"admin\"", "{}", "{\"token\": \"\"}", "{\"token\": 7}", "{\"token\": null}",
            "{not json", "{\"token\": [\"admin:admin\"]}"})
    void aSignInFormThatIsNotAnObjectWithATokenIsA400(String body) {
        Reply reply = signIn(body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("badRequest").get("code").asInt()).isEqualTo(400);
        assertThat(reply.headerValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aLongTokenIsA400AndAHugeFormA413() {
        assertJson(signIn("{\"token\": \"" + "a".repeat(256) + "\"}"), 400, """
                {"badRequest": {"code": 400, "message": "Invalid input for field/attribute token. It must be a string of 1 to 255 characters."}}""");
        assertThat(signIn("{\"token\": \"" + "a".repeat(DashboardController.MAX_FORM_BYTES) + "\"}").status())
                .isEqualTo(413);
    }

    @Test
    void theConfigurationTellsTheSignInPageWhichFormToShow() {
        assertJson(server.send("GET", DashboardController.CONFIG_PATH, null, Map.of()), 200, """
                {"auth_strategy": "noauth2", "service_down_time": 60}""");
    }

    @Test
    void pagesComeFromTheJarWithAStrictContentSecurityPolicy() {
        Reply page = server.send("GET", "/dashboard/", null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<title>Overview · hyperstatus</title>").doesNotContain("<script>");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(Dashboard.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Reply script = server.send("GET", "/dashboard/js/app.js", null, Map.of());
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(server.send("GET", "/dashboard", null, Map.of()).status()).isEqualTo(302);
    }

    @Test
    void aPathTheDashboardDoesNotHaveIsAnsweredAsAnyPathNoRouteTakes() {
        Reply missing = server.send("GET", "/dashboard/nothing-here.html", null, Map.of());
        Reply elsewhere = server.send("GET", "/nothing-here.html", null, Map.of());
        assertThat(missing.status()).isEqualTo(elsewhere.status());
        assertThat(missing.body()).isEqualTo(elsewhere.body().replace("/nothing-here", "/dashboard/nothing-here"))
                .doesNotContain("Javalin", "Exception", "jetty");
    }

    @Test
    void turnedOffThereAreNoPagesAndNoCookieStandsForAToken() {
        try (TestServer turnedOff = TestServer.start("[dashboard]\nenabled = false\n")) {
            server = turnedOff;
            assertTurnedOff();
        }
    }

    private void assertTurnedOff() {
        int noRoute = server.send("GET", "/nothing-here.html", null, Map.of()).status();
        assertThat(server.send("GET", "/dashboard/", null, Map.of()).status()).isEqualTo(noRoute);
        assertThat(signIn("{\"token\": \"admin:admin\"}").status())
                .isEqualTo(server.send("POST", "/nothing-here", "{}", Map.of("Content-Type", JSON)).status());
        String forged = SessionCookie.NAME + "=" + new SessionCookie("admin:admin",
                Instant.now().plusSeconds(600)).value();
        assertThat(withCookies("GET", "/v2.1/os-services", null, forged, Map.of()).status()).isEqualTo(401);
    }
}
