#!/usr/bin/env bash
# Runs one benchmark class of hyperstatus-bench against the launcher jar, building both when either is missing; the
# benchmark scripts that start real servers go through it.
#   bench/bench-class.sh CLASS [ARGS...]
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"
class="$1"
shift
if [ ! -f hyperstatus-launcher/target/hyperstatus.jar ] || [ ! -f hyperstatus-bench/target/hyperstatus-bench.jar ]; then
  mvn -B -q install -DskipTests
fi
exec java -Xmx1g -cp hyperstatus-bench/target/hyperstatus-bench.jar "io.hyperstatus.bench.$class" \
  --jar hyperstatus-launcher/target/hyperstatus.jar "$@"
