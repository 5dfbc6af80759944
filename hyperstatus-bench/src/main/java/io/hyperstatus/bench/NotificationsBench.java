package io.hyperstatus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The notifications' benchmark (see docs/performance/notifications.md), on each database, against the local
 * RabbitMQ (a virtual host of its own): how many notifications one API server publishes a second with publisher
 * confirms, draining a backlog of seeded events, and the time of an admin change with notifications off and on.
 *   java -cp hyperstatus-bench.jar io.hyperstatus.bench.NotificationsBench --jar hyperstatus.jar
 *        [--databases embedded,postgresql] [--backlog 50000] [--changes 1000]
 */
public final class NotificationsBench {
  static final String MANAGEMENT = "http://127.0.0.1:15672";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  final Bench harness = new Bench();
  final Path jar;
  final long backlog;
  final int changes;
  final Lines lines = new Lines();

  NotificationsBench(Path jar, long backlog, int changes) {
    this.jar = jar;
    this.backlog = backlog;
    this.changes = changes;
  }

  public static void main(String[] args) throws Exception {
    Path jar = null;
    long backlog = 50_000;
    int changes = 1000;
    List<String> databases = List.of("embedded", "postgresql");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--jar" -> jar = Path.of(args[i + 1]);
        case "--backlog" -> backlog = Long.parseLong(args[i + 1]);
        case "--changes" -> changes = Integer.parseInt(args[i + 1]);
        case "--databases" -> databases = Arrays.asList(args[i + 1].split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    NotificationsBench bench = new NotificationsBench(jar, backlog, changes);
    Path work = Files.createTempDirectory("hyperstatus-notifications-bench");
    for (String db : databases) {
      bench.run(work, db);
    }
    bench.lines.print();
  }

  void run(Path work, String db) throws Exception {
    Bench.log("=== " + db + ", backlog of " + backlog + " events");
    Path dir = Files.createDirectories(work.resolve(db));
    int port = Bench.freePort();
    BenchDatabase database = BenchDatabase.create(harness, db, dir, "hsnotify");
    Path sqlite = database.sqlite();
    String pgDb = database.pgDb();
    String vhost = "hyperstatus-bench-" + ProcessHandle.current().pid() + "-" + db;
    management("PUT", "/api/vhosts/" + vhost, "{}");
    management("PUT", "/api/permissions/" + vhost + "/guest", "{\"configure\": \".*\", \"write\": \".*\", \"read\": \".*\"}");
    Path conf = Bench.serverConf(dir, port, database.connection());
    String base = "http://127.0.0.1:" + port;
    EventsBench events = new EventsBench(jar, backlog, 0);
    try {
      database.sync(jar, conf, dir);
      Process server = harness.startServer(jar, dir, conf, List.of());
      Bench.awaitUp(server, base, dir);
      String uuid = events.register(base);
      EventsBench.stop(server);
      events.seed(db, sqlite, pgDb);

      // Off: the admin change as it costs without notifications.
      server = harness.startServer(jar, dir, conf, List.of());
      Bench.awaitUp(server, base, dir);
      List<Double> off = timeChanges(base, uuid);
      EventsBench.stop(server);

      // A backlog: every event after the registration, which a server with notifications on publishes at start.
      query(db, sqlite, pgDb, "UPDATE notification_outbox SET published_through = 1");
      long target = Long.parseLong(query(db, sqlite, pgDb, "SELECT last_id FROM event_sequence WHERE id = 1")
          .strip());
      Files.writeString(conf, "[DEFAULT]\ntransport_url = rabbit://guest:guest@127.0.0.1:5672/" + vhost
          + "\n[oslo_messaging_notifications]\ndriver = messagingv2\n[notifications]\nnotification_format = versioned\n",
          StandardOpenOption.APPEND);
      server = harness.startServer(jar, dir, conf, List.of());
      try {
        Bench.awaitUp(server, base, dir);
        long t0 = System.nanoTime();
        long published = 0;
        while (published < target && System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(20)) {
          Thread.sleep(100);
          published = Long.parseLong(query(db, sqlite, pgDb,
              "SELECT published_through FROM notification_outbox WHERE id = 1").strip());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        line(db, "notifications published with confirms, draining a backlog of " + (target - 1), (published - 1) / seconds,
            "per second");
        List<Double> on = timeChanges(base, uuid);
        line(db, "PUT /v2.1/os-services/{uuid}, notifications off: median / p99", EventsBench.percentile(off, 50),
            EventsBench.percentile(off, 99), "ms");
        line(db, "PUT /v2.1/os-services/{uuid}, notifications on: median / p99", EventsBench.percentile(on, 50),
            EventsBench.percentile(on, 99), "ms");
        line(db, "added median latency with notifications on", 100 * (EventsBench.percentile(on, 50)
            / EventsBench.percentile(off, 50) - 1), "%");
        line(db, "server resident memory after the backlog", Bench.rssMb(server.pid()), "MB");
      } finally {
        EventsBench.stop(server);
      }
    } finally {
      management("DELETE", "/api/vhosts/" + vhost, null);
      database.drop(harness);
    }
  }

  /** {@code changes} admin changes one at a time (after 50 to warm up); their times in ms. */
  List<Double> timeChanges(String base, String uuid) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < changes + 50; i++) {
      long t = System.nanoTime();
      EventsBench.change(base, uuid, i % 2 == 0);
      if (i >= 50) {
        ms.add((System.nanoTime() - t) / 1e6);
      }
    }
    return ms;
  }

  String query(String db, Path sqlite, String pgDb, String sql) throws Exception {
    ProcessBuilder builder = db.equals("embedded") ? new ProcessBuilder("sqlite3", "-cmd", ".timeout 5000",
        sqlite.toString(), sql)
        : new ProcessBuilder("psql", "-XAtq", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", pgDb, "-c", sql);
    Process p = builder.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(sql + ": " + out);
    }
    return out;
  }

  static void management(String method, String path, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("guest:guest"
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
  }

  void line(String db, String what, double value, String unit) {
    lines.add(db, what, value, unit);
  }

  void line(String db, String what, double a, double b, String unit) {
    lines.add(db, what, a, b, unit);
  }
}
