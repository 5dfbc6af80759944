#!/usr/bin/env bash
# The web dashboard end to end, as an operator's browser sees it: Debian's Chromium (headless, driven by
# playwright-core) against an API server and fake-driver agents running as their own processes on this machine. The
# tests (node:test, tests/*.test.js) sign in, read every page, act on a host, SIGKILL an agent and watch its row turn
# down live, check a reader's view and the CSRF refusal, run axe-core on every page and write screenshots to
# docs/dashboard/.
#   dashboard-tests/run.sh              auth_strategy = noauth2: every test
#   dashboard-tests/run.sh --keystone   auth_strategy = keystone, behind a Keystone of this run's own: sign-in (admin
#                                       and reader) and the pages
# Ports: HYPERSTATUS_DASHBOARD_TEST_PORT (default 19300) for the noauth2 pass's API server, the one after it for the
# Keystone pass's and the second after it for that pass's Keystone. Nothing is left in the temporary folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode=noauth2
case "${1:-}" in
  "") ;;
  --keystone) mode=keystone ;;
  *) echo "usage: $0 [--keystone]" >&2; exit 2 ;;
esac
base_port="${HYPERSTATUS_DASHBOARD_TEST_PORT:-19300}"
if [ "$mode" = noauth2 ]; then port=$base_port; else port=$((base_port + 1)); fi
keystone_port=$((base_port + 2))
down_time=5
chromium="${HYPERSTATUS_CHROMIUM:-/usr/bin/chromium}"
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-dashboard.XXXXXX")"
# Chromium's profile, npm's and node's temporary files: all in this run's folder, removed with it.
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"
jar="$root/hyperstatus-launcher/target/hyperstatus.jar"

log() { echo "dashboard-tests: $*" >&2; }

# Stops a process this script started: TERM, then KILL if it is still there after 10 s.
stop() {
  local pid="$1"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT
  stop "${tests_pid:-}"
  stop "${agent_a_pid:-}"
  stop "${agent_b_pid:-}"
  stop "${server_pid:-}"
  if [ "$mode" = keystone ]; then
    HYPERSTATUS_KEYSTONE_STATE="$work/keystone" HYPERSTATUS_KEYSTONE_PORT="$keystone_port" \
      "$root/scripts/keystone.sh" stop >/dev/null 2>&1 || true
  fi
  if [ $status -ne 0 ]; then
    log "failed; logs follow"
    tail -n 40 "$work"/server.log "$work"/agent-*.log 2>/dev/null || true
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 \
    || { log "$tool is missing (Debian: nodejs npm; scripts/install-test-dependencies.sh installs them)"; exit 1; }
done
[ -x "$chromium" ] \
  || { log "no Chromium at $chromium (Debian: chromium; scripts/install-test-dependencies.sh installs it)"; exit 1; }
# The pinned playwright-core and axe-core of package-lock.json; playwright-core downloads no browser.
(cd "$here" && timeout 180 npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1) \
  || { cat "$work/npm.log" >&2; log "npm ci failed"; exit 1; }
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
# Run a copy, so that a rebuild during the run cannot pull the jar from under the processes.
cp "$jar" "$work/hyperstatus.jar"
jar="$work/hyperstatus.jar"
# The JVMs' temporary files in this run's folder too, and no hsperfdata file that a SIGKILLed agent would leave behind.
java=(java -XX:-UsePerfData "-Djava.io.tmpdir=$work/tmp" -jar "$jar")

# A configuration for each process: the server's, and one per agent with the hosts that agent simulates. Agent b
# simulates one host alone, so that the tests can SIGKILL it without touching the others.
write_config() {
  local file="$1" hosts_file="$2"
  {
    cat <<CONF
[DEFAULT]
host = controller
state_path = $work/state
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $port
compute_driver = fake.FakeDriver
report_interval = 1
service_down_time = $down_time
[oslo_policy]
policy_file = $here/fixture/policy.yaml
[fake]
hosts_file = $hosts_file
[metrics]
# Free ports: the test's processes must not take (or find taken) the default ones.
port = 0
agent_port = 0
[agent]
api_servers = http://127.0.0.1:$port
CONF
    if [ "$mode" = noauth2 ]; then
      printf '[agent_identity]\nsecrets_file = %s\n[agent]\nsecret_file = %s\n' \
        "$work/agent-secrets" "$work/agent-secret"
    else
      cat <<CONF
[api]
auth_strategy = keystone
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:$keystone_port/v3
auth_url = http://127.0.0.1:$keystone_port/v3
username = hyperstatus
password = ${HYPERSTATUS_KEYSTONE_SERVICE_PASSWORD:-hyperstatus-service}
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = RegionOne
[agent_identity]
hosts_file = $work/agent-hosts
[agent]
username = compute-agent
password = ${HYPERSTATUS_KEYSTONE_AGENT_PASSWORD:-compute-agent-secret}
CONF
    fi
  } > "$file"
}

if [ "$mode" = noauth2 ]; then
  # The agents' shared secret (noauth2), bound to every host they simulate.
  secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  (umask 077 && printf 'dashboard-agent %s *\n' "$secret" > "$work/agent-secrets" \
    && printf '%s\n' "$secret" > "$work/agent-secret")
else
  export HYPERSTATUS_KEYSTONE_STATE="$work/keystone" HYPERSTATUS_KEYSTONE_PORT="$keystone_port"
  # Bounded: a bootstrap of a new state folder takes a minute or two, most of it in the users it creates.
  timeout 300 "$root/scripts/keystone.sh" start
  # The agent's Keystone user (role compute_agent) speaks for every host the fake driver simulates.
  (umask 077 && printf '# Keystone user  hosts\ncompute-agent *\n' > "$work/agent-hosts")
fi
write_config "$work/server.conf" "$here/fixture/agent-a.json"
write_config "$work/agent-a.conf" "$here/fixture/agent-a.json"
write_config "$work/agent-b.conf" "$here/fixture/agent-b.json"

"${java[@]}" server --config-file "$work/server.conf" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { log "the server stopped"; exit 1; }
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$port/" || { log "the server does not answer on port $port"; exit 1; }
"${java[@]}" agent --config-file "$work/agent-a.conf" > "$work/agent-a.log" 2>&1 &
agent_a_pid=$!
"${java[@]}" agent --config-file "$work/agent-b.conf" > "$work/agent-b.log" 2>&1 &
agent_b_pid=$!
# The tests SIGKILL agent b: out of the job table, so that bash does not report that death.
disown "$agent_b_pid"
log "server on port $port ($mode), agents $agent_a_pid (agent-a.json) and $agent_b_pid (agent-b.json)"

if [ "$mode" = noauth2 ]; then tests=("$here/tests/dashboard.test.js"); else tests=("$here/tests/keystone.test.js"); fi
# Bounded: every wait in the tests has its own timeout, and the whole run this one.
HYPERSTATUS_DASHBOARD_URL="http://127.0.0.1:$port" \
  HYPERSTATUS_KEYSTONE_URL="http://127.0.0.1:$keystone_port/v3" \
  HYPERSTATUS_SERVICE_DOWN_TIME="$down_time" \
  HYPERSTATUS_KILLABLE_AGENT_PID="$agent_b_pid" \
  HYPERSTATUS_CHROMIUM="$chromium" \
  HYPERSTATUS_SCREENSHOTS="$root/docs/dashboard" \
  timeout 240 node --test "${tests[@]}" &
tests_pid=$!
wait "$tests_pid"
tests_pid=
log "passed ($mode)"
