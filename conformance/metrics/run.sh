#!/usr/bin/env bash
# The metrics as a real Prometheus sees them: an API server and a compute agent (fake driver, the hosts of
# hosts.json) run as their own processes, and a Prometheus of this run's own (Debian's prometheus package, which
# scripts/install-test-dependencies.sh installs) scrapes both every second and evaluates the shipped rules of
# contrib/prometheus/. check.py asks Prometheus's HTTP API: the rules are loaded and healthy, both targets are up,
# every host's hyperstatus_service_up and openstack_nova_agent_state are 1 and its heartbeat timestamp moves. Then
# it SIGKILLs the agent: within 30 s Prometheus must show both gauges at 0, the heartbeat timestamp standing still,
# hyperstatus_events_total{kind="went_down"} grown by one a host, the agent's target down, and the alerts
# HyperstatusComputeServiceDown and HyperstatusMetricsTargetDown pending.
#   conformance/metrics/run.sh
# Ports: HYPERSTATUS_METRICS_TEST_PORT (default 19210) for the API, and the three after it for the server's metrics,
# the agent's metrics and Prometheus.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${HYPERSTATUS_METRICS_TEST_PORT:-19210}"
server_metrics_port=$((port + 1))
agent_metrics_port=$((port + 2))
prometheus_port=$((port + 3))
down_time=6
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-metrics.XXXXXX")"
jar="$root/hyperstatus-launcher/target/hyperstatus.jar"

log() { echo "metrics: $*" >&2; }

. "$root/scripts/lib/processes.sh"
# shellcheck source=../../scripts/lib/stage-config.sh
. "$root/scripts/lib/stage-config.sh"

cleanup() {
  local status=$?
  trap - EXIT
  stop_processes "${agent_pid:-}" "${prometheus_pid:-}" "${server_pid:-}"
  if [ $status -ne 0 ]; then
    log "failed; logs follow"
    tail -n 30 "$work"/server.log "$work"/agent.log "$work"/prometheus.log 2>/dev/null || true
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

require_tools prometheus prometheus promtool
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
# Run a copy, so that a rebuild during the run cannot pull the jar from under the processes.
cp "$jar" "$work/hyperstatus.jar"
jar="$work/hyperstatus.jar"

{ stage_defaults "$work" "$port" 1 "$down_time" "$here/hosts.json"
  stage_agent_secret "$work" metrics-agent "$port"
  cat <<CONF
[metrics]
host = 127.0.0.1
port = $server_metrics_port
agent_port = $agent_metrics_port
CONF
} > "$work/hyperstatus.conf"

# The shipped rule files: those of contrib/prometheus/ with rule groups (not the unit tests, the example
# configuration or the agents' target file).
rule_files=()
for file in "$root"/contrib/prometheus/*.yml; do
  case "$file" in *.test.yml) continue ;; esac
  grep -q '^groups:' "$file" && rule_files+=("$file")
done
[ ${#rule_files[@]} -gt 0 ] || { log "no rule file in contrib/prometheus/"; exit 1; }
{
  cat <<CONF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files:
CONF
  for file in "${rule_files[@]}"; do printf '  - %s\n' "$file"; done
  cat <<CONF
scrape_configs:
  - job_name: hyperstatus-api
    static_configs:
      - targets: ['127.0.0.1:$server_metrics_port']
  - job_name: hyperstatus-agent
    static_configs:
      - targets: ['127.0.0.1:$agent_metrics_port']
CONF
} > "$work/prometheus.yml"
promtool check config "$work/prometheus.yml" > "$work/promtool.log" 2>&1 \
  || { cat "$work/promtool.log" >&2; log "promtool check config failed"; exit 1; }

java -jar "$jar" server --config-file "$work/hyperstatus.conf" > "$work/server.log" 2>&1 &
server_pid=$!
await_url "$server_pid" 120 "http://127.0.0.1:$port/" || { log "the server stopped or does not answer"; exit 1; }
curl -fs "http://127.0.0.1:$server_metrics_port/metrics" >/dev/null \
  || { log "no server metrics on port $server_metrics_port"; exit 1; }

java -jar "$jar" agent --config-file "$work/hyperstatus.conf" > "$work/agent.log" 2>&1 &
agent_pid=$!
# check.py SIGKILLs it: out of the job table, so that bash does not report that death.
disown "$agent_pid"

prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prometheus" \
  --web.listen-address="127.0.0.1:$prometheus_port" > "$work/prometheus.log" 2>&1 &
prometheus_pid=$!
await_url "$prometheus_pid" 60 "http://127.0.0.1:$prometheus_port/-/ready" \
  || { log "Prometheus stopped or is not ready"; exit 1; }
log "server on port $port (metrics $server_metrics_port), agent metrics on $agent_metrics_port," \
  "Prometheus on $prometheus_port"

/usr/bin/python3 "$here/check.py" --prometheus "http://127.0.0.1:$prometheus_port" --agent-pid "$agent_pid" \
  --hosts-file "$here/hosts.json" --service-down-time "$down_time" "${rule_files[@]}"
agent_pid=
log "passed: Prometheus saw the killed agent's hosts go down, their heartbeats stop and went_down events counted"
