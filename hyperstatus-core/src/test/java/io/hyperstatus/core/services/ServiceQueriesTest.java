package io.hyperstatus.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.testing.TestingServiceStore;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceWithState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Liveness is decided here, from the rows the store read and the database clock read with them. */
class ServiceQueriesTest {
    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    private final TestingServiceStore store = new TestingServiceStore();
    private final ServiceQueries queries = new ServiceQueries(store, new Liveness(Duration.ofSeconds(60)));

    private Service seenAt(String host, Instant lastSeenUp, boolean forcedDown) {
        Service added = store.add(host, Service.COMPUTE_BINARY);
        return store.put(new Service(added.id(), added.uuid(), host, added.binary(), false, null, forcedDown,
                NOON.minus(Duration.ofDays(1)), lastSeenUp, lastSeenUp));
    }

    @Test
    void aServiceIsUpWhileItsLastHeartbeatIsWithinTheDownTimeOfTheDatabaseClock() {
        seenAt("fresh", NOON.minusSeconds(60), false);
        seenAt("stale", NOON.minusSeconds(61), false);
        seenAt("forced", NOON, true);
        seenAt("ahead", NOON.plusSeconds(30), false);
        store.setNow(NOON);

        assertThat(queries.list(Optional.empty(), Optional.empty()))
                .extracting(s -> s.service().host() + " " + s.state())
                .containsExactly("fresh UP", "stale DOWN", "forced DOWN", "ahead UP");
    }

    @Test
    void aFoundServiceIsJudgedByTheClockReadWithIt() {
        Service service = seenAt("alpha", NOON, false);

        store.setNow(NOON.plusSeconds(59));
        ServiceWithState early = queries.find(ServiceRef.byId(service.id())).orElseThrow();
        store.setNow(NOON.plusSeconds(61));
        ServiceWithState late = queries.find(ServiceRef.byId(service.id())).orElseThrow();

        assertThat(early.state()).isEqualTo(ServiceState.UP);
        assertThat(late.state()).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void aScanJudgesEveryBatchByTheClockOfItsFirstBatch() {
        seenAt("alpha", NOON, false);
        seenAt("beta", NOON, false);
        store.setNow(NOON.plusSeconds(30));
        var cursor = queries.scan(Optional.empty(), Optional.empty(), 1);

        ServiceWithState first = cursor.next();
        store.setNow(NOON.plusSeconds(600));
        ServiceWithState second = cursor.next();

        assertThat(first.state()).isEqualTo(ServiceState.UP);
        assertThat(second.state()).isEqualTo(ServiceState.UP);
    }

    @Test
    void aHostIsAComputeHostWhenItHasALiveNovaComputeService() {
        store.add("alpha", Service.COMPUTE_BINARY);
        store.add("beta", "nova-scheduler");

        assertThat(queries.isComputeHost("alpha")).isTrue();
        assertThat(queries.isComputeHost("beta")).isFalse();
    }
}
