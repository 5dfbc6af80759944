package io.hyperstatus.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options several benchmarks share, as picocli mixins. Where the benchmarks' defaults differ, each passes its own
 * to the mixin's constructor; the help shows it as the option's default.
 */
final class BenchOptions {
  private BenchOptions() {}

  /**
   * A benchmark's command line. The scripts put --jar (bench/run.sh --out too) before the caller's arguments, which
   * may give it again (bench/events.sh --jar OTHER.jar): the last one wins.
   */
  static CommandLine commandLine(Object bench) {
    return new CommandLine(bench).setOverwrittenOptionsAllowed(true);
  }

  static final class Jar {
    @Option(names = "--jar", paramLabel = "JAR", description = "The launcher jar the servers run from.")
    Path path;

    Jar() {}

    Jar(Path path) {
      this.path = path;
    }
  }

  static final class Databases {
    @Option(names = "--databases", split = ",", paramLabel = "DB", converter = DatabaseName.class,
        description = "The databases to run on, in turn: embedded, postgresql (a database of its own, dropped"
            + " after).")
    List<String> names;

    Databases(String... names) {
      this.names = List.of(names);
    }
  }

  static final class Sizes {
    @Option(names = "--sizes", split = ",", paramLabel = "N", converter = Size.class,
        description = "The numbers of hypervisors (nova-compute services) loaded, each on a fresh database.")
    List<Integer> counts;

    Sizes(Integer... counts) {
      this.counts = List.of(counts);
    }
  }

  static final class ServerJvm {
    @Option(names = "--server-jvm", paramLabel = "OPTIONS",
        description = "The servers' JVM options, one argument split on whitespace. The heap bound is part of what"
            + " the RSS figures mean.")
    String options = "-Xmx256m";

    List<String> list() {
      return Arrays.stream(options.trim().split("\\s+")).toList();
    }
  }

  /** A database's name, checked before anything starts rather than after a first database's run. */
  static final class DatabaseName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String name = value.trim();
      if (!name.equals("embedded") && !name.equals("postgresql")) {
        throw new TypeConversionException("unknown database " + name + " (embedded or postgresql)");
      }
      return name;
    }
  }

  /** A size, trimmed: bench/run.sh has always taken "--sizes '1000, 10000'". */
  static final class Size implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Integer.valueOf(value.trim());
    }
  }
}
