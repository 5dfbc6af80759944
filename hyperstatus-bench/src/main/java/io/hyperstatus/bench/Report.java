package io.hyperstatus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** Writes results.json, results.md (with the previous run's figures and the targets) and cost-vs-n.png. */
final class Report {

  private Report() {}

  static Map<String, String> machine() throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    String model = "unknown";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        model = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    m.put("cpu", model);
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        m.put("memory", String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0));
      }
    }
    m.put("java", System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return m;
  }

  static String f(Double d) {
    if (d == null || d.isNaN()) return "";
    double a = Math.abs(d);
    return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f", d);
  }

  /** The figures of the results.json a run replaces, read before its first write. */
  record Previous(String date, Map<String, Double> values, List<Bench.Result> rows) {}

  static Previous previous(Path jsonFile) throws Exception {
    Map<String, Double> previous = new HashMap<>();
    List<Bench.Result> rows = new ArrayList<>();
    String previousDate = null;
    if (Files.exists(jsonFile)) {
      JsonNode old = Bench.JSON.readTree(jsonFile.toFile());
      previousDate = old.path("date").asText(null);
      for (JsonNode r : old.path("results")) {
        previous.put(r.path("database").asText() + "|" + r.path("n").asInt() + "|" + r.path("measure").asText(),
            r.path("value").asDouble());
        rows.add(new Bench.Result(r.path("database").asText(), r.path("n").asInt(), r.path("measure").asText(),
            r.path("unit").asText(), r.path("value").asDouble(), r.has("p99") ? r.path("p99").asDouble() : null,
            r.has("rate") ? r.path("rate").asDouble() : null, r.path("count").asInt(), r.path("errors").asInt(),
            r.path("measured_at").asText(previousDate)));
      }
    }
    return new Previous(previousDate, previous, rows);
  }

  static void write(Bench b, Instant started, Previous prior) throws Exception {
    Files.createDirectories(b.out);
    Path jsonFile = b.out.resolve("results.json");
    Map<String, Double> previous = prior.values();
    String previousDate = prior.date();
    // results.json keeps the latest figures of every database and size: those this run did not measure are
    // carried over from the file it replaces, with the date they were measured.
    java.util.Set<String> measured = new java.util.HashSet<>();
    for (Bench.Result r : b.results) measured.add(r.database() + "|" + r.n());
    List<Bench.Result> all = new ArrayList<>();
    for (Bench.Result r : b.results) {
      all.add(new Bench.Result(r.database(), r.n(), r.measure(), r.unit(), r.value(), r.p99(), r.rate(), r.count(),
          r.errors(), started.toString()));
    }
    for (Bench.Result r : prior.rows()) {
      if (!measured.contains(r.database() + "|" + r.n())) all.add(r);
    }
    all.sort(java.util.Comparator.comparingInt(Bench.Result::n).thenComparing(r -> r.database()));
    Map<String, String> machine = machine();

    ObjectNode root = Bench.JSON.createObjectNode();
    root.put("date", started.toString());
    ObjectNode mj = root.putObject("machine");
    machine.forEach(mj::put);
    ObjectNode settings = root.putObject("settings");
    settings.put("server_jvm", b.serverJvmShown());
    settings.put("clients", b.clients).put("op_seconds", b.opSeconds).put("op_max_requests", b.opMaxRequests)
        .put("heartbeat_seconds", b.heartbeatSeconds);
    ArrayNode fails = root.putArray("failures");
    b.failures.forEach(fails::add);
    ArrayNode arr = root.putArray("results");
    for (Bench.Result r : all) {
      ObjectNode o = arr.addObject();
      o.put("database", r.database()).put("n", r.n()).put("measure", r.measure()).put("unit", r.unit())
          .put("value", r.value());
      if (r.p99() != null) o.put("p99", r.p99());
      if (r.rate() != null) o.put("rate", r.rate());
      o.put("count", r.count()).put("errors", r.errors()).put("measured_at", r.measuredAt());
    }
    Bench.JSON.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), root);

    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append("Generated by `bench/run.sh` on ").append(started).append(" (see [README.md](README.md)).\n\n");
    md.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("memory")).append(", ")
        .append(machine.get("cpu")).append("; Java ").append(machine.get("java")).append(", ").append(machine.get("os"))
        .append(". Server and clients on the same machine, over loopback; server JVM options `" + b.serverJvmShown() + "` (the archive from a training run, as"
            + " bin/hyperstatus keeps one).\n\n");
    md.append(String.format(Locale.ROOT, "Requests: %d concurrent clients (HttpURLConnection, kept-alive), each measure at most %d "
        + "requests or %.0f s after a warm-up of up to 20 calls or 2 s; heartbeat ingest %.0f s from 2 senders.\n\n", b.clients,
        b.opMaxRequests, b.opSeconds, b.heartbeatSeconds));
    md.append("Value is the median for latencies (ms), else the figure itself; Rate is requests (or hosts) per "
        + "second; Previous is the value in the results.json this run replaced")
        .append(previousDate == null ? " (none)" : " (" + previousDate + ")").append(".\n\n");
    if (!b.failures.isEmpty()) {
      md.append("Runs that failed:\n\n");
      for (String fl : b.failures) md.append("- ").append(fl.replace("\n", " ")).append("\n");
      md.append("\n");
    }
    md.append("## Targets\n\n");
    md.append("| Target | Figure | Met |\n|---|---|---|\n");
    for (String[] t : targets(all)) md.append("| ").append(String.join(" | ", t)).append(" |\n");
    md.append("\n## All figures\n\n");
    md.append("| Database | N | Measure | Value | Unit | p99 | Rate /s | Count | Errors | Previous | Change |\n");
    md.append("|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (Bench.Result r : all) {
      boolean carried = !r.measuredAt().equals(started.toString());
      Double prev = carried ? null : previous.get(r.key());
      String change = prev == null || prev == 0 ? "" : String.format(Locale.ROOT, "%+.0f %%", (r.value() - prev) / prev * 100);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d | %d | %s | %s |\n", r.database(),
          r.n() == 0 ? "–" : String.format(Locale.ROOT, "%,d", r.n()), r.measure() + (carried ? " (measured " + r.measuredAt().substring(0, 10) + ")" : ""), f(r.value()), r.unit(), f(r.p99()), f(r.rate()), r.count(), r.errors(), f(prev), change));
    }
    md.append("\n![cost against N](cost-vs-n.png)\n");
    Files.writeString(b.out.resolve("results.md"), md.toString());
    plot(all, b.out.resolve("cost-vs-n.png"));
  }

  static Bench.Result find(List<Bench.Result> rs, String db, int n, String measure) {
    for (Bench.Result r : rs) {
      if (r.database().equals(db) && r.n() == n && r.measure().equals(measure)) return r;
    }
    return null;
  }

  static String[] check(List<Bench.Result> rs, String target, String db, int n, String measure, double limit,
      boolean atLeast) {
    Bench.Result r = find(rs, db, n, measure);
    if (r == null) return new String[] {target, "not measured", "?"};
    boolean met = r.errors() == 0 && (atLeast ? r.value() >= limit : r.value() < limit);
    return new String[] {target, f(r.value()) + " " + r.unit() + (r.errors() == 0 ? "" : " (" + r.errors() + " errors)"),
        met ? "yes" : "**no**"};
  }

  static List<String[]> targets(List<Bench.Result> rs) {
    List<String[]> t = new ArrayList<>();
    for (String db : List.of("embedded", "postgresql")) {
      t.add(check(rs, "detail 2.1 at 10,000, median < 150 ms (" + db + ")", db, 10000, "detail 2.1 (all)", 150, false));
      t.add(check(rs, "detail 2.1 at 10,000, median < 150 ms, one client (" + db + ")", db, 10000,
          "detail 2.1 (all), 1 client", 150, false));
      t.add(check(rs, "list 2.1 at 10,000, median < 50 ms (" + db + ")", db, 10000, "list 2.1 (all)", 50, false));
      t.add(check(rs, "list 2.1 at 10,000, median < 50 ms, one client (" + db + ")", db, 10000,
          "list 2.1 (all), 1 client, idle", 50, false));
      t.add(check(rs, "2.88 page of 1000 at 10,000, median < 25 ms (" + db + ")", db, 10000,
          "detail 2.88 (page of 1000)", 25, false));
      t.add(check(rs, "2.88 page of 1000 at 100,000, median < 25 ms (" + db + ")", db, 100000,
          "detail 2.88 (page of 1000)", 25, false));
      t.add(check(rs, "server RSS at 100,000 < 512 MB (" + db + ", after the requests)", db, 100000,
          "server RSS after the requests", 512, false));
    }
    for (int n : List.of(10000, 100000)) {
      t.add(check(rs, "heartbeat ingest >= 20,000/s on PostgreSQL at " + String.format(Locale.ROOT, "%,d", n),
          "postgresql", n, "heartbeat ingest (2 senders x 1000/batch)", 20000, true));
      Bench.Result idle = find(rs, "postgresql", n, "list 2.1 (all), 1 client, idle");
      Bench.Result busy = find(rs, "postgresql", n, "list 2.1 (all) under heartbeat ingest");
      String name = "list under ingest within 2x of idle, PostgreSQL at " + String.format(Locale.ROOT, "%,d", n);
      if (idle == null || busy == null || busy.count() == 0) {
        t.add(new String[] {name, "not measured", "?"});
      } else {
        double ratio = busy.value() / idle.value();
        t.add(new String[] {name, f(busy.value()) + " ms vs " + f(idle.value()) + " ms idle ("
            + String.format(Locale.ROOT, "%.1fx", ratio) + "; one listing client in both)", ratio <= 2 ? "yes" : "**no**"});
      }
    }
    for (String archive : List.of("with", "without")) {
      String measure = "start-up, empty embedded database, " + archive + " class-data archive (median of 3)";
      t.add(check(rs, "start-up < 3 s, embedded, " + archive + " the class-data archive bin/hyperstatus keeps",
          "embedded", 0, measure, 3000, false));
    }
    return t;
  }

  static int countSeries(List<Bench.Result> results) {
    java.util.Set<String> s = new java.util.HashSet<>();
    for (Bench.Result r : results) if (r.unit().equals("ms")) s.add(r.database() + r.measure());
    return s.size();
  }

  static void plot(List<Bench.Result> results, Path file) throws Exception {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(1200).height(700 + 22 * countSeries(results)).title("hyperstatus: median latency against N (log-log)")
        .xAxisTitle("hypervisors (N)").yAxisTitle("median ms").build();
    chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.OutsideS)
        .setMarkerSize(6);
    Map<String, List<Bench.Result>> series = new LinkedHashMap<>();
    for (Bench.Result r : results) {
      if (!r.unit().equals("ms") || r.count() == 0 || !(r.value() > 0)) continue;
      if (r.measure().startsWith("start-up")) continue;
      series.computeIfAbsent(r.database() + ": " + r.measure(), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<Bench.Result>> e : series.entrySet()) {
      TreeSet<Integer> seen = new TreeSet<>();
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      e.getValue().stream().sorted((p, q) -> Integer.compare(p.n(), q.n())).forEach(r -> {
        if (seen.add(r.n())) {
          x.add((double) r.n());
          y.add(r.value());
        }
      });
      chart.addSeries(e.getKey(), x, y);
    }
    if (series.isEmpty()) return;
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
