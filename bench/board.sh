#!/usr/bin/env bash
# The hypervisor board's benchmark (see docs/performance/hypervisor-board.md): on each database, a real server from the
# launcher jar with N nova-compute services and their hypervisors loaded through the agent interface; the board's
# usual queries and the zones' summary, one client, p50 / p95 / max; the server's RSS after.
#   bench/board.sh [--databases embedded,postgresql] [--sizes 10000,100000] [--requests 20] [--port 19281]
#                  [--server-jvm "-Xmx256m"]
# PostgreSQL: the local server at 127.0.0.1:5432, user postgres with trust authentication (psql must be installed);
# each run creates and drops its own database.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"
if [ ! -f hyperstatus-launcher/target/hyperstatus.jar ] || [ ! -f hyperstatus-bench/target/hyperstatus-bench.jar ]; then
  mvn -B -q install -DskipTests
fi
exec java -Xmx1g -cp hyperstatus-bench/target/hyperstatus-bench.jar io.hyperstatus.bench.BoardBench \
  --jar hyperstatus-launcher/target/hyperstatus.jar "$@"
