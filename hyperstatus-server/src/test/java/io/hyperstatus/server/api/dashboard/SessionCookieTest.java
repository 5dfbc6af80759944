package io.hyperstatus.server.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCookieTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aCookieValueReadsBackAsTheSameSessionUntilItEnds() {
        SessionCookie session = new SessionCookie("user; with=odd \"chars\"", NOW.plusSeconds(60));
        assertThat(session.value()).matches("[A-Za-z0-9_-]+");
        assertThat(SessionCookie.read(session.value(), NOW)).contains(session);
        assertThat(SessionCookie.read(session.value(), NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void valuesThatAreNotSessionsReadAsNone() {
        for (String value : new String[] {null, "", "!!!", "YWRtaW4", "LTE6YWRtaW4", "OTk5OTk5OTk5OTk5OTk5OTk5OTk6eA",
                "a".repeat(SessionCookie.MAX_VALUE_LENGTH + 1)}) {
            assertThat(SessionCookie.read(value, NOW)).as(String.valueOf(value)).isEmpty();
        }
    }

    @Test
    void aSessionEndsWithItsTokenWhenThatComesBeforeTheLifetime() {
        DashboardSessions sessions = new DashboardSessions(true, Duration.ofHours(8), true,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(sessions.open("t", Optional.of(NOW.plusSeconds(90))).expiresAt()).isEqualTo(NOW.plusSeconds(90));
        assertThat(sessions.open("t", Optional.empty()).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(sessions.setCookies(sessions.open("t", Optional.empty())))
                .allSatisfy(cookie -> assertThat(cookie).endsWith("; Secure").contains("Max-Age=28800"));
    }

    @Test
    void theCsrfTokenIsTheSessionsOwnAndComparedWhole() {
        assertThat(CsrfTokens.of("a")).isNotEqualTo(CsrfTokens.of("b")).isEqualTo(CsrfTokens.of("a"));
        assertThat(CsrfTokens.matches("a", CsrfTokens.of("a"))).isTrue();
        assertThat(CsrfTokens.matches("a", CsrfTokens.of("a").substring(1))).isFalse();
        assertThat(CsrfTokens.matches("a", null)).isFalse();
        assertThat(CsrfTokens.matches("", CsrfTokens.of(""))).isTrue();
        assertThat(DashboardSessions.cookieValue("x=1; hyperstatus_session=v; y=2", "hyperstatus_session")).contains("v");
        assertThat(DashboardSessions.cookieValue("xhyperstatus_session=v", "hyperstatus_session")).isEmpty();
    }
}
