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
. "$root/scripts/lib/processes.sh"
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

cleanup() {
  local status=$?
  trap - EXIT
  stop_processes "${tests_pid:-}" "${agent_a_pid:-}" "${agent_b_pid:-}" "${server_pid:-}"
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

require_tools 'nodejs npm' node npm
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

# A configuration for each process (fixture/hyperstatus.conf and the pass's fixture/<mode>.conf, filled in): the
# server's, and one per agent with the hosts that agent simulates. Agent b simulates two hosts alone, so that the
# tests can SIGKILL it without touching the others.
write_config() {
  local file="$1" hosts_file="$2" name value
  local -a edits=()
  for name in WORK PORT DOWN_TIME FIXTURE HOSTS_FILE KEYSTONE_PORT SERVICE_PASSWORD AGENT_PASSWORD; do
    case "$name" in
      WORK) value=$work ;; PORT) value=$port ;; DOWN_TIME) value=$down_time ;; FIXTURE) value=$here/fixture ;;
      HOSTS_FILE) value=$hosts_file ;; KEYSTONE_PORT) value=$keystone_port ;;
      SERVICE_PASSWORD) value=${HYPERSTATUS_KEYSTONE_SERVICE_PASSWORD:-hyperstatus-service} ;;
      AGENT_PASSWORD) value=${HYPERSTATUS_KEYSTONE_AGENT_PASSWORD:-compute-agent-secret} ;;
    esac
    # sed's replacement: its delimiter, & and backslashes escaped.
    value=$(printf '%s' "$value" | sed 's/[|&\\]/\\&/g')
    edits+=(-e "s|@$name@|$value|g")
  done
  sed "${edits[@]}" "$here/fixture/hyperstatus.conf" "$here/fixture/$mode.conf" > "$file"
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
await_url "$server_pid" 120 "http://127.0.0.1:$port/" \
  || { log "the server stopped or does not answer on port $port"; exit 1; }
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
