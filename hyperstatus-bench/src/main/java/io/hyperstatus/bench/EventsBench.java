package io.hyperstatus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The event log's benchmark: reads at 10 million events (a page of 1,000, one host's history), delivery of each
 * event to 1,000 stream subscribers, and the time of an admin change that records its event. The events are
 * seeded with one SQL statement per database (psql, sqlite3), not through the API.
 *   java -cp hyperstatus-bench.jar io.hyperstatus.bench.EventsBench --jar hyperstatus.jar
 *        [--databases embedded,postgresql] [--events 10000000] [--subscribers 1000] [--changes-only true]
 */
@Command(name = "bench/events.sh", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "The event log's benchmark: on each database, a real server over seeded events; a page of 1,000"
        + " events and one host's history, delivery of each event to the stream's subscribers, and the time of an"
        + " admin change with its event.")
public final class EventsBench extends ServerBench {
  static final int HOSTS = 10_000;
  static final Pattern RECORDED_AT = Pattern.compile("\"recorded_at\":\"([^\"]+)\"");

  @Option(names = "--events", paramLabel = "N", description = "The events seeded.")
  long events = 10_000_000;
  @Option(names = "--subscribers", paramLabel = "N", description = "The stream's subscribers.")
  int subscribers = 1000;
  @Option(names = "--changes-only", arity = "1", paramLabel = "BOOLEAN", description = "Only the admin changes, on an"
      + " empty log: to compare a jar with one built without the event log.")
  boolean changesOnly;

  EventsBench() {
    super("embedded", "postgresql");
  }

  /** The registration and the seeding, for another benchmark (NotificationsBench's backlog). */
  EventsBench(Path jar, long events, int subscribers) {
    this();
    this.jar = new BenchOptions.Jar(jar);
    this.events = events;
    this.subscribers = subscribers;
  }

  public static void main(String[] args) {
    System.exit(BenchOptions.commandLine(new EventsBench()).execute(args));
  }

  @Override
  void runOnEachDatabase() throws Exception {
    Bench.eachDatabase("events", databases.names, this::run);
  }

  void run(String db, Path dir) throws Exception {
    Bench.log("=== " + db + ", " + events + " events");
    int port = Bench.freePort();
    BenchDatabase database = BenchDatabase.create(harness, db, dir, "hsevents");
    Path conf = Bench.serverConf(dir, port, database.connection());
    String base = "http://127.0.0.1:" + port;
    try {
      // A first start creates the schema (db sync for PostgreSQL) and registers the one service the changes use.
      database.sync(jar.path, conf, dir);
      Process server = harness.startServer(jar.path, dir, conf, List.of());
      Bench.awaitUp(server, base, dir);
      String uuid = register(base);
      if (changesOnly) {
        try {
          changes(db, base, uuid);
        } finally {
          stop(server);
        }
        return;
      }
      stop(server);
      long t0 = System.nanoTime();
      seed(db, database.sqlite(), database.pgDb());
      line(db, "seeding " + events + " events (one SQL statement)", (System.nanoTime() - t0) / 1e9, "s");
      server = harness.startServer(jar.path, dir, conf, List.of());
      try {
        Bench.awaitUp(server, base, dir);
        reads(db, base);
        delivery(db, base, uuid);
        changes(db, base, uuid);
      } finally {
        stop(server);
      }
    } finally {
      database.drop(harness);
    }
  }

  String register(String base) throws Exception {
    HttpResponse<String> r = Bench.client().send(HttpRequest.newBuilder(URI.create(base + "/agent/v1/services"))
        .header("X-Hyperstatus-Agent-Secret", Bench.AGENT_SECRET).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"services\": [{\"host\": \"bench-live\", \"binary\": \"nova-compute\"}]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"uuid\":\"([^\"]+)\"").matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("registration failed: " + r.body());
    }
    return m.group(1);
  }

  /** Events 2..N+1 (1 is the registration): 10,000 hosts in turn, one a millisecond, ending now. */
  void seed(String db, Path sqlite, String pgDb) throws Exception {
    long first = 2;
    long last = events + 1;
    long t0 = Instant.now().minusMillis(events + 60_000).toEpochMilli() * 1000;
    String columns = "id, kind, occurred_at, recorded_at, service_id, service_uuid, host, binary_name, zone,"
        + " state_before, status_before, reason_before, forced_down_before, state_after, status_after, reason_after,"
        + " forced_down_after, actor_kind, actor_user_id, actor_project_id, request_id";
    if (db.equals("embedded")) {
      String sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;\n"
          + "WITH RECURSIVE c(x) AS (SELECT " + first + " UNION ALL SELECT x + 1 FROM c WHERE x < " + last + ")\n"
          + "INSERT INTO service_events (" + columns + ") SELECT x,"
          + " CASE x % 2 WHEN 0 THEN 'disabled' ELSE 'enabled' END, " + t0 + " + x * 1000, " + t0 + " + x * 1000,"
          + " 1000000 + x % " + HOSTS + ", printf('00000000-0000-4000-8000-%012d', x % " + HOSTS + "),"
          + " printf('bench-%05d', x % " + HOSTS + "), 'nova-compute', 'nova', 'up',"
          + " CASE x % 2 WHEN 0 THEN 'enabled' ELSE 'disabled' END, NULL, 0, 'up',"
          + " CASE x % 2 WHEN 0 THEN 'disabled' ELSE 'enabled' END, NULL, 0, 'user', 'admin', 'admin', 'req-bench'"
          + " FROM c;\nUPDATE event_sequence SET last_id = " + last + ";\n";
      Process p = new ProcessBuilder("sqlite3", sqlite.toString()).redirectErrorStream(true).start();
      p.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0 || out.contains("Error")) {
        throw new IllegalStateException("sqlite3 failed: " + out);
      }
    } else {
      psqlLong(pgDb, "INSERT INTO service_events (" + columns + ") SELECT x,"
          + " CASE x % 2 WHEN 0 THEN 'disabled' ELSE 'enabled' END, " + t0 + " + x * 1000, " + t0 + " + x * 1000,"
          + " 1000000 + x % " + HOSTS + ", '00000000-0000-4000-8000-' || lpad((x % " + HOSTS + ")::text, 12, '0'),"
          + " 'bench-' || lpad((x % " + HOSTS + ")::text, 5, '0'), 'nova-compute', 'nova', 'up',"
          + " CASE x % 2 WHEN 0 THEN 'enabled' ELSE 'disabled' END, NULL, false, 'up',"
          + " CASE x % 2 WHEN 0 THEN 'disabled' ELSE 'enabled' END, NULL, false, 'user', 'admin', 'admin', 'req-bench'"
          + " FROM generate_series(" + first + "::bigint, " + last + "::bigint) AS x");
      harness.psqlOn(pgDb, "UPDATE event_sequence SET last_id = " + last);
      psqlLong(pgDb, "ANALYZE");
    }
  }

  /** psql for statements that take minutes (the harness's own call allows one). */
  static void psqlLong(String database, String sql) throws Exception {
    Process p = new ProcessBuilder("psql", "-q", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", database,
        "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("psql failed: " + output);
    }
  }

  void reads(String db, String base) throws Exception {
    HttpClient http = Bench.client();
    long middle = events / 2;
    time(db, http, base + "/hyperstatus/v1/events?limit=1000", "GET /events?limit=1000 (newest page)");
    time(db, http, base + "/hyperstatus/v1/events?since=" + middle + "&limit=1000",
        "GET /events?since=<middle>&limit=1000 (oldest first)");
    time(db, http, base + "/hyperstatus/v1/services/bench-00042/nova-compute/events?limit=1000",
        "GET /services/<host>/nova-compute/events (one host's 1,000 events)");
    time(db, http, base + "/hyperstatus/v1/services/00000000-0000-4000-8000-000000000042/events?limit=1000",
        "GET /services/<uuid>/events (one service's 1,000 events)");
    time(db, http, base + "/hyperstatus/v1/events?host=bench-00042&kind=disabled&limit=100",
        "GET /events?host=<host>&kind=disabled&limit=100");
  }

  void time(String db, HttpClient http, String url, String name) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      long t = System.nanoTime();
      HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", Bench.TOKEN)
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + ": " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
      }
      if (i >= 20) {
        ms.add((System.nanoTime() - t) / 1e6);
      }
    }
    line(db, name + ": median / p99", percentile(ms, 50), percentile(ms, 99), "ms");
  }

  /** Each event's delay from its recorded_at (the writing statement's time) to its arrival at each subscriber. */
  void delivery(String db, String base, String uuid) throws Exception {
    ConcurrentLinkedQueue<Double> delays = new ConcurrentLinkedQueue<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
    List<Flow.Subscription> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      streams.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/hyperstatus/v1/events/stream"))
          .header("X-Auth-Token", Bench.TOKEN).build(), HttpResponse.BodyHandlers.fromLineSubscriber(
              new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                  subscriptions.add(s);
                  s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                  if (line.startsWith("data: ")) {
                    Instant now = Instant.now();
                    Matcher m = RECORDED_AT.matcher(line);
                    if (m.find()) {
                      delays.add(Duration.between(Instant.parse(m.group(1)), now).toNanos() / 1e6);
                    }
                  }
                }

                @Override
                public void onError(Throwable t) {
                  // A dropped subscriber shows as missing deliveries in the count.
                }

                @Override
                public void onComplete() {
                  // Nothing: the streams are cancelled at the end.
                }
              })));
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (subscriptions.size() < subscribers && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(1000);
    int changes = 40;
    for (int i = 0; i < changes; i++) {
      change(base, uuid, i % 2 == 0);
      Thread.sleep(100);
    }
    deadline = System.nanoTime() + 30_000_000_000L;
    while (delays.size() < (long) changes * subscribers && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    List<Double> all = new ArrayList<>(delays);
    line(db, "stream delivery, " + subscribers + " subscribers x " + changes + " events (received " + all.size()
        + "): median / p99 from recorded_at", percentile(all, 50), percentile(all, 99), "ms");
    subscriptions.forEach(Flow.Subscription::cancel);
    streams.forEach(s -> s.cancel(true));
  }

  /** An admin change with its event, timed one at a time. */
  void changes(String db, String base, String uuid) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 220; i++) {
      long t = System.nanoTime();
      change(base, uuid, i % 2 == 0);
      if (i >= 20) {
        ms.add((System.nanoTime() - t) / 1e6);
      }
    }
    line(db, "PUT /v2.1/os-services/{uuid} (disable/enable, with its event): median / p99", percentile(ms, 50),
        percentile(ms, 99), "ms");
  }

  static final HttpClient CHANGES = Bench.client();

  static void change(String base, String uuid, boolean disable) throws Exception {
    HttpResponse<String> r = CHANGES.send(HttpRequest.newBuilder(URI.create(base + "/v2.1/os-services/" + uuid))
        .header("X-Auth-Token", Bench.TOKEN).header("OpenStack-API-Version", "compute 2.53")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(disable ? "{\"status\": \"disabled\"}" : "{\"status\": \"enabled\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("change failed: " + r.statusCode() + " " + r.body());
    }
  }

  static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(20, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  void line(String db, String what, double value, String unit) {
    lines.add(db, what, value, unit);
  }

  void line(String db, String what, double a, double b, String unit) {
    lines.add(db, what, a, b, unit);
  }
}
