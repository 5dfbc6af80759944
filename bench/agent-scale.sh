#!/usr/bin/env bash
# One fake-driver agent simulating N hosts that heartbeat every 10 s against one API server on this machine
# (embedded database), for a bounded time. Prints whether every host stays up and how long the agent's ticks
# take compared with the 10 s interval. Loopback only.
#   bench/agent-scale.sh [HOSTS=10000] [SECONDS=150]
set -euo pipefail
hosts="${1:-10000}"
seconds="${2:-150}"
port="${BENCH_PORT:-18890}"
home="$(cd "$(dirname "$0")/.." && pwd)"
jar="$home/hyperstatus-launcher/target/hyperstatus.jar"
[ -f "$jar" ] || (cd "$home" && mvn -B -q -DskipTests package)
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

. "$home/bench/simulator.sh"
write_simulator "$work" "$port" "$hosts"

java -Xmx1g -jar "$jar" server --config-file "$work/server.conf" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.5; done
start=$(date +%s)
java -Xmx1g -jar "$jar" agent --config-file "$work/agent.conf" > "$work/agent.log" 2>&1 &
agent_pid=$!
sleep "$seconds"

list="$(curl -fs -H 'X-Auth-Token: admin:admin' "http://127.0.0.1:$port/v2.1/os-hypervisors")"
up=$( { grep -o '"state":"up"' <<<"$list" || true; } | wc -l)
down=$( { grep -o '"state":"down"' <<<"$list" || true; } | wc -l)
heartbeats=$(grep -c 'POST /agent/v1/heartbeats' "$work/server.log" || true)
echo "hosts simulated:         $hosts (one agent process), heartbeat interval 10 s, ran $(( $(date +%s) - start )) s"
echo "hypervisors up / down:   $up / $down"
echo "heartbeat requests:      $heartbeats (batches of up to 1000 services)"
echo "agent RSS:               $(( $(awk '/VmRSS/ {print $2}' /proc/$agent_pid/status) / 1024 )) MB"
echo "server RSS:              $(( $(awk '/VmRSS/ {print $2}' /proc/$server_pid/status) / 1024 )) MB"
echo "agent's own figures:"
grep 'Reported' "$work/agent.log" | sed 's/^/  /'
grep -E 'WARN|ERROR' "$work/agent.log" "$work/server.log" | head -5 | sed 's/^/  problem: /' || true
[ "$down" -eq 0 ] && [ "$up" -eq "$hosts" ]
