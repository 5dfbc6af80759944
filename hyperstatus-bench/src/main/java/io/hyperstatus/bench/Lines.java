package io.hyperstatus.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A benchmark's result rows, `| database | what | figure unit |`, logged as they come and printed at the end. */
final class Lines {
  private final List<String> lines = new ArrayList<>();

  void add(String db, String what, double value, String unit) {
    keep(String.format(Locale.ROOT, "| %s | %s | %.2f %s |", db, what, value, unit));
  }

  void add(String db, String what, double a, double b, String unit) {
    keep(String.format(Locale.ROOT, "| %s | %s | %.2f / %.2f %s |", db, what, a, b, unit));
  }

  void add(String db, String what, double a, double b, double c, String unit) {
    keep(String.format(Locale.ROOT, "| %s | %s | %.2f / %.2f / %.2f %s |", db, what, a, b, c, unit));
  }

  /** A row whose figure is text (several figures, say). */
  void add(String db, String what, String figure) {
    keep(String.format(Locale.ROOT, "| %s | %s | %s |", db, what, figure));
  }

  void print() {
    lines.forEach(System.out::println);
  }

  private void keep(String line) {
    lines.add(line);
    Bench.log(line);
  }
}
