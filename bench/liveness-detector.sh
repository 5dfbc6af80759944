#!/usr/bin/env bash
# The liveness detector's benchmark: its cost per pass at N services (nothing changing; 1 % going down at once, and
# coming back) and the heartbeat ingest with and without the index it reads, on the embedded database and on
# PostgreSQL. Prints a table; docs/performance/liveness-detector.md keeps the figures.
#   bench/liveness-detector.sh [--services 100000] [--databases embedded,postgresql] [--passes 200]
#                              [--heartbeat-seconds 6] [--postgresql JDBC-URL]
# PostgreSQL: by default the local server at 127.0.0.1:5432, user postgres with trust authentication; the run
# creates and drops a database of its own.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"
if [ ! -f hyperstatus-bench/target/hyperstatus-bench.jar ]; then
  mvn -B -q install -DskipTests
fi
exec java -Xmx1g -cp hyperstatus-bench/target/hyperstatus-bench.jar io.hyperstatus.bench.DetectorBench "$@"
