package io.hyperstatus.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.core.HostHasInstancesException;
import io.hyperstatus.core.InvalidRequestException;
import io.hyperstatus.core.NotFoundException;
import io.hyperstatus.core.ServiceNotFoundException;
import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.ServiceEvent;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.testing.TestingEventSink;
import io.hyperstatus.core.testing.TestingServiceStore;
import io.hyperstatus.core.testing.TestingTransactions;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.domain.ServiceStatus;
import io.hyperstatus.domain.ServiceWithState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceAdministrationTest {
    private static final Actor OPERATOR = Actor.user("admin-user", "admin-project", "req-1");
    private static final Actor AGENT = Actor.agent("agent-user", "service-project", "req-2");

    private final TestingServiceStore store = new TestingServiceStore();
    private final TestingTransactions transactions = new TestingTransactions();
    private final TestingEventSink events = new TestingEventSink(transactions);
    private final ServiceAdministration administration = new ServiceAdministration(store, store, transactions,
            events, new ServiceQueries(store, new Liveness(Duration.ofSeconds(60))));

    private Service disabled(Service service, String reason) {
        return store.put(new Service(service.id(), service.uuid(), service.host(), service.binary(), true, reason,
                service.forcedDown(), service.createdAt(), service.updatedAt(), service.lastSeenUp()));
    }

    private ServiceEvent onlyEvent() {
        assertThat(events.events()).hasSize(1);
        return events.events().get(0);
    }

    @Test
    void enablingADisabledServiceGivesOneEnabledEventWithTheServiceBeforeAndAfterAndWhoAsked() {
        Service before = disabled(store.add("alpha", Service.COMPUTE_BINARY), "maintenance");

        ServiceWithState answer = administration.change(ServiceRef.byKey("alpha", Service.COMPUTE_BINARY),
                ServiceChange.enable(), OPERATOR);

        ServiceEvent event = onlyEvent();
        assertThat(event.kind()).isEqualTo(EventKind.ENABLED);
        assertThat(event.before().service()).isEqualTo(before);
        assertThat(event.after().service()).isEqualTo(answer.service()).isEqualTo(store.stored(before.id()).orElseThrow());
        assertThat(event.after().service().disabled()).isFalse();
        assertThat(event.after().service().disabledReason()).isNull();
        assertThat(event.actor()).isEqualTo(OPERATOR);
        assertThat(events.allInsideTransactions()).isTrue();
    }

    @Test
    void disablingAnEnabledServiceGivesOneDisabledEvent() {
        Service before = store.add("alpha", Service.COMPUTE_BINARY);

        administration.change(ServiceRef.byUuid(before.uuid()), ServiceChange.disable("broken fan"), OPERATOR);

        ServiceEvent event = onlyEvent();
        assertThat(event.kind()).isEqualTo(EventKind.DISABLED);
        assertThat(event.before().service()).isEqualTo(before);
        assertThat(event.after().service().disabledReason()).isEqualTo("broken fan");
    }

    @Test
    void anotherReasonForADisabledServiceGivesOneReasonChangedEvent() {
        Service before = disabled(store.add("alpha", Service.COMPUTE_BINARY), "maintenance");

        administration.change(ServiceRef.byUuid(before.uuid()), ServiceChange.disable("broken fan"), OPERATOR);

        ServiceEvent event = onlyEvent();
        assertThat(event.kind()).isEqualTo(EventKind.REASON_CHANGED);
        assertThat(event.before().service().disabledReason()).isEqualTo("maintenance");
        assertThat(event.after().service().disabledReason()).isEqualTo("broken fan");
    }

    @Test
    void forcingDownAndUpGiveOneEventEach() {
        Service service = store.add("alpha", Service.COMPUTE_BINARY);
        ServiceRef ref = ServiceRef.byKey("alpha", Service.COMPUTE_BINARY);

        ServiceWithState down = administration.change(ref, ServiceChange.forceDown(true), OPERATOR);
        administration.change(ref, ServiceChange.forceDown(false), OPERATOR);

        assertThat(events.events()).extracting(ServiceEvent::kind).containsExactly(EventKind.FORCED_DOWN, EventKind.FORCED_UP);
        assertThat(events.events().get(0).before().service()).isEqualTo(service);
        assertThat(down.service().forcedDown()).isTrue();
        assertThat(events.events().get(1).after().service().forcedDown()).isFalse();
    }

    @Test
    void oneSaveThatDisablesAndForcesDownGivesTwoEventsSharingItsSnapshots() {
        Service before = store.add("alpha", Service.COMPUTE_BINARY);

        administration.change(ServiceRef.byUuid(before.uuid()), ServiceChange.of(Optional.of(ServiceStatus.DISABLED),
                Optional.of("gone"), Optional.of(true)), OPERATOR);

        assertThat(events.events()).extracting(ServiceEvent::kind).containsExactly(EventKind.DISABLED, EventKind.FORCED_DOWN);
        assertThat(events.events()).allSatisfy(e -> {
            assertThat(e.before().service()).isEqualTo(before);
            assertThat(e.after().service()).isEqualTo(store.stored(before.id()).orElseThrow());
        });
        assertThat(store.saves()).isEqualTo(1);
    }

    @Test
    void aChangeThatChangesNothingIsNotSavedButIsAnUnchangedEventOfTheCaller() {
        Service service = store.add("alpha", Service.COMPUTE_BINARY);

        ServiceWithState answer = administration.change(ServiceRef.byUuid(service.uuid()), ServiceChange.enable(),
                OPERATOR);
        administration.change(ServiceRef.byUuid(service.uuid()), ServiceChange.forceDown(false), OPERATOR);

        assertThat(answer.service()).isEqualTo(service);
        assertThat(store.saves()).isZero();
        assertThat(events.events()).hasSize(2).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.UNCHANGED);
            assertThat(e.before()).isEqualTo(e.after());
            assertThat(e.after().service()).isEqualTo(service);
            assertThat(e.actor()).isEqualTo(OPERATOR);
        });
    }

    @Test
    void aRefusedChangeIsRefusedOnlyOnceTheServiceIsFoundAndGivesNoEvent() {
        store.add("alpha", Service.COMPUTE_BINARY);
        ServiceChange refused = ServiceChange.refused("Missing forced_down field");

        assertThatThrownBy(() -> administration.change(ServiceRef.byKey("beta", Service.COMPUTE_BINARY), refused,
                OPERATOR)).isInstanceOf(NotFoundException.class).hasMessage("Host 'beta' is not mapped to any cell");
        assertThatThrownBy(() -> administration.change(ServiceRef.byKey("alpha", Service.COMPUTE_BINARY), refused,
                OPERATOR)).isInstanceOf(InvalidRequestException.class).hasMessage("Missing forced_down field");
        assertThat(events.events()).isEmpty();
        assertThat(store.saves()).isZero();
    }

    @Test
    void aChangeOfNothingAndEnablingWithAReasonAreRefused() {
        Service service = store.add("alpha", Service.COMPUTE_BINARY);
        ServiceRef ref = ServiceRef.byUuid(service.uuid());

        assertThatThrownBy(() -> administration.change(ref, ServiceChange.of(Optional.empty(), Optional.of("x"),
                Optional.empty()), OPERATOR)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("No updates were requested. Fields 'status' or 'forced_down' should be specified.");
        assertThatThrownBy(() -> administration.change(ref, ServiceChange.of(Optional.of(ServiceStatus.ENABLED),
                Optional.of("x"), Optional.of(true)), OPERATOR)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Specifying 'disabled_reason' with status 'enabled' is invalid.");
        assertThat(events.events()).isEmpty();
    }

    @Test
    void onlyComputeServicesCanBeChanged() {
        Service scheduler = store.add("alpha", "nova-scheduler");
        String refusal = "Updating a nova-scheduler service is not supported. Only nova-compute services can be updated.";

        assertThatThrownBy(() -> administration.change(ServiceRef.byKey("nowhere", "nova-scheduler"),
                ServiceChange.enable(), OPERATOR)).isInstanceOf(InvalidRequestException.class).hasMessage(refusal);
        assertThatThrownBy(() -> administration.change(ServiceRef.byUuid(scheduler.uuid()),
                ServiceChange.disable(null), OPERATOR)).isInstanceOf(InvalidRequestException.class).hasMessage(refusal);
        assertThat(events.events()).isEmpty();
    }

    @Test
    void aServiceDeletedWhileItIsChangedIsNotFoundAsTheRequestNamedIt() {
        Service service = store.add("alpha", Service.COMPUTE_BINARY);
        store.vanishOnNextWrite();

        assertThatThrownBy(() -> administration.change(ServiceRef.byUuid(service.uuid()), ServiceChange.disable(null),
                OPERATOR)).isInstanceOf(ServiceNotFoundException.class)
                .hasMessage("Service " + service.uuid() + " could not be found.");
        assertThat(events.events()).isEmpty();
    }

    @Test
    void deletingAServiceGivesOneDeletedEventWithTheServiceAsItWas() {
        Service service = store.add("alpha", Service.COMPUTE_BINARY);

        administration.delete(ServiceRef.byId(service.id()), OPERATOR);

        ServiceEvent event = onlyEvent();
        assertThat(event.kind()).isEqualTo(EventKind.DELETED);
        assertThat(event.before().service()).isEqualTo(service);
        assertThat(event.after()).isNull();
        assertThat(store.stored(service.id())).isEmpty();
        assertThat(events.allInsideTransactions()).isTrue();
    }

    @Test
    void aComputeServiceWhoseHostHasInstancesIsNotDeleted() {
        Service service = store.add("alpha", Service.COMPUTE_BINARY);
        store.giveInstancesTo("alpha");

        assertThatThrownBy(() -> administration.delete(ServiceRef.byId(service.id()), OPERATOR))
                .isInstanceOf(HostHasInstancesException.class)
                .hasMessage("Unable to delete compute service that is hosting instances. Migrate or delete the"
                        + " instances first.");
        assertThat(store.stored(service.id())).isPresent();
        assertThat(events.events()).isEmpty();
    }

    @Test
    void aServiceDeletedMeanwhileIsNotFoundAndGivesNoEvent() {
        Service service = store.add("alpha", "nova-scheduler");
        store.vanishOnNextWrite();

        assertThatThrownBy(() -> administration.delete(ServiceRef.byId(service.id()), OPERATOR))
                .isInstanceOf(ServiceNotFoundException.class);
        assertThatThrownBy(() -> administration.delete(ServiceRef.byId(service.id()), OPERATOR))
                .isInstanceOf(ServiceNotFoundException.class).hasMessage("Service " + service.id() + " could not be found.");
        assertThat(events.events()).isEmpty();
    }

    @Test
    void registeringCreatesEachNewServiceOnceWithOneCreatedEventByTheAgent() {
        ServiceKey compute = new ServiceKey("alpha", Service.COMPUTE_BINARY);
        store.add("beta", Service.COMPUTE_BINARY);

        List<Registration> first = administration.register(List.of(compute,
                new ServiceKey("beta", Service.COMPUTE_BINARY)), AGENT);
        List<Registration> again = administration.register(List.of(compute), AGENT);

        assertThat(first).extracting(Registration::created).containsExactly(true, false);
        assertThat(again).extracting(Registration::created).containsExactly(false);
        assertThat(again.get(0).id()).isEqualTo(first.get(0).id());
        ServiceEvent event = onlyEvent();
        assertThat(event.kind()).isEqualTo(EventKind.CREATED);
        assertThat(event.before()).isNull();
        assertThat(event.after().service().host()).isEqualTo("alpha");
        assertThat(event.after().service().id()).isEqualTo(first.get(0).id());
        assertThat(event.actor()).isEqualTo(AGENT);
        assertThat(events.allInsideTransactions()).isTrue();
    }

    @Test
    void aRegistrationThatLosesARaceAnswersTheOtherWritersServiceWithoutAnEvent() {
        ServiceKey compute = new ServiceKey("alpha", Service.COMPUTE_BINARY);
        store.raceNextInsert();

        List<Registration> registered = administration.register(List.of(compute), AGENT);

        assertThat(registered).extracting(Registration::created).containsExactly(false);
        assertThat(registered.get(0).id()).isEqualTo(store.registered(compute).orElseThrow().id());
        assertThat(events.events()).isEmpty();
    }

    @Test
    void aFailedInsertIsNotMistakenForARace() {
        IllegalStateException outage = new IllegalStateException("database unreachable");
        store.failNextInsert(outage);

        assertThatThrownBy(() -> administration.register(List.of(new ServiceKey("alpha", Service.COMPUTE_BINARY)),
                AGENT)).isSameAs(outage);
        assertThat(events.events()).isEmpty();
    }
}
