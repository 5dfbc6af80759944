package io.hyperstatus.core.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.testing.TestingServiceStore;
import io.hyperstatus.domain.DatabaseOutage;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Listings and lookups apply the grace of the last recorded database outage, read as they read the rows. */
class ServiceQueriesAfterOutageTest {
    private static final Instant BEGAN = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant RECOVERED = BEGAN.plusSeconds(120);

    private final TestingServiceStore store = new TestingServiceStore();
    private final AtomicReference<Optional<DatabaseOutage>> recorded = new AtomicReference<>(Optional.empty());
    private final ServiceQueries queries = new ServiceQueries(store, new Liveness(Duration.ofSeconds(60)),
            recorded::get);

    private Service seenAt(String host, Instant lastSeenUp) {
        Service added = store.add(host, Service.COMPUTE_BINARY);
        return store.put(new Service(added.id(), added.uuid(), host, added.binary(), false, null, false,
                BEGAN.minus(Duration.ofDays(1)), lastSeenUp, lastSeenUp));
    }

    private String states() {
        StringBuilder states = new StringBuilder();
        queries.list(Optional.empty(), Optional.empty())
                .forEach(s -> states.append(s.service().host()).append(' ').append(s.state()).append("; "));
        return states.toString();
    }

    @Test
    void hostsAliveWhenTheOutageBeganAreUpForServiceDownTimeAfterTheRecordedRecovery() {
        seenAt("heartbeating", BEGAN.minusSeconds(5));
        seenAt("dead-before", BEGAN.minusSeconds(90));
        store.setNow(RECOVERED);
        assertThat(states()).isEqualTo("heartbeating DOWN; dead-before DOWN; ");

        recorded.set(Optional.of(new DatabaseOutage(BEGAN, RECOVERED)));
        assertThat(states()).isEqualTo("heartbeating UP; dead-before DOWN; ");

        store.setNow(RECOVERED.plusSeconds(60));
        assertThat(states()).isEqualTo("heartbeating UP; dead-before DOWN; ");
        store.setNow(RECOVERED.plusSeconds(61));
        assertThat(states()).isEqualTo("heartbeating DOWN; dead-before DOWN; ");
    }

    @Test
    void aLookupAppliesTheGraceToo() {
        Service service = seenAt("heartbeating", BEGAN.minusSeconds(5));
        recorded.set(Optional.of(new DatabaseOutage(BEGAN, RECOVERED)));
        store.setNow(RECOVERED.plusSeconds(30));

        assertThat(queries.find(ServiceRef.byId(service.id())).orElseThrow().state().name()).isEqualTo("UP");
    }
}
