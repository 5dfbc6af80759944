# Sourced by the long stages that run the product's processes through faults (faults/run.sh, ha/run.sh) as
#   . "$(dirname "$0")/../scripts/lib/stage.sh" NAME
# It goes to the project's root, sources processes.sh, and gives the stage its messages ("NAME: ..." on stderr),
# its count of failed checks, a work folder of its own and a clean-up that runs however the stage ends.
#   log WORDS / fail WORDS   a line of the stage's; fail also counts a failed check
#   $work                    the stage's folder (with logs/), removed at the end; $pids: the processes to SIGKILL
#                            then; stage_stop, if the stage defines it, runs first (to stop what it started) and,
#                            when the stage failed, the last $STAGE_LOG_LINES (20) lines of each log are printed
#   stage_process_config NAME PORT DATABASE [LINES]
#                            prints the [DEFAULT], [metrics] and [database] sections every process of the stage
#                            shares: the API on 127.0.0.1:PORT, state in $work/NAME, $SERVICE_DOWN_TIME and
#                            $REPORT_INTERVAL, the fake driver, metrics on free ports; LINES go into [DEFAULT]
#   stage_end [WORDS]        exits 1 if a check failed, else says that every one passed, in how long, and WORDS
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=processes.sh
. scripts/lib/processes.sh

stage_name=$1
failures=0
stage_began=$(date +%s)
log() { echo "$stage_name: $*" >&2; }
fail() { log "FAILED: $*"; failures=$((failures + 1)); }

work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-$stage_name.XXXXXX")"
chmod 755 "$work"
pids=()
stage_cleanup() {
  local status=$? pid stat parent f
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do
    # Only this shell's children: a PID that ended long ago may be another process's now.
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
    read -r _ parent _ <<<"${stat##*) }"
    [ "$parent" != "$$" ] || kill -9 "$pid" 2>/dev/null || true
  done
  ! declare -F stage_stop >/dev/null || stage_stop || true
  if [ "$status" -ne 0 ] && [ -d "$work/logs" ]; then
    for f in "$work"/logs/*.log; do
      log "--- last lines of $(basename "$f")"
      tail -n "${STAGE_LOG_LINES:-20}" "$f" >&2
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap stage_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$work/logs"

stage_process_config() {
  cat <<CONF
[DEFAULT]
${4:-}
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $2
state_path = $work/$1
service_down_time = $SERVICE_DOWN_TIME
report_interval = $REPORT_INTERVAL
compute_driver = fake.FakeDriver
[metrics]
# Free ports: the test's processes must not take (or find taken) the default ones.
port = 0
agent_port = 0
[database]
connection = $3
CONF
}

stage_end() {
  if [ "$failures" -gt 0 ]; then
    log "$failures check(s) failed"
    exit 1
  fi
  log "every check passed in $(( $(date +%s) - stage_began )) s${1:+; $1}"
}
