package io.hyperstatus.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The database of one benchmark run: a new SQLite file in its folder, or a new database on the local PostgreSQL
 * (127.0.0.1:5432, user postgres, trust authentication) that {@link #drop} removes.
 *
 * @param pgDb the PostgreSQL database's name, null for the embedded one
 */
record BenchDatabase(String db, String connection, Path sqlite, String pgDb) {
  static BenchDatabase create(Bench harness, String db, Path dir, String prefix) throws Exception {
    Path sqlite = dir.resolve("hyperstatus.sqlite").toAbsolutePath();
    if (db.equals("embedded")) {
      return new BenchDatabase(db, "sqlite:///" + sqlite, sqlite, null);
    }
    String pgDb = prefix + "_" + ProcessHandle.current().pid();
    harness.psql("DROP DATABASE IF EXISTS " + pgDb);
    harness.psql("CREATE DATABASE " + pgDb);
    return new BenchDatabase(db, "postgresql://postgres@127.0.0.1:5432/" + pgDb, sqlite, pgDb);
  }

  /** Creates the schema of a shared database ({@code hyperstatus db sync}); the embedded one migrates at start. */
  void sync(Path jar, Path conf, Path dir) throws Exception {
    if (pgDb == null) {
      return;
    }
    Process sync = new ProcessBuilder("java", "-jar", jar.toString(), "db", "sync", "--config-file", conf.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("db-sync.log").toFile()).start();
    if (!sync.waitFor(120, TimeUnit.SECONDS) || sync.exitValue() != 0) {
      throw new IllegalStateException("db sync failed");
    }
  }

  void drop(Bench harness) throws Exception {
    if (pgDb != null) {
      harness.psql("DROP DATABASE IF EXISTS " + pgDb);
    }
  }
}
