#!/usr/bin/env bash
# The dashboard at 10,000 hosts, measured in Debian's Chromium (headless, playwright-core of dashboard-tests/): one
# fake-driver agent simulates the hosts against one API server (embedded database) on this machine; once all are up,
# dashboard-tests/bench/measure.js times (1) the hypervisors page from navigation to its first 1,000 rows painted
# (?limit=1000), and (2) a host forced down (or up) through the API until its row on an open page shows it. The bar
# is under 1 s for both. Loopback only, bounded in time; nothing is left behind. Results: docs/performance/dashboard.md.
#   bench/dashboard.sh [HOSTS=10000] [ROUNDS=10]
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
tests="$home/dashboard-tests"
hosts="${1:-10000}"
rounds="${2:-10}"
port="${BENCH_PORT:-19310}"
jar="$home/hyperstatus-launcher/target/hyperstatus.jar"
chromium="${HYPERSTATUS_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "no Chromium at $chromium (Debian: chromium)" >&2; exit 1; }
[ -f "$jar" ] || (cd "$home" && mvn -B -q -DskipTests package)
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-bench-dashboard.XXXXXX")"
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$tests" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

. "$home/bench/simulator.sh"
write_simulator "$work" "$port" "$hosts"

java=(java -XX:-UsePerfData "-Djava.io.tmpdir=$work/tmp" -jar "$jar")
"${java[@]}" server --config-file "$work/server.conf" > "$work/server.log" 2>&1 &
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break; sleep 0.5; done
"${java[@]}" agent --config-file "$work/agent.conf" > "$work/agent.log" 2>&1 &
up=0
for _ in $(seq 1 300); do
  up=$(curl -fs -H 'X-Auth-Token: admin:admin' "http://127.0.0.1:$port/v2.1/os-services?binary=nova-compute" \
    | { grep -o '"state": *"up"' || true; } | wc -l)
  [ "$up" -ge "$hosts" ] && break
  sleep 1
done
[ "$up" -ge "$hosts" ] || { echo "only $up of $hosts hosts up" >&2; tail -20 "$work/server.log" >&2; exit 1; }

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB; $("$chromium" --version 2>/dev/null);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "hosts: $hosts up (one agent), rounds: $rounds"
HYPERSTATUS_DASHBOARD_URL="http://127.0.0.1:$port" HYPERSTATUS_CHROMIUM="$chromium" \
  timeout 600 node "$tests/bench/measure.js" --rounds "$rounds" --hosts "$hosts"
