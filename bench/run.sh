#!/usr/bin/env bash
# The scale benchmark: for each database and size N, a real server from the launcher jar on loopback with a fresh
# database, N hypervisors loaded through the agent interface, then latency, throughput, heartbeat ingest and RSS.
# Writes docs/performance/results.{md,json} and cost-vs-n.png (comparing with the previous results.json).
#   bench/run.sh [--sizes 1000,10000,100000] [--databases embedded,postgresql] [--op-seconds 8]
#                [--op-max-requests 400] [--heartbeat-seconds 15] [--load-timeout 1800] [--out DIR]
# PostgreSQL: the local server at 127.0.0.1:5432, user postgres with trust authentication (psql must be installed);
# each run creates and drops its own database.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"
if [ ! -f hyperstatus-launcher/target/hyperstatus.jar ] || [ ! -f hyperstatus-bench/target/hyperstatus-bench.jar ]; then
  mvn -B -q install -DskipTests
fi
exec java -Djava.awt.headless=true -Xmx2g -jar hyperstatus-bench/target/hyperstatus-bench.jar \
  --jar hyperstatus-launcher/target/hyperstatus.jar --out docs/performance "$@"
