# Sourced by the test stages that start processes of their own (conformance/metrics/run.sh, dashboard-tests/run.sh).
#   stop_processes PID...   stops processes the script started, one after another in the order given: TERM, then KILL
#                           if it is still there after 10 s; nothing for an empty PID or one that has already ended.
stop_processes() {
  local pid
  for pid in "$@"; do
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
#   require_tools PACKAGES TOOL...   exits 1 unless every TOOL is on the PATH, naming the Debian PACKAGES that have them
#                                    (scripts/install-test-dependencies.sh installs them).
require_tools() {
  local packages="$1" tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 && continue
    echo "$(basename "$0"): $tool is missing (Debian: $packages; scripts/install-test-dependencies.sh installs it)" >&2
    exit 1
  done
}
