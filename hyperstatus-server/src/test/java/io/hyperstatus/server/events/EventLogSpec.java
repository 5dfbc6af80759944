package io.hyperstatus.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.LoggedEvent;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import io.hyperstatus.server.testing.Host;
import io.hyperstatus.server.testing.Reply;
import io.hyperstatus.server.testing.TestServer;
import io.hyperstatus.storage.JdbiEventStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every change of a service made through the public API (or by an agent's registration) is logged as exactly one
 * event per thing it changed, in the transaction of the change, with its actor and the service before and after;
 * a refused change logs nothing, and one that changes nothing is logged as unchanged.
 */
class EventLogSpec {
    private static final String COMPUTE = "nova-compute";
    private static final EventSnapshot UP_ENABLED = new EventSnapshot(ServiceState.UP, ServiceStatus.ENABLED, null,
            false);

    private TestServer server;
    private JdbiEventStore log;
    private String uuid;

    @BeforeEach
    void startWithOneHost() {
        server = TestServer.start();
        server.seed(Host.named("compute-1"));
        log = new JdbiEventStore(server.database());
        uuid = server.serviceUuid("compute-1", COMPUTE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anAgentsRegistrationIsLoggedAsCreatedByThatAgent() {
        LoggedEvent created = only(history());
        assertThat(created.kind()).isEqualTo(EventKind.CREATED);
        assertThat(created.record().actor().kind()).isEqualTo(Actor.Kind.AGENT);
        assertThat(created.record().actor().userId()).isEqualTo("simulator");
        assertThat(created.record().before()).isNull();
        assertThat(created.record().after()).isEqualTo(UP_ENABLED);
        assertThat(created.record().subject().host()).isEqualTo("compute-1");
        assertThat(created.record().zone()).isEqualTo("nova");
    }

    @Test
    void disablingWithAReasonIsOneDisabledEventByTheCallerWithTheRequestId() {
        Reply reply = update("{\"status\": \"disabled\", \"disabled_reason\": \"rack 12 power\"}");
        LoggedEvent disabled = only(history().subList(1, history().size()));
        assertThat(disabled.kind()).isEqualTo(EventKind.DISABLED);
        assertThat(disabled.record().actor()).isEqualTo(Actor.user("admin", "admin",
                reply.header("x-openstack-request-id"), List.of("admin", "member", "reader")));
        assertThat(disabled.record().before()).isEqualTo(UP_ENABLED);
        assertThat(disabled.record().after())
                .isEqualTo(new EventSnapshot(ServiceState.UP, ServiceStatus.DISABLED, "rack 12 power", false));
    }

    @Test
    void eachKindOfChangeIsLoggedOnceInTheOrderItWasMade() {
        update("{\"status\": \"disabled\", \"disabled_reason\": \"maintenance\"}");
        update("{\"status\": \"disabled\", \"disabled_reason\": \"broken fan\"}");
        update("{\"status\": \"enabled\"}");
        update("{\"forced_down\": true}");
        update("{\"forced_down\": false}");
        List<LoggedEvent> events = history();
        assertThat(events).extracting(LoggedEvent::kind).containsExactly(EventKind.CREATED, EventKind.DISABLED,
                EventKind.REASON_CHANGED, EventKind.ENABLED, EventKind.FORCED_DOWN, EventKind.FORCED_UP);
        assertThat(events).extracting(LoggedEvent::id).isSorted().doesNotHaveDuplicates();
        LoggedEvent reason = events.get(2);
        assertThat(reason.record().before().disabledReason()).isEqualTo("maintenance");
        assertThat(reason.record().after().disabledReason()).isEqualTo("broken fan");
        LoggedEvent forcedDown = events.get(4);
        assertThat(forcedDown.record().before()).isEqualTo(UP_ENABLED);
        assertThat(forcedDown.record().after())
                .isEqualTo(new EventSnapshot(ServiceState.DOWN, ServiceStatus.ENABLED, null, true));
        assertThat(events.get(5).record().after()).isEqualTo(UP_ENABLED);
    }

    @Test
    void oneUpdateThatDisablesAndForcesDownIsTwoEventsOfOneRequest() {
        Reply reply = update("{\"status\": \"disabled\", \"forced_down\": true}");
        List<LoggedEvent> events = history().subList(1, 3);
        assertThat(events).extracting(LoggedEvent::kind).containsExactly(EventKind.DISABLED, EventKind.FORCED_DOWN);
        assertThat(events).extracting(e -> e.record().actor().requestId())
                .containsOnly(reply.header("x-openstack-request-id"));
        assertThat(history()).hasSize(3);
    }

    @Test
    void aRefusedChangeLogsNothingAndAChangeOfNothingIsLoggedUnchanged() {
        assertThat(update("{\"status\": \"sideways\"}").status()).isEqualTo(400);
        assertThat(update("{\"disabled_reason\": \"only a reason\"}").status()).isEqualTo(400);
        assertThat(update("{\"status\": \"enabled\"}").status()).isEqualTo(200);
        List<LoggedEvent> events = history();
        assertThat(events).extracting(LoggedEvent::kind).containsExactly(EventKind.CREATED, EventKind.UNCHANGED);
        assertThat(events.get(1).record().before()).isEqualTo(UP_ENABLED).isEqualTo(events.get(1).record().after());
    }

    @Test
    void anEventKeepsTheServicesHeartbeatCountAndLastHeartbeatAsTheyWereWhenItWasWritten() {
        server.heartbeat("compute-1", COMPUTE);
        update("{\"status\": \"disabled\"}");
        server.heartbeat("compute-1", COMPUTE);

        List<LoggedEvent> events = history();
        assertThat(events.get(0).heartbeats().count()).isZero();
        assertThat(events.get(0).heartbeats().last()).isNull();
        assertThat(events.get(1).heartbeats().count()).isEqualTo(2);
        assertThat(events.get(1).heartbeats().last()).isNotNull();
    }

    @Test
    void aDeletedServiceKeepsItsHistoryUnderItsUuid() {
        update("{\"status\": \"disabled\"}");
        assertThat(server.delete("/v2.1/os-services/" + uuid, "2.53").status()).isEqualTo(204);
        List<LoggedEvent> events = history();
        assertThat(events).extracting(LoggedEvent::kind)
                .containsExactly(EventKind.CREATED, EventKind.DISABLED, EventKind.DELETED);
        LoggedEvent deleted = events.get(2);
        assertThat(deleted.record().before())
                .isEqualTo(new EventSnapshot(ServiceState.UP, ServiceStatus.DISABLED, null, false));
        assertThat(deleted.record().after()).isNull();
        assertThat(deleted.record().subject().serviceUuid()).isEqualTo(uuid);
    }

    @Test
    void anEventCarriesTheZoneTheHostsAggregatesGiveIt() {
        server.seed(Host.named("compute-2"));
        long rack = adminPost("/v2.1/os-aggregates",
                "{\"aggregate\": {\"name\": \"rack-12\", \"availability_zone\": \"az-east\"}}")
                .json().get("aggregate").get("id").asLong();
        adminPost("/v2.1/os-aggregates/" + rack + "/action", "{\"add_host\": {\"host\": \"compute-1\"}}");

        update("{\"status\": \"disabled\"}");
        server.put("/v2.1/os-services/" + server.serviceUuid("compute-2", COMPUTE), "2.53",
                "{\"status\": \"disabled\"}");

        assertThat(log.find(EventQuery.newest(2).ofKinds(Set.of(EventKind.DISABLED))))
                .extracting(e -> e.record().subject().host() + " " + e.record().zone())
                .containsExactly("compute-2 nova", "compute-1 az-east");
    }

    @Test
    void theNewestComeFirstWithoutACursorAndTheOldestFirstAfterOne() {
        update("{\"status\": \"disabled\"}");
        update("{\"status\": \"enabled\"}");
        List<LoggedEvent> newest = log.find(EventQuery.newest(2));
        assertThat(newest).extracting(LoggedEvent::kind).containsExactly(EventKind.ENABLED, EventKind.DISABLED);
        assertThat(log.find(EventQuery.newest(10).after(newest.get(1).id())))
                .extracting(LoggedEvent::kind).containsExactly(EventKind.ENABLED);
        assertThat(log.lastId()).isEqualTo(newest.get(0).id());
    }

    private Reply adminPost(String path, String body) {
        Reply reply = server.send("POST", path, body, Map.of("X-Auth-Token", TestServer.ADMIN,
                "Content-Type", "application/json"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private Reply update(String body) {
        return server.put("/v2.1/os-services/" + uuid, "2.53", body);
    }

    /** The service's events, oldest first. */
    private List<LoggedEvent> history() {
        return log.find(EventQuery.newest(100).after(0).ofService(uuid));
    }

    private static LoggedEvent only(List<LoggedEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
