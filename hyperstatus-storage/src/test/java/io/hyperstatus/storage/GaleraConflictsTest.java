package io.hyperstatus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.events.Actor;
import io.hyperstatus.core.events.EventKind;
import io.hyperstatus.core.events.EventRecord;
import io.hyperstatus.core.events.EventSnapshot;
import io.hyperstatus.core.events.EventSubject;
import io.hyperstatus.core.services.ServiceChange;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real write-set conflicts on a Galera cluster (HYPERSTATUS_TEST_GALERA_PORTS, from {@code scripts/galera.sh
 * start}; skipped without it): writers on two nodes change one service and append events at once. Galera lets
 * both run on their node and fails one at COMMIT (error 1213, as a deadlock); {@link JdbiTransactions} runs it
 * again. Nothing escapes, no change is lost, and the event ids stay unique and gap-free.
 */
class GaleraConflictsTest {
    private static final int WRITERS_PER_NODE = 1;
    private static final int CHANGES_PER_WRITER = 200;
    /** About 20 changes a second per node, of one service: far more than operators make, conflicts every second. */
    private static final long LEAST_PAUSE_MILLIS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 80;

    private String adminUrl;
    private String name;
    private final List<Database> nodes = new ArrayList<>();

    @BeforeEach
    void openTwoNodesOnOneDatabase() throws InterruptedException {
        String[] admin = ScratchDatabases.galeraNodes().orElse(null);
        Assumptions.assumeTrue(admin != null && admin.length >= 2,
                ScratchDatabases.GALERA_PORTS + " does not name two Galera nodes: no cluster to write to");
        adminUrl = admin[0];
        name = ScratchDatabases.newName();
        ScratchDatabases.create(adminUrl, name);
        for (int i = 0; i < 2; i++) {
            nodes.add(Database.open(DatabaseUrl.parse(ScratchDatabases.withDatabase(admin[i], name)), 8));
        }
        nodes.get(0).migrate();
        // DDL is replicated in total order, but applied on the other node a moment later.
        for (int wait = 0; wait < 100 && !migrated(nodes.get(1)); wait++) {
            Thread.sleep(100);
        }
        assertThat(migrated(nodes.get(1))).as("schema replicated to the second node").isTrue();
    }

    private static boolean migrated(Database node) {
        return node.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = 'notification_outbox'").mapTo(Integer.class).one()) == 1;
    }

    @AfterEach
    void dropTheDatabase() {
        nodes.forEach(Database::close);
        if (name != null) {
            ScratchDatabases.drop(adminUrl, name);
        }
    }

    @Test
    void concurrentChangesOfOneServiceOnTwoNodesAreAllKeptWithGapFreeEventIds() throws Exception {
        Service service = new JdbiAgentStore(nodes.get(0)).insert(new ServiceKey("alpha", Service.COMPUTE_BINARY));
        // Galera applies a write-set on the other nodes after it committed on its own (no causal reads unless
        // wsrep_sync_wait asks for them): the second node sees the service a moment later.
        for (int wait = 0; wait < 100 && versionOn(nodes.get(1), service.id()) == null; wait++) {
            Thread.sleep(100);
        }
        long versionBefore = version(nodes.get(0), service.id());
        assertThat(versionOn(nodes.get(1), service.id())).isEqualTo(versionBefore);
        long conflictsBefore = conflicts();

        ExecutorService pool = Executors.newFixedThreadPool(2 * WRITERS_PER_NODE);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (Database node : nodes) {
                JdbiTransactions transactions = new JdbiTransactions(node);
                JdbiServiceStore services = new JdbiServiceStore(node);
                JdbiEventStore events = new JdbiEventStore(node);
                for (int w = 0; w < WRITERS_PER_NODE; w++) {
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < CHANGES_PER_WRITER; i++) {
                            boolean down = i % 2 == 0;
                            ids.add(transactions.inTransaction(() -> {
                                var saved = services.save(service.id(), ServiceChange.forceDown(down));
                                assertThat(saved).isPresent();
                                return events.append(forced(service, down));
                            }));
                            // A pause as between requests. Without one, each node's writer changes the row every few
                            // milliseconds: the other node's transaction, open for longer than that on a busy
                            // machine, is aborted by nearly every write-set applied meanwhile, and so is each of
                            // its retries, whatever their pauses (a row that hot wants a single writing node).
                            Thread.sleep(ThreadLocalRandom.current().nextLong(LEAST_PAUSE_MILLIS, LONGEST_PAUSE_MILLIS + 1));
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> writer : writers) {
                // Any exception a writer met (a conflict not retried, a retry given up) fails the test here.
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = 2 * WRITERS_PER_NODE * CHANGES_PER_WRITER;
        assertThat(conflicts() - conflictsBefore).as("write-sets that lost certification or were aborted")
                .isPositive();
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();
        assertThat(ids.stream().sorted().toList()).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
        for (Database node : nodes) {
            awaitEvents(node, total);
            assertThat(version(node, service.id())).isEqualTo(versionBefore + total);
            List<Long> range = node.jdbi().withHandle(h -> h.createQuery(
                    "SELECT MIN(id), MAX(id), COUNT(*) FROM service_events")
                    .map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).one());
            assertThat(range).containsExactly(1L, (long) total, (long) total);
        }
    }

    private static EventRecord forced(Service service, boolean down) {
        EventSnapshot up = EventSnapshot.ofNames("up", "enabled", null, false);
        EventSnapshot forcedDown = EventSnapshot.ofNames("down", "enabled", null, true);
        return EventRecord.ofService(down ? EventKind.FORCED_DOWN : EventKind.FORCED_UP, null,
                EventSubject.of(service), "nova", down ? up : forcedDown, down ? forcedDown : up,
                Actor.user("admin", "admin", "req-galera"), null);
    }

    private static long version(Database node, long id) {
        Long version = versionOn(node, id);
        assertThat(version).isNotNull();
        return version;
    }

    private static Long versionOn(Database node, long id) {
        return node.jdbi().withHandle(h -> h.createQuery("SELECT version FROM services WHERE id = :id")
                .bind("id", id).mapTo(Long.class).findOne().orElse(null));
    }

    /** The other node applies the last write-sets a moment after they committed. */
    private static void awaitEvents(Database node, int total) throws InterruptedException {
        for (int wait = 0; wait < 100; wait++) {
            long count = node.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM service_events")
                    .mapTo(Long.class).one());
            if (count >= total) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Local certification failures and brute-force aborts, summed over the two nodes. */
    private long conflicts() {
        long sum = 0;
        for (Database node : nodes) {
            sum += node.jdbi().withHandle(h -> h.createQuery("SELECT SUM(VARIABLE_VALUE)"
                    + " FROM information_schema.global_status WHERE VARIABLE_NAME IN"
                    + " ('WSREP_LOCAL_CERT_FAILURES', 'WSREP_LOCAL_BF_ABORTS')").mapTo(Long.class).one());
        }
        return sum;
    }
}
