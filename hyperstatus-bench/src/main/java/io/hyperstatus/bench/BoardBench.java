package io.hyperstatus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The hypervisor board's benchmark (see docs/performance/hypervisor-board.md), on each database and size N: a real
 * server from the launcher jar with N nova-compute services and their hypervisors loaded through the agent
 * interface, then {@code GET /hyperstatus/v1/hypervisors} with the dashboard's usual queries and
 * {@code GET /hyperstatus/v1/zones/summary}, one client, each after a warm-up; Nova's 2.88 page of 1,000 for
 * comparison; the server's RSS after.
 *   java -cp hyperstatus-bench.jar io.hyperstatus.bench.BoardBench --jar hyperstatus.jar
 *        [--databases embedded,postgresql] [--sizes 10000,100000] [--requests 20] [--port 19281]
 *        [--server-jvm "-Xmx256m"]
 */
@Command(name = "bench/board.sh", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "The hypervisor board's benchmark: on each database and size N, a real server with N hypervisors"
        + " loaded; the board's usual queries and the zones' summary, one client, p50 / p95 / max; the server's RSS.")
public final class BoardBench extends SizedServerBench {
  @Option(names = "--requests", paramLabel = "N", description = "The timed requests of each query, after a warm-up.")
  int requests = 20;
  @Option(names = "--port", paramLabel = "PORT", description = "The server's port on 127.0.0.1.")
  int port = 19281;

  BoardBench() {
    super("board");
  }

  public static void main(String[] args) {
    System.exit(BenchOptions.commandLine(new BoardBench()).execute(args));
  }

  @Override
  void run(String db, int n, Path dir) throws Exception {
    BenchDatabase database = BenchDatabase.create(harness, db, dir, "hsboard");
    try {
      measureLoaded(database, dir, n);
    } finally {
      database.drop(harness);
    }
  }

  /** A server on the database with N hypervisors loaded: the board's queries, then the server's RSS. */
  void measureLoaded(BenchDatabase database, Path dir, int n) throws Exception {
    Path conf = Bench.serverConf(dir, port, database.connection());
    // The board is what is measured: no metrics listener, whose scrapes would share the cores.
    Files.writeString(conf, Files.readString(conf) + "[metrics]\nenabled = false\n");
    String base = "http://127.0.0.1:" + port;
    Process server = harness.startLoaded(jar.path, database, dir, conf, base, n);
    try {
      measureAll(database.db(), n, base);
      lines.add(database.db(), String.format(Locale.ROOT, "server RSS after the requests at %,d", n),
          Bench.rssMb(server.pid()), "MB");
    } finally {
      EventsBench.stop(server);
    }
  }

  void measureAll(String db, int n, String base) throws Exception {
    String board = base + "/hyperstatus/v1/hypervisors";
    check(board + "?limit=1", "total", n);
    measure(db, n, "board, first page of 100 by hostname", board);
    measure(db, n, "board, 1,000 by last_heartbeat desc", board + "?sort=last_heartbeat&dir=desc&limit=1000");
    measure(db, n, "board, text filter q=" + Bench.PATTERN + ", 1,000", board + "?q=" + Bench.PATTERN
        + "&limit=1000");
    measure(db, n, "board, state=down (no match)", board + "?state=down");
    measure(db, n, "board, last page of 1,000 (offset N-1,000)", board + "?offset=" + (n - 1000) + "&limit=1000");
    measure(db, n, "zones summary", base + "/hyperstatus/v1/zones/summary");
    measure(db, n, "Nova's 2.88 detail, page of 1,000 (for comparison)", base
        + "/v2.1/os-hypervisors/detail?limit=1000", "2.88");
  }

  /** The answer lists what was loaded: a benchmark of a wrong answer measures nothing. */
  static void check(String url, String field, int expected) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = Bench.fetch(url, null, body);
    JsonNode json = Bench.JSON.readTree(body.toByteArray());
    if (status != 200 || json.path(field).asInt() != expected) {
      throw new IllegalStateException(url + " answered " + status + " with " + field + " " + json.path(field));
    }
  }

  void measure(String db, int n, String what, String url) throws Exception {
    measure(db, n, what, url, null);
  }

  /** One client, after the harness's warm-up: the dashboard's latency, not the server's throughput. */
  void measure(String db, int n, String what, String url, String microversion) throws Exception {
    Bench.Sample s = harness.sample(Bench.getOp(url, microversion), 1, 600, requests);
    if (s.errors() > 0) {
      throw new IllegalStateException(s.errors() + " errors on " + url);
    }
    lines.add(db, String.format(Locale.ROOT, "%s at %,d: p50 / p95 / max of %d", what, n, s.nanos().size()),
        s.quantileMs(0.5), s.quantileMs(0.95), s.quantileMs(1.0), "ms");
  }
}
