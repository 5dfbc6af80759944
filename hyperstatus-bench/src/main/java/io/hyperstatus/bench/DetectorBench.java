package io.hyperstatus.bench;

import io.hyperstatus.core.events.EventQuery;
import io.hyperstatus.core.liveness.DetectorOptions;
import io.hyperstatus.core.liveness.LivenessDetector;
import io.hyperstatus.core.port.LivenessStore;
import io.hyperstatus.core.zones.ServiceZones;
import io.hyperstatus.domain.Liveness;
import io.hyperstatus.domain.Service;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.storage.Database;
import io.hyperstatus.storage.DatabaseUrl;
import io.hyperstatus.storage.JdbiAgentStore;
import io.hyperstatus.storage.JdbiAggregateStore;
import io.hyperstatus.storage.JdbiEventStore;
import io.hyperstatus.storage.JdbiLivenessStore;
import io.hyperstatus.storage.JdbiOutageStore;
import io.hyperstatus.storage.JdbiTransactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.statement.PreparedBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The liveness detector's cost (bench/liveness-detector.sh): N services on a fresh database, the detector's passes
 * run one after another in this process (so a pass's time is its database round trips and the database's work),
 * when nothing changes, when 1 % of the services go down at once and when they come back; the plan of the lapsed
 * range on PostgreSQL; and the heartbeat ingest (batches of 1000 on one connection) with and without the index the
 * detector reads, which every heartbeat maintains.
 *
 * <pre>bench/liveness-detector.sh [--services 100000] [--databases embedded,postgresql] [--passes 200]
 *                            [--heartbeat-seconds 6] [--postgresql JDBC-URL]</pre>
 */
@Command(name = "bench/liveness-detector.sh", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "The liveness detector's cost per pass at N services (nothing changing; 1 %% going down at"
                + " once, and coming back) and the heartbeat ingest with and without the index it reads, run in this"
                + " process on each database.")
public final class DetectorBench implements Callable<Integer> {
    private static final Duration DOWN_TIME = Duration.ofSeconds(60);

    @Option(names = "--services", paramLabel = "N", description = "The nova-compute services seeded.")
    private int services = 100_000;
    @Mixin
    private BenchOptions.Databases databases = new BenchOptions.Databases("embedded", "postgresql");
    @Option(names = "--passes", paramLabel = "N", description = "The timed passes when nothing changes.")
    private int passes = 200;
    @Option(names = "--postgresql", paramLabel = "JDBC-URL", description = "The JDBC URL of the PostgreSQL server's"
            + " postgres database; the run creates and drops a database of its own there.")
    private String postgres = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    @Option(names = "--heartbeat-seconds", paramLabel = "S", description = "How long each heartbeat ingest runs.")
    private double heartbeatSeconds = 6;

    public static void main(String[] args) {
        System.exit(BenchOptions.commandLine(new DetectorBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, %s, load %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "Java " + System.getProperty("java.version"), Files.readString(Path.of("/proc/loadavg")).trim());
        for (String db : databases.names) {
            run(db);
        }
        return 0;
    }

    private void run(String db) throws Exception {
        Path folder = Files.createTempDirectory("hyperstatus-detector-bench");
        String name = "hs_detector_bench_" + ProcessHandle.current().pid();
        String url = switch (db) {
            case "embedded" -> "sqlite:///" + folder.resolve("bench.sqlite");
            case "postgresql" -> {
                admin("CREATE DATABASE " + name);
                yield postgres.replace("/postgres?", "/" + name + "?");
            }
            default -> throw new IllegalArgumentException("unknown database " + db);
        };
        try (Database database = Database.open(DatabaseUrl.parse(url), 4)) {
            database.migrate();
            seed(database);
            measure(db, database);
        } finally {
            if (db.equals("postgresql")) {
                admin("DROP DATABASE " + name);
            }
            try (var files = Files.walk(folder)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void admin(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** N nova-compute services, heartbeated now, in one zone. */
    private void seed(Database database) {
        long start = System.nanoTime();
        long now = micros(database.now());
        database.jdbi().useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO services (uuid, host, binary_name, created_at,"
                    + " updated_at, last_seen_up) VALUES (:uuid, :host, 'nova-compute', :now, :now, :now)");
            for (int i = 0; i < services; i++) {
                batch.bind("uuid", String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", i))
                        .bind("host", host(i)).bind("now", now).add();
                if (batch.size() == 1000) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
        });
        if (database.dialect().name().equals("POSTGRESQL")) {
            database.jdbi().useHandle(handle -> handle.execute("ANALYZE services"));
        }
        System.out.printf(Locale.ROOT, "%n%s: %d services seeded in %.1f s%n", database.dialect(), services,
                (System.nanoTime() - start) / 1e9);
    }

    private static String host(int i) {
        return String.format(Locale.ROOT, "bench-%06d", i);
    }

    private void measure(String db, Database database) throws Exception {
        BackdatedFirstLease store = new BackdatedFirstLease(new JdbiLivenessStore(database));
        JdbiEventStore events = new JdbiEventStore(database);
        LivenessDetector detector = new LivenessDetector(store, events, new JdbiTransactions(database),
                new ServiceZones(new JdbiAggregateStore(database), "nova", "internal"), new Liveness(DOWN_TIME),
                new JdbiOutageStore(database), new DetectorOptions(0.55, Duration.ofDays(90)), "bench/detector");
        // Warm-up (the JIT, the pool, the database's caches); the first pass takes the lease and starts the grace.
        for (int i = 0; i < 50; i++) {
            detector.pass();
        }
        if (!detector.holding()) {
            throw new IllegalStateException("the detector did not take the lease");
        }
        List<Double> quiet = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            quiet.add(timed(detector::pass));
        }
        report(db, "pass, nothing changes", quiet);
        if (events.lastId() != 0) {
            throw new IllegalStateException("events recorded while nothing changed");
        }

        int down = services / 100;
        database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE services SET last_seen_up = last_seen_up - :back"
                + " WHERE id % 100 = 0").bind("back", micros(DOWN_TIME.multipliedBy(2))).execute());
        double wentDown = timed(detector::pass);
        long recorded = events.find(EventQuery.newest(10_000).after(0)).size();
        double after = timed(detector::pass);
        System.out.printf(Locale.ROOT, "%s | pass recording 1 %% went_down (%d services; %d events, with the zone's"
                + " count) | %.1f ms | next pass %.2f ms%n", db, down, recorded, wentDown, after);

        database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE services SET last_seen_up = :now"
                + " WHERE id % 100 = 0").bind("now", micros(database.now())).execute());
        double cameUp = timed(detector::pass);
        long total = events.find(EventQuery.newest(10_000).after(0)).size();
        System.out.printf(Locale.ROOT, "%s | pass recording 1 %% came_up (%d events) | %.1f ms%n", db,
                total - recorded, cameUp);

        if (db.equals("postgresql")) {
            long cutoff = micros(database.now().minus(DOWN_TIME));
            database.jdbi().useHandle(handle -> handle.createQuery("EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM services s"
                            + " WHERE s.deleted = 0 AND s.heartbeat_lapsed = FALSE AND s.last_seen_up < " + cutoff
                            + " ORDER BY s.last_seen_up LIMIT 1000").mapTo(String.class).list()
                    .forEach(line -> System.out.println("    plan: " + line)));
        }
        // With and without the index, twice each in turn: the machine's noise falls on both alike.
        for (int round = 1; round <= 2; round++) {
            heartbeats(db, database, "with services_liveness_idx, round " + round);
            database.jdbi().useHandle(handle -> handle.execute("DROP INDEX services_liveness_idx"));
            heartbeats(db, database, "without it, round " + round);
            database.jdbi().useHandle(handle -> handle.execute("CREATE INDEX services_liveness_idx"
                    + " ON services (deleted, heartbeat_lapsed, last_seen_up)"));
        }
    }

    /** Heartbeats round the N services in batches of 1000 (one agent call's worth), on one connection. */
    private void heartbeats(String db, Database database, String label) {
        JdbiAgentStore agents = new JdbiAgentStore(database);
        List<List<ServiceKey>> batches = new ArrayList<>();
        for (int from = 0; from < services; from += 1000) {
            List<ServiceKey> keys = new ArrayList<>();
            for (int i = from; i < Math.min(services, from + 1000); i++) {
                keys.add(new ServiceKey(host(i), Service.COMPUTE_BINARY));
            }
            batches.add(keys);
        }
        for (int i = 0; i < 10; i++) {
            agents.heartbeat(batches.get(i % batches.size()));
        }
        long start = System.nanoTime();
        long deadline = start + (long) (heartbeatSeconds * 1e9);
        long beats = 0;
        List<Double> batchMs = new ArrayList<>();
        for (int b = 0; System.nanoTime() < deadline; b++) {
            List<ServiceKey> batch = batches.get(b % batches.size());
            batchMs.add(timed(() -> agents.heartbeat(batch)));
            beats += batch.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        batchMs.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%s | heartbeat ingest %s | %.0f beats/s | batch of 1000 p50 %.1f ms,"
                + " p99 %.1f ms%n", db, label, beats / seconds, quantile(batchMs, 0.5), quantile(batchMs, 0.99));
    }

    private static void report(String db, String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%s | %s (%d passes) | p50 %.2f ms | p99 %.2f ms | max %.2f ms%n", db, what,
                sorted.size(), quantile(sorted, 0.5), quantile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double quantile(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    /**
     * The store, except that the first lease is dated two service_down_times back: the detector's grace after its
     * start is then over at once, and the bench needs no minute's wait before the 1 % go down.
     */
    private static final class BackdatedFirstLease implements LivenessStore {
        private final LivenessStore store;
        private boolean first = true;

        BackdatedFirstLease(LivenessStore store) {
            this.store = store;
        }

        @Override
        public Lease acquire(String holder, Duration length) {
            Lease lease = store.acquire(holder, length);
            if (first) {
                first = false;
                return new Lease(lease.held(), lease.databaseNow().minus(DOWN_TIME.multipliedBy(2)));
            }
            return lease;
        }

        @Override
        public void release(String holder) {
            store.release(holder);
        }

        @Override
        public List<Service> lapsedSince(Instant aliveBefore, int limit) {
            return store.lapsedSince(aliveBefore, limit);
        }

        @Override
        public List<Service> heartbeatingAgain(Instant heartbeatSince, int limit) {
            return store.heartbeatingAgain(heartbeatSince, limit);
        }

        @Override
        public List<Service> claimDown(List<Service> seen) {
            return store.claimDown(seen);
        }

        @Override
        public List<Service> claimUp(List<Service> seen) {
            return store.claimUp(seen);
        }

        @Override
        public List<ServiceKey> liveServices() {
            return store.liveServices();
        }

        @Override
        public List<ServiceKey> recordedDown() {
            return store.recordedDown();
        }

        @Override
        public int wentDownAfter(String zone, Instant since) {
            return store.wentDownAfter(zone, since);
        }

        @Override
        public Set<String> disruptedZones() {
            return store.disruptedZones();
        }

        @Override
        public boolean claimDisruption(String zone, Instant since) {
            return store.claimDisruption(zone, since);
        }

        @Override
        public void endDisruption(String zone) {
            store.endDisruption(zone);
        }
    }
}
