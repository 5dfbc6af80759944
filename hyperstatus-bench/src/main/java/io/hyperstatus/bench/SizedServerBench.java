package io.hyperstatus.bench;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;

/**
 * A benchmark of a real server at several sizes: on each database, a run for each size N (--sizes), each on a fresh
 * database with N hypervisors loaded, by servers with the JVM options of --server-jvm.
 */
abstract class SizedServerBench extends ServerBench {
  @Mixin BenchOptions.Sizes sizes = new BenchOptions.Sizes(10_000, 100_000);
  @Mixin BenchOptions.ServerJvm serverJvm = new BenchOptions.ServerJvm();
  private final String name;

  /** {@code name}: the benchmark's, in the name of its work folder. */
  SizedServerBench(String name) {
    super("embedded");
    this.name = name;
  }

  /** The run at size {@code n} on the database {@code db}, in a folder of its own. */
  abstract void run(String db, int n, Path dir) throws Exception;

  @Override
  void runOnEachDatabase() throws Exception {
    harness.serverJvm = serverJvm.list();
    Bench.eachDatabaseAndSize(name, databases.names, sizes.counts, this::run);
  }
}
