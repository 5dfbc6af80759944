package io.hyperstatus.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The grace a database outage gives: service_down_time (60 s here) counted from the database's return. */
class LivenessAfterOutageTest {
    private static final Instant BEGAN = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant RECOVERED = BEGAN.plusSeconds(300);
    private static final Optional<DatabaseOutage> OUTAGE = Optional.of(new DatabaseOutage(BEGAN, RECOVERED));
    private final Liveness liveness = new Liveness(Duration.ofSeconds(60));

    private static Service heartbeatAt(Instant lastSeenUp, boolean forcedDown) {
        return new Service(1, "a0f3c1de-0000-4000-8000-000000000001", "compute-1", "nova-compute", false, null,
                forcedDown, BEGAN.minusSeconds(3600), null, lastSeenUp);
    }

    private ServiceState at(Instant now, Service service) {
        return liveness.stateOf(service, now, OUTAGE);
    }

    @Test
    void serviceAliveWhenTheOutageBeganStaysUpUntilServiceDownTimeAfterTheRecovery() {
        Service service = heartbeatAt(BEGAN.minusSeconds(10), false);
        assertThat(at(RECOVERED, service)).isEqualTo(ServiceState.UP);
        assertThat(at(RECOVERED.plusSeconds(60), service)).isEqualTo(ServiceState.UP);
        assertThat(at(RECOVERED.plusSeconds(61), service)).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void withoutTheOutageTheSameServiceIsDownAtTheRecovery() {
        Service service = heartbeatAt(BEGAN.minusSeconds(10), false);
        assertThat(liveness.stateOf(service, RECOVERED)).isEqualTo(ServiceState.DOWN);
        assertThat(liveness.stateOf(service, RECOVERED, Optional.empty())).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void serviceAlreadyDownWhenTheOutageBeganGetsNoGrace() {
        Service service = heartbeatAt(BEGAN.minusSeconds(61), false);
        assertThat(at(RECOVERED, service)).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void serviceAliveAtTheLastMomentOfServiceDownTimeBeforeTheOutageGetsTheGrace() {
        assertThat(at(RECOVERED.plusSeconds(30), heartbeatAt(BEGAN.minusSeconds(60), false)))
                .isEqualTo(ServiceState.UP);
    }

    @Test
    void heartbeatStoredDuringTheOutageThroughAnotherServerCountsAsAlive() {
        assertThat(at(RECOVERED.plusSeconds(30), heartbeatAt(BEGAN.plusSeconds(100), false)))
                .isEqualTo(ServiceState.UP);
    }

    @Test
    void forcedDownServiceStaysDownAfterTheOutage() {
        assertThat(at(RECOVERED, heartbeatAt(BEGAN.minusSeconds(10), true))).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void heartbeatAfterTheRecoveryCountsAsUsual() {
        Service service = heartbeatAt(RECOVERED.plusSeconds(20), false);
        assertThat(at(RECOVERED.plusSeconds(80), service)).isEqualTo(ServiceState.UP);
        assertThat(at(RECOVERED.plusSeconds(81), service)).isEqualTo(ServiceState.DOWN);
    }

    @Test
    void anOutageCannotRecoverBeforeItBegan() {
        assertThatThrownBy(() -> new DatabaseOutage(RECOVERED, BEGAN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upUntilIsTheLastInstantTheRuleShowsUpWithOrWithoutTheOutage() {
        // Heartbeats before, during and after the outage, some long before it: the rule and upUntil agree.
        for (long offset = -200; offset <= 400; offset += 7) {
            Service service = heartbeatAt(BEGAN.plusSeconds(offset), false);
            for (Optional<DatabaseOutage> outage : java.util.List.of(OUTAGE, Optional.<DatabaseOutage>empty())) {
                Instant upUntil = liveness.upUntil(service, outage);
                assertThat(liveness.stateOf(service, upUntil, outage)).as("at %s, %s", upUntil, outage)
                        .isEqualTo(ServiceState.UP);
                assertThat(liveness.stateOf(service, upUntil.plusMillis(1), outage)).as("after %s", upUntil)
                        .isEqualTo(ServiceState.DOWN);
            }
        }
    }

    @Test
    void theOutageMovesTheDeadlineOfAServiceAliveWhenItBeganOnly() {
        assertThat(liveness.upUntil(heartbeatAt(BEGAN.minusSeconds(10), false), OUTAGE))
                .isEqualTo(RECOVERED.plusSeconds(60));
        assertThat(liveness.upUntil(heartbeatAt(BEGAN.minusSeconds(90), false), OUTAGE))
                .isEqualTo(BEGAN.minusSeconds(30));
    }
}
