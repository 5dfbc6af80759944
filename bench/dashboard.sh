#!/usr/bin/env bash
# The dashboard at 10,000 hosts, measured in Debian's Chromium (headless, playwright-core of dashboard-tests/): one
# fake-driver agent simulates the hosts against one API server (embedded database) on this machine; once all are up,
# dashboard-tests/bench/measure.js times (1) the hypervisors page from navigation to its first 1,000 rows painted
# (?limit=1000), and (2) a host forced down (or up) through the API until its row on an open page shows it. The bar
# is under 1 s for both. Loopback only, bounded in time; nothing is left behind. Results: docs/performance/dashboard.md.
#   bench/dashboard.sh [HOSTS=10000] [ROUNDS=10]
set -euo pipefail
hosts="${1:-10000}"
rounds="${2:-10}"
port="${BENCH_PORT:-19310}"
home="$(cd "$(dirname "$0")/.." && pwd)"
tests="$home/dashboard-tests"
jar="$home/hyperstatus-launcher/target/hyperstatus.jar"
chromium="${HYPERSTATUS_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "no Chromium at $chromium (Debian: chromium)" >&2; exit 1; }
[ -f "$jar" ] || (cd "$home" && mvn -B -q -DskipTests package)
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-bench-dashboard.XXXXXX")"
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$tests" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

{
  printf '{"hosts": [\n'
  for i in $(seq 1 "$hosts"); do
    sep=","; [ "$i" -eq "$hosts" ] && sep=""
    printf '  {"host": "sim-%05d", "hypervisor_type": "QEMU", "vcpus": 64, "memory_mb": 262144, "local_gb": 2000,' "$i"
    printf ' "instances": [{"uuid": "%08x-0000-4000-8000-000000000000", "name": "instance-%08x"}]}%s\n' "$i" "$i" "$sep"
  done
  printf ']}\n'
} > "$work/hosts.json"

secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
(umask 077 && echo "simulator $secret *" > "$work/agent-secrets" && echo "$secret" > "$work/agent-secret")
cat > "$work/server.conf" <<CONF
[DEFAULT]
state_path = $work/server
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $port
service_down_time = 60
[agent_identity]
secrets_file = $work/agent-secrets
[metrics]
port = 0
agent_port = 0
CONF
cat > "$work/agent.conf" <<CONF
[DEFAULT]
host = simulator
state_path = $work/agent
compute_driver = fake.FakeDriver
report_interval = 10
update_resources_interval = 60
[fake]
hosts_file = $work/hosts.json
[agent]
api_servers = http://127.0.0.1:$port
secret_file = $work/agent-secret
[metrics]
port = 0
agent_port = 0
CONF

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
