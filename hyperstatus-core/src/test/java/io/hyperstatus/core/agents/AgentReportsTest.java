package io.hyperstatus.core.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.core.ConflictException;
import io.hyperstatus.core.ForbiddenException;
import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.services.ServiceAdministration;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.testing.TestingEventSink;
import io.hyperstatus.core.testing.TestingServiceStore;
import io.hyperstatus.core.testing.TestingTransactions;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.NodeReport;
import io.hyperstatus.domain.NodeResources;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentReportsTest {
    private static final Actor AGENT = Actor.agent("agent-a", "", "req-1");
    private static final AgentHosts HOST_A = new AgentHosts("agent-a", List.of("host-a"));
    private static final AgentHosts EVERY_HOST = new AgentHosts("simulator", List.of("*"));

    private final TestingServiceStore store = new TestingServiceStore();
    private final TestingTransactions transactions = new TestingTransactions();
    private final TestingEventSink events = new TestingEventSink(transactions);
    private final AgentReports reports = new AgentReports(store, new ServiceAdministration(store, store, transactions,
            events, new ServiceQueries(store, new Liveness(Duration.ofSeconds(60)))), transactions);

    private static ServiceKey compute(String host) {
        return new ServiceKey(host, Service.COMPUTE_BINARY);
    }

    private static NodeReport node(String host, String uuid, int vcpus) {
        return new NodeReport(host, host + ".example.org", uuid, new NodeResources("QEMU", 1, null, vcpus, 0, 8192, 0,
                100, 0, null, null, null, null, null, "{}", null), List.of());
    }

    @Test
    void anAgentRegistersHeartbeatsAndReportsForItsOwnHost() {
        assertThat(reports.register(HOST_A, List.of(compute("host-a")), AGENT)).singleElement()
                .satisfies(r -> assertThat(r.created()).isTrue());
        assertThat(reports.heartbeat(HOST_A, List.of(compute("host-a")))).isEmpty();
        assertThat(reports.report(HOST_A, List.of(node("host-a", "uuid-a", 4)))).containsExactly("uuid-a");
    }

    @Test
    void heartbeatsAndNodeReportsAreWrittenInATransactionEachSoThatAConflictIsRetried() {
        store.add("host-a", Service.COMPUTE_BINARY);
        int before = transactions.opened();

        reports.heartbeat(HOST_A, List.of(compute("host-a")));
        reports.report(HOST_A, List.of(node("host-a", "uuid-a", 4)));

        assertThat(transactions.opened()).isEqualTo(before + 2);
    }

    @Test
    void registeringAForeignHostIsForbiddenAndRegistersNothingOfTheBatch() {
        assertThatThrownBy(() -> reports.register(HOST_A, List.of(compute("host-a"), compute("host-b")), AGENT))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Agent agent-a may not report for host host-b.");

        assertThat(store.registered(compute("host-a"))).isEmpty();
        assertThat(store.registered(compute("host-b"))).isEmpty();
        assertThat(events.events()).isEmpty();
    }

    @Test
    void heartbeatingAForeignHostIsForbiddenAndRecordsNoHeartbeatOfTheBatch() {
        Service a = store.add("host-a", Service.COMPUTE_BINARY);
        Service b = store.add("host-b", Service.COMPUTE_BINARY);
        store.setNow(Instant.parse("2026-12-01T11:00:00Z"));

        assertThatThrownBy(() -> reports.heartbeat(HOST_A, List.of(compute("host-a"), compute("host-b"))))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Agent agent-a may not report for host host-b.");

        assertThat(store.stored(a.id())).contains(a);
        assertThat(store.stored(b.id())).contains(b);
    }

    @Test
    void reportingANodeOfAForeignHostIsForbiddenAndStoresNoNodeOfTheBatch() {
        reports.report(EVERY_HOST, List.of(node("host-b", "uuid-b", 8)));

        assertThatThrownBy(() -> reports.report(HOST_A,
                List.of(node("host-a", "uuid-a", 4), node("host-b", "uuid-b", 1))))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Agent agent-a may not report for host host-b.");

        assertThat(store.nodes()).containsOnlyKeys("uuid-b");
        assertThat(store.nodes().get("uuid-b").resources().vcpus()).isEqualTo(8);
    }

    @Test
    void aCredentialBoundToNoHostMayNotReportAtAll() {
        assertThatThrownBy(() -> reports.heartbeat(AgentHosts.NONE, List.of(compute("host-a"))))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("This credential is not bound to any host, so it may not report for host host-a.");
    }

    @Test
    void anEmptyBatchNeedsNoHost() {
        assertThat(reports.heartbeat(AgentHosts.NONE, List.of())).isEmpty();
    }

    @Test
    void aNodeUuidReportedUnderAnotherHostIsAConflictAndTheNodeStaysWithItsHost() {
        reports.report(EVERY_HOST, List.of(node("host-b", "uuid-b", 8)));

        assertThatThrownBy(() -> reports.report(EVERY_HOST, List.of(node("host-a", "uuid-b", 1))))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Compute node uuid-b belongs to host host-b; it cannot be reported for host host-a.");

        assertThat(store.nodes().get("uuid-b").host()).isEqualTo("host-b");
        assertThat(store.nodes().get("uuid-b").resources().vcpus()).isEqualTo(8);
    }

    @Test
    void aCredentialForEveryHostSpeaksForManyHostsInOneCall() {
        List<ServiceKey> keys = List.of(compute("sim-1"), compute("sim-2"), new ServiceKey("controller", "nova-scheduler"));

        assertThat(reports.register(EVERY_HOST, keys, AGENT)).hasSize(3);
        assertThat(reports.heartbeat(EVERY_HOST, keys)).isEmpty();
    }
}
