package io.hyperstatus.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventQueryTest {
    private static final Instant TIME = Instant.parse("2026-12-01T10:00:00Z");
    private static final LoggedEvent ZONE_DISRUPTED = new LoggedEvent(3, TIME, TIME,
            EventRecord.ofZone(TIME, "az-2", new ZoneDisruption(3, 4)), null);

    @Test
    void aZonesDisruptionPassesAQueryWithoutServiceFilters() {
        assertThat(EventQuery.newest(10).matches(ZONE_DISRUPTED)).isTrue();
        assertThat(EventQuery.newest(10).ofKinds(Set.of(EventKind.ZONE_DISRUPTED)).matches(ZONE_DISRUPTED)).isTrue();
    }

    @Test
    void aZonesDisruptionIsNoOneServicesEvent() {
        assertThat(EventQuery.newest(10).ofService("uuid-1").matches(ZONE_DISRUPTED)).isFalse();
        assertThat(EventQuery.newest(10).ofHost(Optional.of("compute-1"), Optional.empty()).matches(ZONE_DISRUPTED))
                .isFalse();
    }
}
