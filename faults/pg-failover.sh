#!/usr/bin/env bash
# A PostgreSQL failover under load: a primary and a hot standby of their own (scripts/postgresql-standby.sh), two
# API servers from bin/hyperstatus on the multi-host URL
#   postgresql://postgres@127.0.0.1:PRIMARY,127.0.0.1:STANDBY/postgres?target_session_attrs=read-write
# and a stream of admin changes (POST /v2.1/os-aggregates) through both, a line per call with its code and time.
# Then the primary is stopped (immediate: a crash), the standby promoted $PROMOTE_AFTER_SECONDS s later (what a
# failover manager takes at best), and the servers, never restarted, must find the new primary.
# It asserts that every change answered 2xx is in the database afterwards, that none is stored twice, that no call
# got a 500 or no answer (a hang), that every 503 came within BOUND_503_SECONDS, and that both servers answer
# writes again within BOUND_RECOVERY_SECONDS of the promotion; it prints the figures (the 503 window in seconds).
# Every loop is bounded in count and time; the whole run takes about half a minute after the build.
#
#   faults/pg-failover.sh      ports from $HYPERSTATUS_PG_FAILOVER_PORT (default 25874) up, the first free ones
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"

POOL_TIMEOUT=1
PROMOTE_AFTER_SECONDS=3       # from the primary's crash to the promotion
RUN_AFTER_SECONDS=8           # changes go on this long after the servers answer again
BOUND_503_SECONDS=5           # a call while no primary is reachable is answered 503 within this
BOUND_RECOVERY_SECONDS=30     # both servers answer writes again within this of the promotion

log() { echo "pg-failover: $*" >&2; }
fail() { log "FAILED: $*"; failures=$((failures + 1)); }
failures=0

work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-pg-failover.XXXXXX")"
chmod 755 "$work"
pids=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ "$status" -ne 0 ] && [ -d "$work/logs" ]; then
    for f in "$work"/logs/*.log; do [ -f "$f" ] && { log "--- last lines of $(basename "$f")"; tail -n 20 "$f" >&2; }; done
  fi
  scripts/postgresql-standby.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$work/logs"

taken=" "
free_port() { # FROM: sets $port to the first port from FROM up that nothing listens on and this run did not take
  port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || [[ "$taken" == *" $port "* ]]; do
    port=$((port + 1))
  done
  taken+="$port "
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

# ---- the pair, the servers ----------------------------------------------------------------------------------
base="${HYPERSTATUS_PG_FAILOVER_PORT:-25874}"
eval "$(scripts/postgresql-standby.sh start "$work/pg" "$base")"
primary_port=$HYPERSTATUS_PG_PRIMARY_PORT
standby_port=$HYPERSTATUS_PG_STANDBY_PORT
taken+="$primary_port $standby_port "
free_port "$((standby_port + 1))"; port_a=$port
free_port "$((standby_port + 1))"; port_b=$port
url="postgresql://postgres@127.0.0.1:$primary_port,127.0.0.1:$standby_port/postgres?target_session_attrs=read-write"
write_config() { # NAME PORT
  mkdir -p "$work/$1"
  cat >"$work/$1/hyperstatus.conf" <<CONF
[DEFAULT]
host = $1
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $2
state_path = $work/$1
[metrics]
# Free ports: the test's processes must not take (or find taken) the default ones.
port = 0
agent_port = 0
[database]
connection = $url
pool_timeout = $POOL_TIMEOUT
CONF
}
write_config api-a "$port_a"
write_config api-b "$port_b"
start() { # NAME: starts an API server in the background
  bin/hyperstatus server --config-file "$work/$1/hyperstatus.conf" >>"$work/logs/$1.log" 2>&1 &
  pids+=($!)
}
status_of() { curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'X-Auth-Token: admin:admin' "http://127.0.0.1:$1$2" || true; }
wait_for_200() { # PORT PATH SECONDS
  local deadline=$(( $(date +%s) + $3 ))
  while [ "$(status_of "$1" "$2")" != 200 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}
[ -f hyperstatus-launcher/target/hyperstatus.jar ] || (mvn -B -q -DskipTests package >&2)
bin/hyperstatus db sync --config-file "$work/api-a/hyperstatus.conf" >>"$work/logs/db-sync.log" 2>&1
start api-a
start api-b
wait_for_200 "$port_a" /healthcheck 90 || { log "API server A did not start"; exit 1; }
wait_for_200 "$port_b" /healthcheck 90 || { log "API server B did not start"; exit 1; }
log "2 API servers on $url"

# ---- load: admin changes through both servers ---------------------------------------------------------------
stop_file="$work/stop"
changes() { # a line per call: name code seconds began (epoch)
  local n=0 port name answer began
  for _ in $(seq 1 3000); do
    [ -f "$stop_file" ] && break
    n=$((n + 1))
    port=$port_a
    [ $((n % 2)) -eq 0 ] && port=$port_b
    name="failover-$n"
    began=$(now)
    answer="$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' -X POST \
      -H 'X-Auth-Token: admin:admin' -H 'Content-Type: application/json' \
      -d "{\"aggregate\": {\"name\": \"$name\"}}" "http://127.0.0.1:$port/v2.1/os-aggregates" || true)"
    echo "$name ${answer:-000 0} $began"
    sleep 0.05
  done
}
changes >"$work/changes.log" &
changes_pid=$!
pids+=("$changes_pid")
sleep 3

# ---- the failover -------------------------------------------------------------------------------------------
log "the primary on $primary_port crashes (stopped -m immediate); the standby is promoted ${PROMOTE_AFTER_SECONDS} s later"
scripts/postgresql-standby.sh stop-primary "$work/pg" immediate
crashed=$(now)
sleep "$PROMOTE_AFTER_SECONDS"
scripts/postgresql-standby.sh promote "$work/pg"
promoted=$(now)
# Both servers asked at once, each until a write goes through.
write_of() { curl -s -o /dev/null -m 10 -w '%{http_code}' -X POST -H 'X-Auth-Token: admin:admin' \
  -H 'Content-Type: application/json' -d "{\"aggregate\": {\"name\": \"probe-$1-$2\"}}" \
  "http://127.0.0.1:$1/v2.1/os-aggregates" || true; }
recovery_of() {
  for i in $(seq 1 $((BOUND_RECOVERY_SECONDS * 10))); do
    case "$(write_of "$1" "$i")" in 2*) since "$promoted"; return 0 ;; esac
    sleep 0.1
  done
  echo never
}
recovery_of "$port_a" >"$work/recovery-a" &
waiting_a=$!
recovery_of "$port_b" >"$work/recovery-b" &
waiting_b=$!
wait "$waiting_a" "$waiting_b" || true
recovery_a="$(cat "$work/recovery-a")"; recovery_b="$(cat "$work/recovery-b")"
[ "$recovery_a" != never ] || fail "API server A took no write within ${BOUND_RECOVERY_SECONDS} s of the promotion"
[ "$recovery_b" != never ] || fail "API server B took no write within ${BOUND_RECOVERY_SECONDS} s of the promotion"
sleep "$RUN_AFTER_SECONDS"
touch "$stop_file"
wait "$changes_pid" || true

# ---- checks -------------------------------------------------------------------------------------------------
aggregates="$(curl -s -m 30 -H 'X-Auth-Token: admin:admin' "http://127.0.0.1:$port_a/v2.1/os-aggregates" \
  | jq -r '.aggregates[].name')"
confirmed="$(awk '$2 ~ /^2/ { print $1 }' "$work/changes.log" | sort)"
lost="$(comm -23 <(echo "$confirmed" | sed '/^$/d') <(echo "$aggregates" | sort -u) | wc -l)"
duplicates="$(echo "$aggregates" | sed '/^$/d' | sort | uniq -d | wc -l)"
total="$(wc -l <"$work/changes.log")"
count_503="$(awk '$2 == 503' "$work/changes.log" | wc -l)"
others="$(awk '$2 !~ /^(2|503)/' "$work/changes.log")"
log "$total changes, $(echo "$confirmed" | sed '/^$/d' | wc -l) confirmed (2xx), $count_503 answered 503, $(echo "$others" | sed '/^$/d' | wc -l) other or none; $lost confirmed lost, $duplicates stored twice"
[ "$lost" -eq 0 ] || fail "$lost confirmed change(s) lost"
[ "$duplicates" -eq 0 ] || fail "$duplicates aggregate name(s) stored twice"
[ -z "$others" ] || fail "answers other than 2xx or 503 (500s, hangs): $(echo "$others" | head -n 5 | tr '\n' ';')"
[ "$count_503" -gt 0 ] || fail "no call answered 503: the load missed the switch"
# The window: from the crash to the end of the last 503, and the first 2xx after the crash.
window="$(awk -v c="$crashed" '$2 == 503 { e = $4 + $3; if (e > m) m = e } END { printf "%.2f", m ? m - c : 0 }' "$work/changes.log")"
first_ok="$(awk -v c="$crashed" '$2 ~ /^2/ && $4 > c { print $4 - c; exit }' "$work/changes.log")"
slowest_503="$(awk '$2 == 503 { if ($3 > m) m = $3 } END { printf "%.2f", m + 0 }' "$work/changes.log")"
median_503="$(awk '$2 == 503 { print $3 }' "$work/changes.log" | sort -n \
  | awk '{ v[NR] = $1 } END { printf "%.2f", NR ? v[int((NR + 1) / 2)] : 0 }')"
awk -v m="$slowest_503" -v b="$BOUND_503_SECONDS" 'BEGIN { exit !(m > b) }' && fail "a 503 took ${slowest_503} s"
log "figures: primary crashed, promoted $(awk -v a="$crashed" -v b="$promoted" 'BEGIN { printf "%.2f", b - a }') s later; 503s until ${window} s after the crash (first 2xx change after it at ${first_ok:-none} s); writes again ${recovery_a} s (A) and ${recovery_b} s (B) after the promotion (bound ${BOUND_RECOVERY_SECONDS} s); 503 median ${median_503} s, slowest ${slowest_503} s (bound ${BOUND_503_SECONDS} s); machine load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$failures" -ne 0 ]; then
  log "$failures check(s) failed"
  exit 1
fi
log "passed"
