package io.hyperstatus.core.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.core.AggregateHostExistsException;
import io.hyperstatus.core.ConflictException;
import io.hyperstatus.core.InvalidRequestException;
import io.hyperstatus.core.NotFoundException;
import io.hyperstatus.core.port.Transactions;
import io.hyperstatus.core.services.ServiceQueries;
import io.hyperstatus.core.testing.TestingAggregateStore;
import io.hyperstatus.core.testing.TestingServiceStore;
import io.hyperstatus.domain.Aggregate;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AggregateAdministrationTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:34:56Z");

    private final TestingAggregateStore store = new TestingAggregateStore();
    private final TestingServiceStore services = new TestingServiceStore();
    private final AggregateAdministration aggregates = new AggregateAdministration(store,
            new ServiceQueries(services, new Liveness(Duration.ofSeconds(60))), () -> NOW, Transactions.none());

    private static Map<String, String> zone(String zone) {
        Map<String, String> change = new HashMap<>();
        change.put(Aggregate.AVAILABILITY_ZONE, zone);
        return change;
    }

    private Aggregate withHosts(String name, String zone, String... hosts) {
        Aggregate aggregate = store.create(name, zone);
        for (String host : hosts) {
            services.add(host, Service.COMPUTE_BINARY);
            aggregate = aggregates.addHost(AggregateId.of(aggregate.id()), host);
        }
        return aggregate;
    }

    @Test
    void aZoneMayNotBeEmptied() {
        Aggregate aggregate = withHosts("rack1", "az1", "alpha");

        assertThatThrownBy(() -> aggregates.update(AggregateId.of(aggregate.id()), Optional.empty(), zone(null)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot update aggregate 1. Reason: Aggregate rack1 does not support empty named"
                        + " availability zone.");
        assertThatThrownBy(() -> aggregates.setMetadata(AggregateId.of(aggregate.id()), zone("")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot update metadata of aggregate 1. Reason: Aggregate rack1 does not support empty"
                        + " named availability zone.");
    }

    @Test
    void aHostMayNotBeInTwoZones() {
        withHosts("rack1", "az1", "alpha");
        Aggregate other = withHosts("rack2", "az2");

        assertThatThrownBy(() -> aggregates.addHost(AggregateId.of(other.id()), "alpha"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Cannot add host to aggregate 2. Reason: One or more hosts already in availability"
                        + " zone(s) ['az1'].");
        assertThat(store.find(other.id()).orElseThrow().hosts()).isEmpty();
    }

    @Test
    void hostsWithInstancesMayNotMoveToAnotherZoneButMayStayInTheirs() {
        Aggregate aggregate = withHosts("rack1", "az1", "alpha");
        store.setInstances("alpha", 2);

        assertThatThrownBy(() -> aggregates.setMetadata(AggregateId.of(aggregate.id()), zone("az9")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot update metadata of aggregate 1. Reason: One or more hosts contain instances in"
                        + " this zone.");
        Aggregate same = aggregates.setMetadata(AggregateId.of(aggregate.id()), zone("az1"));

        assertThat(same.availabilityZone()).isEqualTo("az1");
        assertThat(same.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aSafeZoneChangeIsStoredAndTheAnswerCarriesTheDatabaseTime() {
        Aggregate aggregate = withHosts("rack1", "az1", "alpha");

        Aggregate renamed = aggregates.update(new AggregateId(aggregate.id(), "01"), Optional.of("rack9"), zone("az2"));

        assertThat(renamed.name()).isEqualTo("rack9");
        assertThat(renamed.availabilityZone()).isEqualTo("az2");
        assertThat(renamed.updatedAt()).isEqualTo(NOW);
        assertThat(store.find(aggregate.id()).orElseThrow().updatedAt()).isNull();
    }

    @Test
    void anAggregateNotThereIsNotFoundByTheIdAsGiven() {
        assertThatThrownBy(() -> aggregates.find(new AggregateId(7, "007")))
                .isInstanceOf(NotFoundException.class).hasMessage("Aggregate 007 could not be found.");
    }

    @Test
    void anAggregateDeletedWhileItIsChangedIsNotFound() {
        Aggregate aggregate = withHosts("rack1", null);
        services.add("alpha", Service.COMPUTE_BINARY);
        AggregateId id = AggregateId.of(aggregate.id());

        store.vanishOnNextWrite();
        assertThatThrownBy(() -> aggregates.addHost(id, "alpha"))
                .isInstanceOf(NotFoundException.class).hasMessage("Aggregate 1 could not be found.");
        Aggregate again = withHosts("rack2", null);
        store.vanishOnNextWrite();
        assertThatThrownBy(() -> aggregates.setMetadata(AggregateId.of(again.id()), Map.of("k", "v")))
                .isInstanceOf(NotFoundException.class).hasMessage("Aggregate 2 could not be found.");
    }

    @Test
    void onlyComputeHostsAreAddedOrRemovedAndOnlyOnce() {
        Aggregate aggregate = withHosts("rack1", null, "alpha");
        AggregateId id = AggregateId.of(aggregate.id());

        assertThatThrownBy(() -> aggregates.addHost(id, "nowhere"))
                .isInstanceOf(NotFoundException.class).hasMessage("Compute host nowhere could not be found.");
        assertThatThrownBy(() -> aggregates.addHost(id, "alpha"))
                .isInstanceOf(AggregateHostExistsException.class).hasMessage("Aggregate 1 already has host alpha.");
        assertThatThrownBy(() -> aggregates.removeHost(new AggregateId(1, " 1"), "nowhere"))
                .isInstanceOf(NotFoundException.class).hasMessage("Cannot remove host nowhere in aggregate  1");
        assertThat(aggregates.removeHost(id, "alpha").hosts()).isEmpty();
    }

    @Test
    void anAggregateWithHostsIsNotDeleted() {
        Aggregate aggregate = withHosts("rack1", null, "alpha");

        assertThatThrownBy(() -> aggregates.delete(AggregateId.of(aggregate.id())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Cannot remove host from aggregate 1. Reason: Host aggregate is not empty.");
        aggregates.removeHost(AggregateId.of(aggregate.id()), "alpha");
        aggregates.delete(AggregateId.of(aggregate.id()));
        assertThat(store.list()).isEmpty();
    }
}
