package io.hyperstatus.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivenessTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final Liveness liveness = new Liveness(Duration.ofSeconds(60));

    private static Service service(Instant lastSeenUp, boolean forcedDown) {
        return new Service(1, "a0f3c1de-0000-4000-8000-000000000001", "compute-1", "nova-compute", false, null,
                forcedDown, NOW.minusSeconds(3600), null, lastSeenUp);
    }

    @Test
    void serviceIsUpWhileItsLastHeartbeatIsWithinServiceDownTime() {
        assertThat(liveness.stateOf(service(NOW.minusSeconds(60), false), NOW)).isEqualTo(ServiceState.UP);
    }

    @Test
    void serviceIsDownOnceItsLastHeartbeatIsOlderThanServiceDownTime() {
        assertThat(liveness.stateOf(service(NOW.minusSeconds(61), false), NOW)).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void forcedDownServiceIsDownDespiteFreshHeartbeats() {
        assertThat(liveness.stateOf(service(NOW, true), NOW)).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void serviceThatNeverHeartbeatedIsMeasuredFromItsCreation() {
        Service fresh = new Service(1, "a0f3c1de-0000-4000-8000-000000000001", "h", "nova-compute", false, null,
                false, NOW.minusSeconds(10), null, null);
        Service old = new Service(1, "a0f3c1de-0000-4000-8000-000000000001", "h", "nova-compute", false, null,
                false, NOW.minusSeconds(100), null, null);
        assertThat(liveness.stateOf(fresh, NOW)).isEqualTo(ServiceState.UP);
        assertThat(liveness.stateOf(old, NOW)).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void heartbeatStampedInTheFutureCountsByItsDistance() {
        assertThat(liveness.stateOf(service(NOW.plusSeconds(30), false), NOW)).isEqualTo(ServiceState.UP);
        assertThat(liveness.stateOf(service(NOW.plusSeconds(90), false), NOW)).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void serviceDownTimeMustBePositive() {
        assertThatThrownBy(() -> new Liveness(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
