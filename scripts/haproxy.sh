#!/usr/bin/env bash
# Runs Debian's haproxy in the background in a folder of its own, for tests (not the haproxy service):
#   scripts/haproxy.sh start DIR CONFIG   checks CONFIG and starts haproxy on it, its pid (DIR/haproxy.pid), log
#                                         (DIR/haproxy.log) and runtime API socket (DIR/haproxy.sock) in DIR; returns
#                                         once the socket answers (within 10 s)
#   scripts/haproxy.sh stop DIR           ends it (SIGTERM, then SIGKILL after 10 s); nothing to stop is no error
#   scripts/haproxy.sh stat DIR           the runtime API's `show stat`: a CSV line per frontend, server and backend
#   scripts/haproxy.sh active DIR BACKEND the servers that take BACKEND's connections now, one a line: the active
#                                         ones that are up, or else the first backup that is up (as HAProxy picks
#                                         it); exits 1 when none is
#   scripts/haproxy.sh command DIR CMD... any runtime API command, e.g. `disable server compute-api/api-1`
# CONFIG needs no stats socket, pid file or daemon line of its own: they are added from a second file in DIR. The
# socket is spoken to with python3 (no socat needed).
set -euo pipefail

log() { echo "haproxy: $*" >&2; }
die() { log "$*"; exit 1; }
usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" >&2; exit 2; }

# Sends one command to the runtime API socket SOCKET and prints the answer (5 s at most).
ask() {
  python3 - "$1" "$2" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(5)
s.connect(sys.argv[1])
s.sendall(sys.argv[2].encode() + b"\n")
answer = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    answer += chunk
sys.stdout.write(answer.decode())
PY
}

running_pid() { # DIR: prints the pid of the haproxy started there, when it still runs
  local pid
  pid="$(head -n 1 "$1/haproxy.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -qa haproxy "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

start() {
  local dir=$1 config=$2
  command -v haproxy >/dev/null 2>&1 || die "haproxy is not installed (Debian: apt-get install haproxy)"
  [ -f "$config" ] || die "no configuration at $config"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [ -z "$(running_pid "$dir")" ] || die "a haproxy already runs in $dir"
  rm -f "$dir/haproxy.sock" "$dir/haproxy.pid"
  # A second global section: HAProxy merges it into CONFIG's.
  cat >"$dir/runtime.cfg" <<CFG
global
    daemon
    stats socket $dir/haproxy.sock mode 600 level admin
    stats timeout 10s
CFG
  haproxy -c -q -f "$config" -f "$dir/runtime.cfg" >"$dir/check.out" 2>&1 || { cat "$dir/check.out" >&2; die "invalid configuration $config"; }
  haproxy -p "$dir/haproxy.pid" -f "$config" -f "$dir/runtime.cfg" >>"$dir/haproxy.log" 2>&1 </dev/null \
    || { tail -n 20 "$dir/haproxy.log" >&2; die "haproxy did not start"; }
  for _ in $(seq 1 100); do
    if [ -S "$dir/haproxy.sock" ] && ask "$dir/haproxy.sock" "show info" 2>/dev/null | grep -q '^Pid:'; then
      log "started (pid $(running_pid "$dir")) on $config"
      return 0
    fi
    sleep 0.1
  done
  tail -n 20 "$dir/haproxy.log" >&2
  die "haproxy's runtime API did not answer within 10 s"
}

stop() {
  local dir=$1 pid
  pid="$(running_pid "$dir" || true)"
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      [ -d "/proc/$pid" ] || break
      sleep 0.1
    done
    if [ -d "/proc/$pid" ]; then
      log "pid $pid did not end within 10 s of SIGTERM: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$dir/haproxy.sock" "$dir/haproxy.pid"
}

show_stat() {
  [ -S "$1/haproxy.sock" ] || die "no haproxy runs in $1"
  ask "$1/haproxy.sock" "show stat"
}

active() { # DIR BACKEND
  show_stat "$1" | awk -F, -v backend="$2" '
    NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i; next }
    $1 == backend && $2 != "FRONTEND" && $2 != "BACKEND" {
      status = $(column["status"])
      # "UP", "UP 1/2" (failing, still up), "no check"; not "DOWN", "DOWN 1/2" (recovering), "MAINT", "NOLB".
      up = status ~ /^UP/ || status == "no check"
      if (!up) next
      if ($(column["bck"]) == 0) { active[++actives] = $2 } else if (backup == "") { backup = $2 }
    }
    END {
      if (actives > 0) { for (i = 1; i <= actives; i++) print active[i]; exit 0 }
      if (backup != "") { print backup; exit 0 }
      exit 1
    }'
}

[ $# -ge 2 ] || usage
case "$1" in
  start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  stat) [ $# -eq 2 ] || usage; show_stat "$2" ;;
  active) [ $# -eq 3 ] || usage; active "$2" "$3" ;;
  command) [ $# -ge 3 ] || usage; dir=$2; shift 2; [ -S "$dir/haproxy.sock" ] || die "no haproxy runs in $dir"; ask "$dir/haproxy.sock" "$*" ;;
  *) usage ;;
esac
