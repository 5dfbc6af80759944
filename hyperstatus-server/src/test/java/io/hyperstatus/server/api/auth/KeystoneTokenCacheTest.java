package io.hyperstatus.server.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The validated-token cache, on a clock the test moves: expiry by cache time and by the token's own, and eviction. */
class KeystoneTokenCacheTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Credentials DEMO = new Credentials("u1", "p1", Set.of("member"), Credentials.Scope.PROJECT);
    private static final Credentials ADMIN = new Credentials("u2", "", Set.of("admin"), Credentials.Scope.SYSTEM);

    private final MovableClock clock = new MovableClock(T0);

    @Test
    void anEntryLivesForTheCacheTime() {
        TokenCache cache = new TokenCache(10, Duration.ofMinutes(5), clock);
        cache.put("tok", DEMO, T0.plus(Duration.ofHours(1)));

        clock.at(T0.plusSeconds(299));
        assertThat(cache.get("tok")).contains(DEMO);
        clock.at(T0.plusSeconds(300));
        assertThat(cache.get("tok")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void anEntryEndsWhenItsTokenExpiresFirst() {
        TokenCache cache = new TokenCache(10, Duration.ofMinutes(5), clock);
        cache.put("tok", DEMO, T0.plusSeconds(30));

        clock.at(T0.plusSeconds(29));
        assertThat(cache.get("tok")).contains(DEMO);
        clock.at(T0.plusSeconds(30));
        assertThat(cache.get("tok")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNotCached() {
        TokenCache cache = new TokenCache(10, Duration.ofMinutes(5), clock);
        cache.put("tok", DEMO, T0);
        assertThat(cache.get("tok")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void whenFullTheOldestEntryGoes() {
        TokenCache cache = new TokenCache(2, Duration.ofMinutes(5), clock);
        Instant later = T0.plus(Duration.ofHours(1));
        cache.put("a", DEMO, later);
        cache.put("b", ADMIN, later);
        cache.put("c", DEMO, later);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("b")).contains(ADMIN);
        assertThat(cache.get("c")).contains(DEMO);
    }

    @Test
    void whenFullExpiredEntriesGoBeforeLiveOnes() {
        TokenCache cache = new TokenCache(2, Duration.ofMinutes(5), clock);
        cache.put("long", DEMO, T0.plus(Duration.ofHours(1)));
        cache.put("short", ADMIN, T0.plusSeconds(10));
        clock.at(T0.plusSeconds(20));
        cache.put("new", ADMIN, T0.plus(Duration.ofHours(1)));

        assertThat(cache.get("long")).contains(DEMO);
        assertThat(cache.get("new")).contains(ADMIN);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void tokensAreToldApartAndReplaced() {
        TokenCache cache = new TokenCache(10, Duration.ofMinutes(5), clock);
        cache.put("tok", DEMO, T0.plus(Duration.ofHours(1)));
        cache.put("tok", ADMIN, T0.plus(Duration.ofHours(1)));
        assertThat(cache.get("tok")).contains(ADMIN);
        assertThat(cache.get("tok2")).isEmpty();
        assertThat(cache.size()).isEqualTo(1);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void at(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
