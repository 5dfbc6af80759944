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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The notifications' benchmark (see docs/performance/notifications.md), on each database, against the local
 * RabbitMQ (a virtual host of its own): how many notifications one API server publishes a second with publisher
 * confirms, draining a backlog of seeded events, and the time of an admin change with notifications off and on.
 *   java -cp hyperstatus-bench.jar io.hyperstatus.bench.NotificationsBench --jar hyperstatus.jar
 *        [--databases embedded,postgresql] [--backlog 50000] [--changes 1000] [--driver messagingv2]
 */
@Command(name = "bench/notifications.sh", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "The notifications' benchmark: on each database, a real server publishing to the local RabbitMQ;"
        + " notifications a second with publisher confirms, draining a backlog of seeded events, and the time of an"
        + " admin change with notifications off and on.")
public final class NotificationsBench extends ServerBench {
  static final String MANAGEMENT = "http://127.0.0.1:15672";
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Option(names = "--backlog", paramLabel = "N", description = "The seeded events a server publishes at its start.")
  long backlog = 50_000;
  @Option(names = "--changes", paramLabel = "N", description = "The admin changes timed back to back with"
      + " notifications off, and as many on, split over the rounds.")
  int changes = 1000;
  @Option(names = "--driver", paramLabel = "DRIVER", description = "The notification driver of the servers with"
      + " notifications on: messagingv2, or log to tell RabbitMQ's share apart.")
  String driver = "messagingv2";
  /** Rounds of admin changes, each with notifications off then on. */
  static final int ROUNDS = 4;
  /** Changes made on a fresh server before any is timed. */
  static final int WARM_UP = 1000;
  /** The paced changes of a round, one every {@link #PACE_MILLIS}. */
  static final int PACED_CHANGES = 300;
  static final long PACE_MILLIS = 25;

  NotificationsBench() {
    super("embedded", "postgresql");
  }

  public static void main(String[] args) {
    System.exit(BenchOptions.commandLine(new NotificationsBench()).execute(args));
  }

  @Override
  void runOnEachDatabase() throws Exception {
    Bench.eachDatabase("notifications", databases.names, this::run);
  }

  void run(String db, Path dir) throws Exception {
    Bench.log("=== " + db + ", backlog of " + backlog + " events");
    int port = Bench.freePort();
    BenchDatabase database = BenchDatabase.create(harness, db, dir, "hsnotify");
    String vhost = "hyperstatus-bench-" + ProcessHandle.current().pid() + "-" + db;
    management("PUT", "/api/vhosts/" + vhost, "{}");
    management("PUT", "/api/permissions/" + vhost + "/guest", "{\"configure\": \".*\", \"write\": \".*\", \"read\": \".*\"}");
    Path conf = Bench.serverConf(dir, port, database.connection());
    String base = "http://127.0.0.1:" + port;
    EventsBench events = new EventsBench(jar.path, backlog, 0);
    try {
      database.sync(jar.path, conf, dir);
      Process server = harness.startServer(jar.path, dir, conf, List.of());
      Bench.awaitUp(server, base, dir);
      String uuid = events.register(base);
      EventsBench.stop(server);
      events.seed(db, database.sqlite(), database.pgDb());
      Path confOn = dir.resolve("server-on.conf");
      Files.writeString(confOn, Files.readString(conf) + "[DEFAULT]\ntransport_url = rabbit://guest:guest@127.0.0.1:5672/"
          + vhost + "\n[oslo_messaging_notifications]\ndriver = " + driver + "\n[notifications]\n"
          + "notification_format = versioned\n");

      // A backlog: every event after the registration, which a server with notifications on publishes at start.
      query(database, "UPDATE notification_outbox SET published_through = 1");
      long target = Long.parseLong(query(database, "SELECT last_id FROM event_sequence WHERE id = 1").strip());
      server = harness.startServer(jar.path, dir, confOn, List.of());
      try {
        Bench.awaitUp(server, base, dir);
        long t0 = System.nanoTime();
        long published = 0;
        while (published < target && System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(20)) {
          Thread.sleep(100);
          published = Long.parseLong(query(database,
              "SELECT published_through FROM notification_outbox WHERE id = 1").strip());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        line(db, "notifications published with confirms, draining a backlog of " + (target - 1),
            (published - 1) / seconds, "per second");
        line(db, "server resident memory after the backlog", Bench.rssMb(server.pid()), "MB");
      } finally {
        EventsBench.stop(server);
      }
      if (!driver.equals("log")) {
        management("DELETE", "/api/queues/" + vhost + "/versioned_notifications.info/contents", null);
      }

      // The admin change off and on, in alternating rounds (the machine's speed drifts), each on a fresh server:
      // back to back, where the server takes all the CPU the two cores have and the publisher's work competes with
      // the changes for it, and paced at an operator's busy rate, where it is done between them.
      List<Double> off = new ArrayList<>();
      List<Double> on = new ArrayList<>();
      List<Double> pacedOff = new ArrayList<>();
      List<Double> pacedOn = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (boolean notifying : new boolean[] {false, true}) {
          server = harness.startServer(jar.path, dir, notifying ? confOn : conf, List.of());
          try {
            Bench.awaitUp(server, base, dir);
            List<Double> times = timeChanges(base, uuid, changes / ROUNDS, 0);
            List<Double> paced = timeChanges(base, uuid, PACED_CHANGES, PACE_MILLIS);
            Bench.log(db + " round " + (round + 1) + ", notifications " + (notifying ? "on" : "off")
                + ": median " + String.format(java.util.Locale.ROOT, "%.2f", EventsBench.percentile(times, 50))
                + " ms back to back, " + String.format(java.util.Locale.ROOT, "%.2f", EventsBench.percentile(paced, 50))
                + " ms paced");
            (notifying ? on : off).addAll(times);
            (notifying ? pacedOn : pacedOff).addAll(paced);
          } finally {
            EventsBench.stop(server);
          }
        }
      }
      latency(db, "back to back", off, on);
      latency(db, (1000 / PACE_MILLIS) + " a second", pacedOff, pacedOn);
    } finally {
      management("DELETE", "/api/vhosts/" + vhost, null);
      database.drop(harness);
    }
  }

  void latency(String db, String how, List<Double> off, List<Double> on) {
    line(db, "PUT /v2.1/os-services/{uuid} " + how + ", notifications off: median / p99",
        EventsBench.percentile(off, 50), EventsBench.percentile(off, 99), "ms");
    line(db, "PUT /v2.1/os-services/{uuid} " + how + ", notifications on: median / p99",
        EventsBench.percentile(on, 50), EventsBench.percentile(on, 99), "ms");
    line(db, "added median latency " + how + " with notifications on",
        100 * (EventsBench.percentile(on, 50) / EventsBench.percentile(off, 50) - 1), "%");
  }

  /**
   * {@code count} admin changes one at a time, each {@code paceMillis} after the last began (0: back to back),
   * after {@link #WARM_UP} to warm the new server up (its JIT compiler otherwise competes with the first requests
   * for the two cores); their times in ms.
   */
  List<Double> timeChanges(String base, String uuid, int count, long paceMillis) throws Exception {
    List<Double> ms = new ArrayList<>();
    int warmUp = paceMillis == 0 ? WARM_UP : 0;
    long next = System.nanoTime();
    for (int i = 0; i < count + warmUp; i++) {
      if (paceMillis > 0) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        next += paceMillis * 1_000_000;
      }
      long t = System.nanoTime();
      EventsBench.change(base, uuid, i % 2 == 0);
      if (i >= warmUp) {
        ms.add((System.nanoTime() - t) / 1e6);
      }
    }
    return ms;
  }

  String query(BenchDatabase database, String sql) throws Exception {
    ProcessBuilder builder = database.pgDb() == null ? new ProcessBuilder("sqlite3", "-cmd", ".timeout 5000",
        database.sqlite().toString(), sql)
        : new ProcessBuilder("psql", "-XAtq", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d",
            database.pgDb(), "-c", sql);
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
