package io.hyperstatus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.Reported;
import io.hyperstatus.domain.ServiceKey;
import io.hyperstatus.protocol.agent.AgentCodec;
import io.hyperstatus.protocol.agent.ComputeNodeReport;
import io.hyperstatus.protocol.agent.ComputeNodesRequest;
import io.hyperstatus.protocol.agent.HeartbeatsRequest;
import io.hyperstatus.protocol.agent.RegisterServicesRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The scale benchmark. For each database and size N: starts a real server from the launcher jar on loopback with a
 * fresh database, loads N hypervisors through the agent interface, measures the API with concurrent clients and the
 * heartbeat ingest, and writes docs/performance/results.{md,json} and cost-vs-n.png. Every loop is bounded in count
 * and in time. The other benchmarks use an instance as their harness: its servers, loading and sampling.
 *   bench/run.sh [--sizes 1000,10000,100000] [--databases embedded,postgresql] [--op-seconds 8]
 *                [--op-max-requests 400] [--heartbeat-seconds 15] [--load-timeout 1800] [--out docs/performance]
 *                [--jar hyperstatus.jar] [--server-jvm "-Xmx256m"] [--class-data-archive true]
 */
@Command(name = "bench/run.sh", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "The scale benchmark: for each size and database, a real server from the launcher jar with N"
        + " hypervisors loaded through the agent interface; the API's latency and throughput, the heartbeat ingest"
        + " and the server's RSS. Writes results.{md,json} and cost-vs-n.png.")
public final class Bench implements Callable<Integer> {

  static final ObjectMapper JSON = new ObjectMapper();
  static final AgentCodec AGENT = new AgentCodec();
  static final String TOKEN = "admin:admin";
  /** The loading agent's shared secret, bound to every host by the servers' secrets file (docs/agent-identity.md). */
  static final String AGENT_SECRET = java.util.HexFormat.of().formatHex(
      randomBytes());

  @Mixin BenchOptions.Sizes sizes = new BenchOptions.Sizes(1000, 10000);
  @Mixin BenchOptions.Databases databases = new BenchOptions.Databases("embedded", "postgresql");
  @Mixin BenchOptions.Jar jar = new BenchOptions.Jar(Path.of("hyperstatus-launcher/target/hyperstatus.jar"));
  @Option(names = "--out", paramLabel = "DIR", description = "Where results.{md,json} and cost-vs-n.png are"
      + " written; the figures are compared with the results.json already there.")
  Path out = Path.of("docs/performance");
  @Option(names = "--op-seconds", paramLabel = "S", description = "The longest each API measure runs, after its"
      + " warm-up.")
  double opSeconds = 8;
  @Option(names = "--op-max-requests", paramLabel = "N", description = "The most requests each API measure makes.")
  int opMaxRequests = 400;
  int clients = 4;
  @Option(names = "--heartbeat-seconds", paramLabel = "S", description = "How long the heartbeat ingest runs.")
  double heartbeatSeconds = 15;
  @Option(names = "--load-timeout", paramLabel = "S",
      description = "The longest loading the N hypervisors (their services, then their nodes) may take.")
  double loadTimeoutSeconds = 1800;
  String pgHost = "127.0.0.1";
  int pgPort = 5432;
  String pgUser = "postgres";
  @Mixin BenchOptions.ServerJvm serverJvmOption = new BenchOptions.ServerJvm();
  /** The server's JVM options; the heap bound is part of what the RSS figures mean (see README Performance). */
  List<String> serverJvm = serverJvmOption.list();
  Path workFolder;
  @Option(names = "--class-data-archive", arity = "1", paramLabel = "BOOLEAN", description = "Whether to train an"
      + " AppCDS archive first, measure the start-up without and with it, and run the servers with it.")
  boolean classDataArchive = true;

  final List<Result> results = new ArrayList<>();

  /** One figure. value: the median for latencies, else the figure itself; p99 and rate where they apply. */
  record Result(String database, int n, String measure, String unit, double value, Double p99, Double rate,
      int count, int errors, String measuredAt) {
    Result(String database, int n, String measure, String unit, double value, Double p99, Double rate, int count,
        int errors) {
      this(database, n, measure, unit, value, p99, rate, count, errors, null);
    }

    String key() {
      return database + "|" + n + "|" + measure;
    }
  }

  public static void main(String[] args) {
    System.exit(BenchOptions.commandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    serverJvm = serverJvmOption.list();
    run();
    return 0;
  }

  void run() throws Exception {
    Path work = Files.createTempDirectory("hyperstatus-bench");
    workFolder = work;
    Path jarCopy = work.resolve("hyperstatus.jar");
    Files.copy(jar.path, jarCopy, StandardCopyOption.REPLACE_EXISTING);
    log("work folder " + work + ", jar copied from " + jar.path);
    if (classDataArchive) {
      Path archive = trainClassDataArchive(work, jarCopy);
      startUp(work, jarCopy, "start-up, empty embedded database, without class-data archive (median of 3)");
      serverJvm = new ArrayList<>(serverJvm);
      serverJvm.add("-XX:SharedArchiveFile=" + archive);
      serverJvm.add("-Xlog:cds=off,cds+dynamic=off");
      startUp(work, jarCopy, "start-up, empty embedded database, with class-data archive (median of 3)");
    }
    Instant started = Instant.now();
    Report.Previous previous = Report.previous(out.resolve("results.json"));
    // Sizes outermost, so the smaller sizes are complete on every database before the larger ones start; the
    // results are written after every run, so a run stopped early keeps what it measured.
    for (int n : sizes.counts) {
      for (String db : databases.names) {
        try {
          runOne(work, jarCopy, db, n);
        } catch (Exception e) {
          log("FAILED " + db + " N=" + n + ": " + e);
          e.printStackTrace();
          failures.add(db + " N=" + n + ": " + e.getMessage());
        }
        Report.write(this, started, previous);
        log("results written to " + out);
      }
    }
    deleteTree(work);
  }

  final List<String> failures = new ArrayList<>();

  /** The server's JVM options as the report shows them: files in the temporary work folder by their names. */
  String serverJvmShown() {
    String shown = String.join(" ", serverJvm);
    return workFolder == null ? shown : shown.replace(workFolder + "/", "");
  }

  /**
   * A training run of the server that dumps the classes it loaded into an AppCDS archive, as bin/hyperstatus does on
   * a server's first start: later starts map the classes instead of loading and verifying them from the jar.
   */
  Path trainClassDataArchive(Path work, Path jarCopy) throws Exception {
    Path archive = work.resolve("hyperstatus.jsa");
    Path dir = Files.createDirectories(work.resolve("training"));
    int port = freePort();
    Path conf = serverConf(dir, port, "sqlite:///" + dir.resolve("hyperstatus.sqlite").toAbsolutePath());
    Process server = startServer(jarCopy, dir, conf, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off,cds+dynamic=off"));
    try {
      String base = "http://127.0.0.1:" + port;
      awaitUp(server, base, dir);
      load("training", 100, base);
      results.removeIf(r -> r.database().equals("training"));
      for (String path : List.of("/v2.1/os-hypervisors", "/v2.1/os-hypervisors/detail", "/v2.1/os-services",
          "/v2.1/os-hypervisors/statistics")) {
        fetch(base + path, "2.1", null);
      }
      fetch(base + "/v2.1/os-hypervisors/detail?limit=10", "2.88", null);
    } finally {
      server.destroy();
      if (!server.waitFor(120, TimeUnit.SECONDS)) server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (!Files.isRegularFile(archive)) throw new IllegalStateException("the training run wrote no class-data archive");
    log("class-data archive " + archive + " (" + Files.size(archive) / (1 << 20) + " MB)");
    return archive;
  }

  /** Starts a server on an empty embedded database 3 times; records the median time until GET / answers. */
  void startUp(Path work, Path jarCopy, String measure) throws Exception {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path dir = Files.createDirectories(work.resolve("start-up-" + results.size() + "-" + i));
      int port = freePort();
      Path conf = serverConf(dir, port, "sqlite:///" + dir.resolve("hyperstatus.sqlite").toAbsolutePath());
      long t0 = System.nanoTime();
      Process server = startServer(jarCopy, dir, conf, List.of());
      try {
        awaitUp(server, "http://127.0.0.1:" + port, dir);
        nanos.add(System.nanoTime() - t0);
      } finally {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    Collections.sort(nanos);
    add(new Result("embedded", 0, measure, "ms", nanos.get(1) / 1e6, null, null, 3, 0));
  }

  static void deleteTree(Path p) throws IOException {
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /** One benchmark's run on one database, in a folder of its own. */
  interface DatabaseRun {
    void run(String db, Path dir) throws Exception;
  }

  /** Runs {@code run} on each database in turn, each in a folder under a new temporary one named after {@code name}. */
  static void eachDatabase(String name, List<String> databases, DatabaseRun run) throws Exception {
    Path work = Files.createTempDirectory("hyperstatus-" + name + "-bench");
    for (String db : databases) {
      run.run(db, Files.createDirectories(work.resolve(db)));
    }
  }

  static void log(String s) {
    System.out.println("[" + Instant.now().toString().substring(11, 19) + "] " + s);
    System.out.flush();
  }

  void add(Result r) {
    results.add(r);
    log(String.format(Locale.ROOT, "  %-10s N=%-6d %-34s %10.2f %s%s%s%s", r.database, r.n, r.measure, r.value, r.unit,
        r.p99 == null ? "" : String.format(Locale.ROOT, "  p99 %.2f", r.p99),
        r.rate == null ? "" : String.format(Locale.ROOT, "  %.1f/s", r.rate),
        r.errors == 0 ? "" : "  ERRORS " + r.errors));
  }

  // ---------------------------------------------------------------- one database, one size

  static Path serverConf(Path dir, int port, String connection) throws IOException {
    Path conf = dir.resolve("server.conf");
    Files.writeString(conf, """
        [DEFAULT]
        state_path = %s
        osapi_compute_listen = 127.0.0.1
        osapi_compute_listen_port = %d
        service_down_time = 3600
        [database]
        connection = %s
        [oslo_middleware]
        max_request_body_size = 67108864
        [agent_identity]
        secrets_file = %s
        """.formatted(dir.resolve("state").toAbsolutePath(), port, connection, agentSecrets(dir)));
    return conf;
  }

  static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return bytes;
  }

  /** The servers' file of agent secrets: the loading agent's, for every host, readable by its owner only. */
  static Path agentSecrets(Path dir) throws IOException {
    Path file = dir.resolve("agent-secrets").toAbsolutePath();
    Files.deleteIfExists(file);
    Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, "bench " + AGENT_SECRET + " *\n");
    return file;
  }

  /** One run of a benchmark: a database at a size, in a folder of its own. */
  @FunctionalInterface
  interface SizedRun {
    void run(String db, int n, Path dir) throws Exception;
  }

  /** Runs each database at each size, each in a folder of its own under a temporary one that is deleted after. */
  static void eachDatabaseAndSize(String name, List<String> databases, List<Integer> sizes, SizedRun run)
      throws Exception {
    Path work = Files.createTempDirectory("hyperstatus-" + name + "-bench");
    for (String db : databases) {
      for (int n : sizes) {
        log("=== " + db + ", " + n);
        run.run(db, n, Files.createDirectories(work.resolve(db + "-" + n)));
      }
    }
    deleteTree(work);
  }

  /**
   * Brings the database's schema up to date, starts a server on it and loads N hypervisors through the agent
   * interface (then ANALYZE, on PostgreSQL): the starting point of the benchmarks that measure a loaded server.
   */
  Process startLoaded(Path jarCopy, BenchDatabase database, Path dir, Path conf, String base, int n) throws Exception {
    database.sync(jarCopy, conf, dir);
    Process server = startServer(jarCopy, dir, conf, List.of());
    try {
      awaitUp(server, base, dir);
      load(database.db(), n, base);
      if (database.pgDb() != null) {
        psqlOn(database.pgDb(), "ANALYZE");
      }
      return server;
    } catch (Exception | Error e) {
      EventsBench.stop(server);
      throw e;
    }
  }

  /** Starts `hyperstatus server` from the jar copy with the harness's JVM options and the given extra ones. */
  Process startServer(Path jarCopy, Path dir, Path conf, List<String> extraJvm) throws IOException {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(serverJvm);
    command.addAll(extraJvm);
    command.addAll(List.of("-jar", jarCopy.toString(), "server", "--config-file",
        conf.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile())
        .start();
  }

  /** Waits until GET / answers 200 (60 s at most). */
  static void awaitUp(Process server, String base, Path dir) throws Exception {
    HttpClient probe = client();
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < 60_000_000_000L && server.isAlive()) {
      try {
        HttpResponse<Void> r = probe.send(HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(2))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("server did not answer GET / within 60 s, see " + dir.resolve("server.log"));
  }

  void runOne(Path work, Path jarCopy, String db, int n) throws Exception {
    log("=== " + db + " N=" + n);
    Path dir = Files.createDirectories(work.resolve(db + "-" + n));
    int port = freePort();
    String connection;
    String pgDb = null;
    if (db.equals("embedded")) {
      connection = "sqlite:///" + dir.resolve("hyperstatus.sqlite").toAbsolutePath();
    } else {
      pgDb = "hsbench_" + n + "_" + ProcessHandle.current().pid();
      psql("DROP DATABASE IF EXISTS " + pgDb);
      psql("CREATE DATABASE " + pgDb);
      connection = "postgresql://" + pgUser + "@" + pgHost + ":" + pgPort + "/" + pgDb;
    }
    Path conf = serverConf(dir, port, connection);
    if (db.equals("postgresql")) {
      Process sync = new ProcessBuilder("java", "-jar", jarCopy.toString(), "db", "sync", "--config-file", conf.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("db-sync.log").toFile()).start();
      if (!sync.waitFor(120, TimeUnit.SECONDS) || sync.exitValue() != 0) {
        sync.destroyForcibly();
        throw new IllegalStateException("db sync failed, see " + dir.resolve("db-sync.log"));
      }
    }
    String base = "http://127.0.0.1:" + port;
    long t0 = System.nanoTime();
    Process server = startServer(jarCopy, dir, conf, List.of());
    try {
      awaitUp(server, base, dir);
      add(new Result(db, n, "start-up (process start to GET /)", "ms", (System.nanoTime() - t0) / 1e6, null, null, 1, 0));

      load(db, n, base);
      if (pgDb != null) {
        // The local test server runs with autovacuum off, so the planner would keep the empty tables' statistics
        // and sort all N rows for every page (a 2.88 page at 100,000 took 550 ms instead of 5 ms). A production
        // server's autovacuum analyzes after a bulk load; do it here explicitly.
        long a = System.nanoTime();
        psqlOn(pgDb, "ANALYZE");
        add(new Result(db, n, "ANALYZE after loading", "s", (System.nanoTime() - a) / 1e9, null, null, 1, 0));
      }
      add(new Result(db, n, "server RSS after loading", "MB", rssMb(server.pid()), null, null, 1, 0));

      measureAll(db, n, base);
      add(new Result(db, n, "server RSS after the requests", "MB", rssMb(server.pid()), null, null, 1, 0));
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      if (pgDb != null) {
        try {
          psql("DROP DATABASE IF EXISTS " + pgDb);
        } catch (Exception e) {
          log("could not drop " + pgDb + ": " + e);
        }
      }
    }
  }

  void psql(String sql) throws Exception {
    psqlOn("postgres", sql);
  }

  void psqlOn(String database, String sql) throws Exception {
    Process p = new ProcessBuilder("psql", "-q", "-h", pgHost, "-p", String.valueOf(pgPort), "-U", pgUser, "-d",
        database, "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("psql failed: " + sql + ": " + output);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static double rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  // ---------------------------------------------------------------- loading through the agent interface

  static String host(int i) {
    return String.format(Locale.ROOT, "bench-%06d", i);
  }

  /** Host names carry a group g00..g99; the pattern "g00" matches 1 % of them. */
  static String hypervisorHostname(int i) {
    return String.format(Locale.ROOT, "bench-%06d.g%02d.example.org", i, i % 100);
  }

  static final String PATTERN = "g00";

  static String uuid(int kind, int i) {
    return String.format(Locale.ROOT, "%08x-%04x-4000-8000-%012x", i, kind, i);
  }

  void load(String db, int n, String base) throws Exception {
    long deadline = System.nanoTime() + (long) (loadTimeoutSeconds * 1e9);
    HttpClient http = client();
    long t0 = System.nanoTime();
    for (int from = 0; from < n; from += 1000) {
      RegisterServicesRequest services = new RegisterServicesRequest(computeServices(from, Math.min(n, from + 1000)));
      post(http, base + "/agent/v1/services", AGENT.toJson(json -> AGENT.write(json, services)));
      if (System.nanoTime() > deadline) throw new IllegalStateException("loading services took over the load timeout");
    }
    double servicesS = (System.nanoTime() - t0) / 1e9;
    add(new Result(db, n, "load services (batches of 1000)", "s", servicesS, null, n / servicesS, n, 0));

    // Nodes: batches of 100 from 2 concurrent senders on PostgreSQL; from one on the embedded database, where
    // concurrent node reports fail with SQLITE_BUSY (see docs/performance/README.md).
    int senders = db.equals("embedded") ? 1 : 2;
    long t1 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    AtomicInteger next = new AtomicInteger(0);
    AtomicBoolean failed = new AtomicBoolean(false);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < senders; t++) {
      futures.add(pool.submit(() -> {
        HttpClient c = client();
        while (!failed.get()) {
          int from = next.getAndAdd(100);
          if (from >= n) return null;
          if (System.nanoTime() > deadline) throw new IllegalStateException("loading nodes took over the load timeout");
          List<ComputeNodeReport> list = new ArrayList<>();
          for (int i = from; i < Math.min(n, from + 100); i++) {
            // Free memory and disk and the running VMs are left out: the server derives them.
            list.add(new ComputeNodeReport(host(i), hypervisorHostname(i), uuid(1, i), "QEMU", 8002000,
                "192.0.2." + (1 + i % 250), 64, i % 64, 262144, (i % 1000) * 128L, 2000, i % 500,
                Reported.leftOut(), Reported.leftOut(), Reported.of(0), Reported.leftOut(), 1500L,
                "{\"arch\":\"x86_64\",\"vendor\":\"AMD\",\"model\":\"EPYC-Rome\"}", null,
                List.of(new Instance(uuid(2, i), String.format(Locale.ROOT, "instance-%08x", i)))));
          }
          ComputeNodesRequest nodes = new ComputeNodesRequest(list);
          try {
            post(c, base + "/agent/v1/compute-nodes", AGENT.toJson(json -> AGENT.write(json, nodes)));
          } catch (Exception e) {
            failed.set(true);
            throw e;
          }
        }
        return null;
      }));
    }
    pool.shutdown();
    try {
      for (Future<?> f : futures) f.get();
    } finally {
      pool.shutdownNow();
    }
    double nodesS = (System.nanoTime() - t1) / 1e9;
    add(new Result(db, n, "load nodes (batches of 100)", "s", nodesS, null, n / nodesS, n, 0));

    long t2 = System.nanoTime();
    for (int from = 0; from < n; from += 1000) {
      post(http, base + "/agent/v1/heartbeats", heartbeats(from, Math.min(n, from + 1000)));
    }
    double hbS = (System.nanoTime() - t2) / 1e9;
    add(new Result(db, n, "load heartbeats (batches of 1000)", "s", hbS, null, n / hbS, n, 0));
  }

  static String heartbeats(int from, int to) {
    HeartbeatsRequest request = new HeartbeatsRequest(computeServices(from, to));
    return AGENT.toJson(json -> AGENT.write(json, request));
  }

  static List<ServiceKey> computeServices(int from, int to) {
    List<ServiceKey> keys = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) keys.add(new ServiceKey(host(i), "nova-compute"));
    return keys;
  }

  static HttpResponse<byte[]> post(HttpClient c, String url, Object body) throws Exception {
    String text = body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpResponse<byte[]> r = c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
        .header("X-Hyperstatus-Agent-Secret", AGENT_SECRET).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": "
          + new String(r.body(), 0, Math.min(300, r.body().length), StandardCharsets.UTF_8));
    }
    return r;
  }

  static HttpResponse<byte[]> get(HttpClient c, String url, String microversion) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
        .header("X-Auth-Token", TOKEN).header("Accept", "application/json");
    if (microversion != null) b.header("X-OpenStack-Nova-API-Version", microversion);
    return c.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  // ---------------------------------------------------------------- measuring

  /** One request (or a sequence of them) that succeeds or not. */
  interface Op {
    boolean call(HttpClient c) throws Exception;
  }

  /**
   * A measured GET: HttpURLConnection over a kept-alive connection, the body read as it arrives and counted, not
   * kept. It is the cheapest client the JDK has: java.net.http's per-request thread hand-offs cost as much CPU as the
   * server's own work on a large body, and the clients share the server's two cores.
   */
  static Op getOp(String url, String microversion) {
    return c -> fetch(url, microversion, null) == 200;
  }

  /** GETs a URL; returns the status, the body copied into {@code keep} when given. */
  static int fetch(String url, String microversion, java.io.ByteArrayOutputStream keep) throws IOException {
    java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(300_000);
    connection.setRequestProperty("X-Auth-Token", TOKEN);
    connection.setRequestProperty("Accept", "application/json");
    if (microversion != null) connection.setRequestProperty("X-OpenStack-Nova-API-Version", microversion);
    int status = connection.getResponseCode();
    long bytes = 0;
    try (java.io.InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (body != null) {
        byte[] buffer = new byte[65536];
        for (int read; (read = body.read(buffer)) >= 0; ) {
          bytes += read;
          if (keep != null) keep.write(buffer, 0, read);
        }
      }
    }
    return bytes > 0 ? status : -status;
  }

  static final int WARM_UP_CALLS = 20;
  static final double WARM_UP_SECONDS = 2;

  /** Latencies in ns of up to maxRequests calls from `clients` threads, for at most `seconds`. */
  record Sample(List<Long> nanos, int errors, double elapsedS) {
    double quantileMs(double q) {
      if (nanos.isEmpty()) return Double.NaN;
      List<Long> s = new ArrayList<>(nanos);
      Collections.sort(s);
      int i = (int) Math.ceil(q * s.size()) - 1;
      return s.get(Math.max(0, Math.min(s.size() - 1, i))) / 1e6;
    }
  }

  Sample sample(Op op, int threads, double seconds, int maxRequests) throws Exception {
    // Warm-up, not counted: the JIT compiles the request's path as it would in a server that has run for a while.
    HttpClient warm = client();
    long warmUntil = System.nanoTime() + (long) (WARM_UP_SECONDS * 1e9);
    for (int i = 0; i < WARM_UP_CALLS && (i < 2 || System.nanoTime() < warmUntil); i++) op.call(warm);
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger issued = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(pool.submit(() -> {
        HttpClient c = client();
        while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
          long a = System.nanoTime();
          boolean ok;
          try {
            ok = op.call(c);
          } catch (Exception e) {
            ok = false;
          }
          long d = System.nanoTime() - a;
          if (ok) nanos.add(d); else errors.incrementAndGet();
        }
        return null;
      }));
    }
    pool.shutdown();
    for (Future<?> f : fs) f.get();
    return new Sample(new ArrayList<>(nanos), errors.get(), (System.nanoTime() - start) / 1e9);
  }

  void measure(String db, int n, String name, Op op) throws Exception {
    measure(db, n, name, op, opMaxRequests);
  }

  void measure(String db, int n, String name, Op op, int maxRequests) throws Exception {
    Sample s = sample(op, clients, opSeconds, maxRequests);
    add(new Result(db, n, name, "ms", s.quantileMs(0.5), s.quantileMs(0.99), s.nanos.size() / s.elapsedS,
        s.nanos.size(), s.errors));
  }

  void measureAll(String db, int n, String base) throws Exception {
    String v = base + "/v2.1";
    HttpClient c = client();
    JsonNode list = JSON.readTree(get(c, v + "/os-hypervisors", "2.1").body()).path("hypervisors");
    if (list.size() != n) throw new IllegalStateException("the 2.1 list has " + list.size() + " hypervisors, not " + n);
    String id = list.get(n / 2).path("id").asText();

    measure(db, n, "list 2.1 (all)", getOp(v + "/os-hypervisors", "2.1"));
    measure(db, n, "detail 2.1 (all)", getOp(v + "/os-hypervisors/detail", "2.1"));
    measure(db, n, "detail 2.88 (page of 1000)", getOp(v + "/os-hypervisors/detail?limit=1000", "2.88"));
    AtomicLong pages = new AtomicLong();
    measure(db, n, "detail 2.88 full walk (all pages)", cl -> {
      String url = v + "/os-hypervisors/detail?limit=1000";
      int seen = 0;
      for (int page = 0; page < 10_000 && url != null; page++) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        if (fetch(url, "2.88", bytes) != 200) return false;
        JsonNode body = JSON.readTree(bytes.toByteArray());
        seen += body.path("hypervisors").size();
        pages.incrementAndGet();
        url = null;
        for (JsonNode link : body.path("hypervisors_links")) {
          if ("next".equals(link.path("rel").asText())) url = link.path("href").asText();
        }
        if (url != null && !url.startsWith("http://127.0.0.1:")) return false; // loopback only
      }
      return seen == n;
    });
    measure(db, n, "hostname pattern 2.53 (1 %)",
        getOp(v + "/os-hypervisors?hypervisor_hostname_pattern=" + PATTERN, "2.53"));
    measure(db, n, "show 2.1", getOp(v + "/os-hypervisors/" + id, "2.1"));
    measure(db, n, "os-services list", getOp(v + "/os-services", "2.1"));
    measure(db, n, "statistics", getOp(v + "/os-hypervisors/statistics", "2.1"));
    Sample single = sample(getOp(v + "/os-hypervisors/detail", "2.1"), 1, opSeconds, opMaxRequests);
    add(new Result(db, n, "detail 2.1 (all), 1 client", "ms", single.quantileMs(0.5), single.quantileMs(0.99),
        single.nanos.size() / single.elapsedS, single.nanos.size(), single.errors));
    heartbeatIngest(db, n, base);
  }

  /** 2 senders post batches of 1000 heartbeats round the N hosts for heartbeatSeconds; one client lists meanwhile. */
  void heartbeatIngest(String db, int n, String base) throws Exception {
    // The idle baseline for "list latency under ingest": the same request from one client, as during the ingest.
    Sample idle = sample(getOp(base + "/v2.1/os-hypervisors", "2.1"), 1, Math.min(opSeconds, heartbeatSeconds),
        opMaxRequests);
    add(new Result(db, n, "list 2.1 (all), 1 client, idle", "ms", idle.quantileMs(0.5), idle.quantileMs(0.99),
        idle.nanos.size() / idle.elapsedS, idle.nanos.size(), idle.errors));
    List<String> batches = new ArrayList<>();
    for (int from = 0; from < n; from += 1000) batches.add(heartbeats(from, Math.min(n, from + 1000)));
    List<Integer> sizes = new ArrayList<>();
    for (int from = 0; from < n; from += 1000) sizes.add(Math.min(n, from + 1000) - from);
    AtomicLong beats = new AtomicLong();
    AtomicInteger errors = new AtomicInteger();
    List<Long> batchNanos = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean(false);
    long start = System.nanoTime();
    long deadline = start + (long) (heartbeatSeconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> senders = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int first = t;
      senders.add(pool.submit(() -> {
        HttpClient c = client();
        for (int k = first, sent = 0; System.nanoTime() < deadline && sent < 1_000_000; k += 2, sent++) {
          int b = k % batches.size();
          long a = System.nanoTime();
          try {
            post(c, base + "/agent/v1/heartbeats", batches.get(b));
            batchNanos.add(System.nanoTime() - a);
            beats.addAndGet(sizes.get(b));
          } catch (Exception e) {
            errors.incrementAndGet();
          }
        }
        return null;
      }));
    }
    List<Long> listNanos = Collections.synchronizedList(new ArrayList<>());
    Future<?> lister = pool.submit(() -> {
      HttpClient c = client();
      for (int i = 0; i < opMaxRequests && !stop.get() && System.nanoTime() < deadline; i++) {
        long a = System.nanoTime();
        if (getOp(base + "/v2.1/os-hypervisors", "2.1").call(c)) listNanos.add(System.nanoTime() - a);
      }
      return null;
    });
    for (Future<?> f : senders) f.get();
    double elapsed = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    lister.get();
    pool.shutdown();
    Sample batch = new Sample(new ArrayList<>(batchNanos), errors.get(), elapsed);
    add(new Result(db, n, "heartbeat ingest (2 senders x 1000/batch)", "beats/s", beats.get() / elapsed, null, null,
        batch.nanos.size(), errors.get()));
    add(new Result(db, n, "heartbeat batch of 1000 under ingest", "ms", batch.quantileMs(0.5), batch.quantileMs(0.99),
        batch.nanos.size() / elapsed, batch.nanos.size(), errors.get()));
    Sample l = new Sample(new ArrayList<>(listNanos), 0, elapsed);
    add(new Result(db, n, "list 2.1 (all) under heartbeat ingest", "ms", l.quantileMs(0.5), l.quantileMs(0.99),
        l.nanos.size() / elapsed, l.nanos.size(), 0));
  }
}
