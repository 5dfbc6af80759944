# Sourced by the test stages that start processes of their own (conformance/metrics/run.sh, dashboard-tests/run.sh,
# faults/run.sh, ha/run.sh, scripts/rabbitmq-cluster.sh).
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
#   free_port FROM   sets $port to the first port from FROM up that nothing listens on at 127.0.0.1 and that no
#                    earlier free_port of this script took (the processes given the earlier ones may not listen yet)
taken=" "
free_port() {
  port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || [[ "$taken" == *" $port "* ]]; do
    port=$((port + 1))
  done
  taken+="$port "
}
#   now              the time: epoch seconds, with nanoseconds
now() { date +%s.%N; }
#   await_url PID TRIES URL   polls URL every 0.5 s, at most TRIES times, until it answers 2xx; returns 1 if the
#                             process PID (the one that should answer) ends first or the tries run out
await_url() {
  local pid=$1 tries=$2 url=$3
  for _ in $(seq 1 "$tries"); do
    curl -fs -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}
#   kill_by_path DIR   SIGKILLs every process whose command line names a file under DIR (this shell excepted): what
#                      is left of a server whose pid is not known (an Erlang VM, its port programs)
kill_by_path() {
  local proc pid
  for proc in /proc/[0-9]*; do
    grep -qa -- "$1/" "$proc/cmdline" 2>/dev/null || continue
    pid="${proc#/proc/}"
    [ "$pid" != "$$" ] && [ "$pid" != "$BASHPID" ] && kill -9 "$pid" 2>/dev/null || true
  done
}
#   stop_epmd PORT   stops the Erlang port mapper listening on PORT, if one is (it outlives the nodes it served)
stop_epmd() {
  for _ in $(seq 1 20); do
    epmd -port "$1" -names >/dev/null 2>&1 || return 0
    epmd -port "$1" -kill >/dev/null 2>&1 || true
    sleep 0.25
  done
}
