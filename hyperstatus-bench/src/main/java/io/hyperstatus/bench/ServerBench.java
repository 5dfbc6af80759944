package io.hyperstatus.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A benchmark of real servers run on each database chosen, in turn: the harness that starts them, the result lines
 * printed once every database has had its run, and the options every such benchmark has (--jar, --databases).
 */
abstract class ServerBench implements Callable<Integer> {
  final Bench harness = new Bench();
  final Lines lines = new Lines();
  @Mixin BenchOptions.Jar jar = new BenchOptions.Jar();
  @Mixin BenchOptions.Databases databases;

  ServerBench(String... defaultDatabases) {
    databases = new BenchOptions.Databases(defaultDatabases);
  }

  /** The benchmark's runs, on each database of --databases; each adds its figures to {@link #lines}. */
  abstract void runOnEachDatabase() throws Exception;

  @Override
  public final Integer call() throws Exception {
    runOnEachDatabase();
    lines.print();
    return 0;
  }
}
