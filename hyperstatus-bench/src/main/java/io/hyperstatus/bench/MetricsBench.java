package io.hyperstatus.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The metrics' benchmark (see docs/performance/metrics.md), on each database: a scrape of the API server's metrics
 * listener ({@code GET /metrics}, text format, plain and with {@code Accept-Encoding: gzip}) at 10,000 and 100,000
 * nova-compute services with their hypervisors, with {@code per_service} on and off, with the server's RSS after;
 * and what the request histograms cost the 10,000-hypervisor list (the scale benchmark's "list 2.1 (all)": 4
 * clients, at most 400 requests or 8 s), with {@code [metrics] enabled} on and off in alternating rounds.
 *   java -cp hyperstatus-bench.jar io.hyperstatus.bench.MetricsBench --jar hyperstatus.jar
 *        [--databases embedded] [--sizes 10000,100000] [--scrapes 20] [--rounds 4] [--overhead-size 10000]
 *        [--server-jvm "-Xmx256m"] [--jfr DIR]
 */
@Command(name = "bench/metrics.sh", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "The metrics' benchmark: on each database and size N, a real server with N hypervisors loaded;"
        + " GET /metrics (plain and gzipped) with per_service on and off, the server's RSS after; and the request"
        + " histograms' cost on the list, [metrics] enabled on and off in alternating rounds.")
public final class MetricsBench extends SizedServerBench {
  /**
   * Untimed scrapes before the timed ones, at least this many and for at least {@link #WARM_UP_SCRAPE_SECONDS}:
   * the JIT compiles the scrape's path, and a server started a moment before finishes compiling its start-up's.
   */
  static final int WARM_UP_SCRAPES = 3;
  static final double WARM_UP_SCRAPE_SECONDS = 5;
  /** Untimed seconds of the list on each fresh server of the overhead rounds, before the measured sample. */
  static final double WARM_UP_SECONDS = 5;

  @Option(names = "--scrapes", paramLabel = "N", description = "The timed scrapes of each setting, after a warm-up.")
  int scrapes = 20;
  @Option(names = "--rounds", paramLabel = "N", description = "The rounds of the overhead, each [metrics] enabled on"
      + " then off.")
  int rounds = 4;
  @Option(names = "--overhead-size", paramLabel = "N", description = "The size at which the request histograms'"
      + " cost is measured too, if --sizes has it.")
  int overheadSize = 10_000;
  /** Where the servers' flight recordings of the scrapes go (jcmd JFR.start after loading), or null for none. */
  @Option(names = "--jfr", paramLabel = "DIR", description = "Where to write each server's flight recording of its"
      + " scrapes (created if missing).")
  Path jfr;

  MetricsBench() {
    super("metrics");
  }

  public static void main(String[] args) {
    System.exit(BenchOptions.commandLine(new MetricsBench()).execute(args));
  }

  @Override
  void runOnEachDatabase() throws Exception {
    if (jfr != null) {
      jfr = Files.createDirectories(jfr.toAbsolutePath());
    }
    super.runOnEachDatabase();
  }

  /** One database at one size: loaded once, then scraped with per_service on and off; the overhead at its size. */
  @Override
  void run(String db, int n, Path dir) throws Exception {
    BenchDatabase database = BenchDatabase.create(harness, db, dir, "hsmetrics");
    int port = Bench.freePort();
    int metricsPort = Bench.freePort();
    String base = "http://127.0.0.1:" + port;
    try {
      // per_service on, then off: the services are loaded once, by the first server.
      for (boolean perService : new boolean[] {true, false}) {
        Path conf = conf(dir, port, metricsPort, database.connection(), true, perService);
        Process server = perService ? harness.startLoaded(jar.path, database, dir, conf, base, n)
            : harness.startServer(jar.path, dir, conf, List.of());
        try {
          if (!perService) {
            Bench.awaitUp(server, base, dir);
          }
          record(server, db, n, perService, "start");
          scrapes(db, n, metricsPort, perService);
          record(server, db, n, perService, "stop");
          line(db, String.format(Locale.ROOT, "server RSS after the scrapes at %,d, per_service %s", n,
              perService ? "on" : "off"), Bench.rssMb(server.pid()), "MB");
        } finally {
          EventsBench.stop(server);
        }
      }
      if (n == overheadSize) {
        overhead(db, n, dir, port, metricsPort, database.connection());
      }
    } finally {
      database.drop(harness);
    }
  }

  /** Starts or stops (and writes) the server's flight recording of its scrapes, with --jfr. */
  void record(Process server, String db, int n, boolean perService, String action) throws Exception {
    if (jfr == null) {
      return;
    }
    String name = "name=scrapes";
    List<String> command = action.equals("start")
        ? List.of("jcmd", String.valueOf(server.pid()), "JFR.start", name, "settings=profile")
        : List.of("jcmd", String.valueOf(server.pid()), "JFR.stop", name, "filename=" + jfr.resolve(
            db + "-" + n + "-per-service-" + (perService ? "on" : "off") + ".jfr"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd failed: " + out);
    }
  }

  /** The server's configuration (Bench's) with its [metrics] section. */
  static Path conf(Path dir, int port, int metricsPort, String connection, boolean enabled, boolean perService)
      throws IOException {
    Path conf = Bench.serverConf(dir, port, connection);
    Files.writeString(conf, Files.readString(conf) + """
        [metrics]
        enabled = %s
        host = 127.0.0.1
        port = %d
        per_service = %s
        """.formatted(enabled, metricsPort, perService));
    return conf;
  }

  /** A scrape's time and its bytes as they came over the wire. */
  static final class Scrape {
    final double ms;
    final byte[] body;

    Scrape(double ms, byte[] body) {
      this.ms = ms;
      this.body = body;
    }
  }

  static Scrape scrape(int metricsPort, boolean gzip) throws IOException {
    long t0 = System.nanoTime();
    HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + metricsPort + "/metrics")
        .toURL().openConnection();
    connection.setConnectTimeout(5_000);
    connection.setReadTimeout(120_000);
    connection.setRequestProperty("Accept", "text/plain");
    if (gzip) {
      connection.setRequestProperty("Accept-Encoding", "gzip");
    }
    int status = connection.getResponseCode();
    ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
    try (InputStream in = connection.getInputStream()) {
      in.transferTo(body);
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    if (status != 200) {
      throw new IllegalStateException("GET /metrics answered " + status);
    }
    if (gzip != "gzip".equals(connection.getContentEncoding())) {
      throw new IllegalStateException("GET /metrics answered Content-Encoding " + connection.getContentEncoding());
    }
    return new Scrape(ms, body.toByteArray());
  }

  void scrapes(String db, int n, int metricsPort, boolean perService) throws Exception {
    String setting = "per_service " + (perService ? "on" : "off");
    for (boolean gzip : List.of(false, true)) {
      List<Double> ms = new ArrayList<>();
      byte[] last = null;
      try {
        long warmUntil = System.nanoTime() + (long) (WARM_UP_SCRAPE_SECONDS * 1e9);
        for (int i = 0; i < WARM_UP_SCRAPES || System.nanoTime() < warmUntil; i++) {
          scrape(metricsPort, gzip);
        }
        for (int i = 0; i < scrapes; i++) {
          Scrape s = scrape(metricsPort, gzip);
          ms.add(s.ms);
          last = s.body;
        }
      } catch (IOException e) {
        // A scrape the server could not answer (its heap, say: see the server's log); the others still run.
        lines.add(db, String.format(Locale.ROOT, "scrape at %,d, %s, %s", n, setting, gzip ? "gzip" : "plain"),
            "failed after " + ms.size() + " scrapes: " + e);
        continue;
      }
      byte[] text = gzip ? gunzip(last) : last;
      check(new String(text, StandardCharsets.UTF_8), n, perService);
      String what = String.format(Locale.ROOT, "scrape at %,d, %s, %s: p50 / p95 / max of %d", n, setting,
          gzip ? "gzip" : "plain", scrapes);
      lines.add(db, what, EventsBench.percentile(ms, 50), EventsBench.percentile(ms, 95),
          EventsBench.percentile(ms, 100), "ms");
      line(db, String.format(Locale.ROOT, "scrape at %,d, %s, %s: body", n, setting, gzip ? "gzip" : "plain"),
          last.length / 1024.0, "KiB");
    }
  }

  /** The scrape has every service: N openstack_nova_agent_state samples with per_service on, none with it off. */
  static void check(String text, int n, boolean perService) {
    long agentStates = text.lines().filter(l -> l.startsWith("openstack_nova_agent_state{")).count();
    long up = text.lines().filter(l -> l.startsWith("hyperstatus_service_up{")).count();
    long expected = perService ? n : 0;
    if (agentStates != expected || up != expected) {
      throw new IllegalStateException("the scrape has " + agentStates + " openstack_nova_agent_state and " + up
          + " hyperstatus_service_up samples, not " + expected);
    }
    if (!text.contains("hyperstatus_services{")) {
      throw new IllegalStateException("the scrape has no hyperstatus_services counts");
    }
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  /**
   * The scale benchmark's 10,000-hypervisor list (GET /v2.1/os-hypervisors at 2.1, 4 clients, at most 400 requests
   * or 8 s after its warm-up) on fresh servers with [metrics] enabled on and off in turn, on the same database.
   */
  void overhead(String db, int n, Path dir, int port, int metricsPort, String connection) throws Exception {
    String base = "http://127.0.0.1:" + port;
    String url = base + "/v2.1/os-hypervisors";
    List<Double> p50On = new ArrayList<>();
    List<Double> p50Off = new ArrayList<>();
    List<Double> rateOn = new ArrayList<>();
    List<Double> rateOff = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (boolean enabled : List.of(true, false)) {
        Path conf = conf(dir, port, metricsPort, connection, enabled, true);
        Process server = harness.startServer(jar.path, dir, conf, List.of());
        try {
          Bench.awaitUp(server, base, dir);
          harness.sample(Bench.getOp(url, "2.1"), harness.clients, WARM_UP_SECONDS, Integer.MAX_VALUE);
          Bench.Sample s = harness.sample(Bench.getOp(url, "2.1"), harness.clients, harness.opSeconds,
              harness.opMaxRequests);
          if (s.errors() > 0) {
            throw new IllegalStateException(s.errors() + " errors listing the hypervisors");
          }
          double p50 = s.quantileMs(0.5);
          double rate = s.nanos().size() / s.elapsedS();
            (enabled ? p50On : p50Off).add(p50);
          (enabled ? rateOn : rateOff).add(rate);
          Bench.log(String.format(Locale.ROOT, "  round %d, metrics %s: p50 %.2f ms, p99 %.2f ms, %.1f/s (%d)",
              round + 1, enabled ? "on" : "off", p50, s.quantileMs(0.99), rate, s.nanos().size()));
        } finally {
          EventsBench.stop(server);
        }
      }
    }
    String list = String.format(Locale.ROOT, "list 2.1 (all) at %,d, 4 clients", n);
    double on = median(p50On);
    double off = median(p50Off);
    lines.add(db, list + ": median p50 of " + rounds + " rounds, metrics on / off", on, off, "ms");
    line(db, list + ": p50, on against off", (on - off) / off * 100, "%");
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      ratios.add((p50On.get(i) - p50Off.get(i)) / p50Off.get(i) * 100);
    }
    lines.add(db, list + ": p50, on against off in each round", join(ratios) + " % (median "
        + String.format(Locale.ROOT, "%+.1f", median(ratios)) + " %)");
    lines.add(db, list + ": p50 of each round, on / off", join(p50On) + " / " + join(p50Off) + " ms");
    double ron = median(rateOn);
    double roff = median(rateOff);
    lines.add(db, list + ": median throughput of " + rounds + " rounds, metrics on / off", ron, roff, "requests/s");
    line(db, list + ": throughput, on against off", (ron - roff) / roff * 100, "%");
    lines.add(db, list + ": throughput of each round, on / off",
        join(rateOn) + " / " + join(rateOff) + " requests/s");
  }

  /** The median, the mean of the two middle values of an even count. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int size = sorted.size();
    return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
  }

  static String join(List<Double> values) {
    return String.join(" ", values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
  }

  void line(String db, String what, double value, String unit) {
    lines.add(db, what, value, unit);
  }
}
