#!/usr/bin/env bash
# Nova's notifications as an oslo.messaging consumer sees them: an API server and a compute agent (fake driver) on
# this machine send to the local RabbitMQ, in a virtual host of this run's own; listen.py (a notification listener
# written with Debian's python3-oslo.messaging) receives them, and check.py compares what it got with what Nova 26
# sent for the same changes (hyperstatus-notifications/src/test/resources/nova/listener-seen.jsonl). Then the agent
# is SIGKILLed: hyperstatus.service.down must come within service_down_time + 3 s, and hyperstatus.service.up after
# it is started again.
#   conformance/notifications/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${HYPERSTATUS_NOTIFICATIONS_PORT:-28775}"
rabbit_port="${HYPERSTATUS_TEST_RABBITMQ_PORT:-5672}"
management="http://127.0.0.1:${HYPERSTATUS_TEST_RABBITMQ_MANAGEMENT_PORT:-15672}"
down_time=5
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-notifications.XXXXXX")"
jar="$root/hyperstatus-launcher/target/hyperstatus.jar"
vhost="hyperstatus-notifications-$$"

log() { echo "notifications: $*" >&2; }
# shellcheck source=../../scripts/lib/stage-config.sh
. "$root/scripts/lib/stage-config.sh"

cleanup() {
  local status=$?
  for pid in "${agent_pid:-}" "${listener_pid:-}" "${server_pid:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  curl -fs -u guest:guest -X DELETE "$management/api/vhosts/$vhost" >/dev/null 2>&1 || true
  if [ $status -ne 0 ]; then
    log "failed; logs follow"
    tail -n 30 "$work"/server.log "$work"/agent*.log "$work"/listener.err 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
curl -fs -u guest:guest -X PUT -H 'Content-Type: application/json' -d '{}' "$management/api/vhosts/$vhost" >/dev/null
curl -fs -u guest:guest -X PUT -H 'Content-Type: application/json' \
  -d '{"configure": ".*", "write": ".*", "read": ".*"}' "$management/api/permissions/$vhost/guest" >/dev/null
url="rabbit://guest:guest@127.0.0.1:$rabbit_port/$vhost"

{ stage_defaults "$work" "$port" 1 "$down_time" "$here/hosts.json" "transport_url = $url"
  stage_agent_secret "$work" notify-agent "$port"
  cat <<CONF
[oslo_messaging_notifications]
driver = messagingv2
[notifications]
notification_format = versioned
[metrics]
# Free ports: the test's processes must not take (or find taken) the default ones.
port = 0
agent_port = 0
CONF
} > "$work/hyperstatus.conf"

/usr/bin/python3 "$here/listen.py" --url "$url" --timeout 120 > "$work/listener.jsonl" 2> "$work/listener.err" &
listener_pid=$!
for _ in $(seq 1 100); do grep -q ready "$work/listener.err" 2>/dev/null && break; sleep 0.2; done
grep -q ready "$work/listener.err" || { log "the listener did not start"; exit 1; }

java -jar "$jar" server --config-file "$work/hyperstatus.conf" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.5; done

api() {
  curl -fs -X "$1" -H 'X-Auth-Token: admin:admin' -H 'OpenStack-API-Version: compute 2.53' \
    -H 'Content-Type: application/json' ${3:+-d "$3"} "http://127.0.0.1:$port$2"
}
received() { grep -c "\"event_type\": \"$1\"" "$work/listener.jsonl" || true; }
wait_for() {
  local event_type="$1" count="$2" seconds="$3"
  for _ in $(seq 1 $((seconds * 10))); do
    [ "$(received "$event_type")" -ge "$count" ] && return 0
    sleep 0.1
  done
  log "no $event_type (#$count) within $seconds s"
  return 1
}

java -jar "$jar" agent --config-file "$work/hyperstatus.conf" > "$work/agent.log" 2>&1 &
agent_pid=$!
wait_for service.create 1 60
uuid="$(api GET /v2.1/os-services?binary=nova-compute | python3 -c 'import json,sys; print(json.load(sys.stdin)["services"][0]["id"])')"
api PUT "/v2.1/os-services/$uuid" '{"status": "disabled", "disabled_reason": "rack 12 power"}' >/dev/null
api PUT "/v2.1/os-services/$uuid" '{"status": "enabled"}' >/dev/null
api PUT "/v2.1/os-services/$uuid" '{"forced_down": true}' >/dev/null
api PUT "/v2.1/os-services/$uuid" '{"forced_down": false}' >/dev/null
wait_for service.update 4 20

# The agent dies: the server sees its heartbeats stop and says so.
kill -9 "$agent_pid"
killed_at=$(date +%s.%N)
wait_for hyperstatus.service.down 1 $((down_time + 10))
down_after=$(python3 -c "import time; print(round(time.time() - $killed_at, 2))")
log "hyperstatus.service.down came ${down_after} s after the agent's SIGKILL (service_down_time $down_time s)"
python3 -c "import sys; sys.exit(0 if $down_after <= $down_time + 3 else 1)" \
  || { log "later than service_down_time + 3 s"; exit 1; }
java -jar "$jar" agent --config-file "$work/hyperstatus.conf" > "$work/agent-again.log" 2>&1 &
agent_pid=$!
wait_for hyperstatus.service.up 1 30
kill "$agent_pid"; wait "$agent_pid" 2>/dev/null || true
agent_pid=
api DELETE "/v2.1/os-services/$uuid" >/dev/null
wait_for service.delete 1 20

/usr/bin/python3 "$here/check.py" "$work/listener.jsonl" \
  "$root/hyperstatus-notifications/src/test/resources/nova/listener-seen.jsonl"
log "passed: an oslo.messaging listener got Nova's messages and hyperstatus's own"
