#!/usr/bin/env bash
# The fault stage: real processes from bin/hyperstatus on the loopback, under load, through seven faults in turn:
#   1. the PostgreSQL server stopped for longer than service_down_time, then started again;
#   2. one of three API servers SIGKILLed and started again;
#   3. one of three agents SIGKILLed and started again;
#   4. the API server holding the liveness lease SIGKILLed while the third agent's hosts die;
#   5. the PostgreSQL server stopped again for longer than service_down_time;
#   6. an API server on the embedded database SIGKILLed during admin changes, and started again on its file;
#   7. notifications: a RabbitMQ of its own stopped for 30 s during a stream of admin changes and host deaths, then
#      started again, and the API server publishing the notifications SIGKILLed while the backlog drains.
# It asserts that no admin change answered 2xx is lost, that nothing is duplicated, that no host whose agent ran
# throughout is ever listed down, that the liveness detector records every went_down and came_up once (and none
# for an outage), that another server takes its lease over within 5 s, and that answers come back within the stated
# times; that every event of the log is notified on RabbitMQ afterwards, in order per service, none lost (repeats
# counted); it prints its figures.
# The PostgreSQL server is a throwaway one of its own (scripts/test-databases.sh), never the machine's; so is the
# RabbitMQ node (Debian's rabbitmq-server, its own node name, ports, epmd, files), never the machine's on 5672.
# Every loop is bounded in count and time; the whole stage takes about two and a half minutes (fault 7 about one).
#
#   faults/run.sh            ports from $HYPERSTATUS_FAULTS_PORT (default 18874) up, the first free ones, and the
#                            notification stage's from $HYPERSTATUS_FAULTS_NOTIFY_PORT (default 61874) up
set -euo pipefail
# shellcheck source=../scripts/lib/stage.sh
. "$(dirname "$0")/../scripts/lib/stage.sh" faults

SERVICE_DOWN_TIME=6
REPORT_INTERVAL=2
POOL_TIMEOUT=1
HOSTS_PER_AGENT=10
DYING_HOSTS=3                 # agent 3's hosts, which die with the lease holder in fault 4
OUTAGE_SECONDS=10             # longer than service_down_time
BOUND_503_SECONDS=5           # a call during the outage is answered 503 within this (pool_timeout and a margin
                              # for a loaded machine; without the fix it is the pool's 10 s, then a 500)
BOUND_DB_RECOVERY_SECONDS=3   # answered again after PostgreSQL accepts connections
BOUND_RESTART_SECONDS=45      # a restarted process (a JVM start on a busy machine) answers or heartbeats again
BOUND_TAKEOVER_SECONDS=5      # another API server holds the liveness lease after its holder's SIGKILL
RABBIT_OUTAGE_SECONDS=30      # RabbitMQ stopped during the stream of admin changes (fault 7)
BOUND_NOTIFY_TAKEOVER_SECONDS=10  # the other server publishes after the publisher's SIGKILL (lease 3 s, a margin)
BOUND_NOTIFY_DRAIN_SECONDS=60     # every event published (confirmed) after the stream ends

stage_stop() {
  [ -n "${rabbit_dir:-}" ] && kill_rabbitmq || true
  [ -n "${pg_data:-}" ] && stop_postgresql || true
  HYPERSTATUS_TEST_MARIADB_URL=unused scripts/test-databases.sh stop "$work/databases" >/dev/null 2>&1 || true
}

since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# ---- PostgreSQL of its own ------------------------------------------------------------------------------------
log "starting a throwaway PostgreSQL"
urls="$(env -u HYPERSTATUS_TEST_POSTGRESQL_URL HYPERSTATUS_TEST_MARIADB_URL=unused \
  scripts/test-databases.sh start "$work/databases")"
pg_port="$(sed -n "s/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p" <<<"$urls")"
[ -n "$pg_port" ] || { log "no PostgreSQL started (is the postgresql package installed?)"; exit 1; }
pg_dir="$work/databases/postgresql"
pg_data="$pg_dir/data"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
stop_postgresql() { as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1; }
start_postgresql() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_dir/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
    -p $pg_port -c unix_socket_directories=$pg_dir -c max_connections=300 -c fsync=off" start >/dev/null
}

# ---- configuration ------------------------------------------------------------------------------------------
base="${HYPERSTATUS_FAULTS_PORT:-18874}"
free_port "$base"; port_a=$port
free_port "$base"; port_b=$port
free_port "$base"; port_c=$port
free_port "$base"; port_d=$port
write_config() { # NAME PORT DATABASE [extra lines] [extra [DEFAULT] lines]
  mkdir -p "$work/$1"
  { stage_process_config "$1" "$2" "$3" "${5:-}"
    printf 'pool_timeout = %s\n%s\n' "$POOL_TIMEOUT" "${4:-}"
  } >"$work/$1/hyperstatus.conf"
}
pg_url="postgresql://postgres@127.0.0.1:$pg_port/postgres"
# Each agent has a secret of its own, bound to its own hosts only (docs/agent-identity.md).
secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
(umask 077; : >"$work/agent-secrets")
servers_identity="[agent_identity]
secrets_file = $work/agent-secrets"
# Each server's host names it in the liveness lease, so the holder's process can be found.
write_config api-a "$port_a" "$pg_url" "$servers_identity" "host = api-a"
write_config api-b "$port_b" "$pg_url" "$servers_identity" "host = api-b"
write_config api-d "$port_d" "$pg_url" "$servers_identity" "host = api-d"
write_config embedded "$port_c" "sqlite:///$work/embedded/hyperstatus.sqlite" "$servers_identity"
for agent in 1 2 3; do
  hosts=""
  count=$HOSTS_PER_AGENT
  [ "$agent" -eq 3 ] && count=$DYING_HOSTS
  for i in $(seq 1 "$count"); do
    hosts+="${hosts:+, }{\"host\": \"fault-$agent-$(printf %02d "$i")\"}"
  done
  write_config "agent-$agent" 0 "$pg_url" "[fake]
hosts_file = $work/agent-$agent/hosts.json
[agent]
api_servers = http://127.0.0.1:$port_a,http://127.0.0.1:$port_b,http://127.0.0.1:$port_d
secret_file = $work/agent-$agent/secret"
  echo "{\"hosts\": [$hosts]}" >"$work/agent-$agent/hosts.json"
  agent_secret="$(secret)"
  (umask 077; echo "$agent_secret" >"$work/agent-$agent/secret")
  echo "fault-agent-$agent $agent_secret fault-$agent-*" >>"$work/agent-secrets"
done

start() { # NAME ROLE: starts bin/hyperstatus ROLE in the background; sets started_pid
  bin/hyperstatus "$2" --config-file "$work/$1/hyperstatus.conf" >>"$work/logs/$1.log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
}
status_of() { curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'X-Auth-Token: admin:admin' "http://127.0.0.1:$1$2" || true; }
wait_for_200() { # PORT PATH SECONDS
  local deadline=$(( $(date +%s) + $3 ))
  while [ "$(status_of "$1" "$2")" != 200 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}
services() { curl -s -m 10 -H 'X-Auth-Token: admin:admin' "http://127.0.0.1:$1/v2.1/os-services?binary=nova-compute"; }
up_count() { services "$1" | jq '[.services[] | select(.state == "up")] | length' 2>/dev/null || echo 0; }
psql_q() { as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -XAtqc "$1"; }
pg_now_micros() { psql_q "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)"; }
# The liveness detector's transitions of the simulated hosts matching a LIKE pattern, of one kind.
transitions() { psql_q "SELECT count(*) FROM service_events WHERE kind = '$1' AND host LIKE '$2'"; }

# ---- start --------------------------------------------------------------------------------------------------
[ -f hyperstatus-launcher/target/hyperstatus.jar ] || (mvn -B -q -DskipTests package >&2)
bin/hyperstatus db sync --config-file "$work/api-a/hyperstatus.conf" >>"$work/logs/db-sync.log" 2>&1
start api-a server; pid_a=$started_pid
start api-b server; pid_b=$started_pid
start api-d server; pid_d=$started_pid
wait_for_200 "$port_a" /healthcheck 90 || { log "API server A did not start"; exit 1; }
wait_for_200 "$port_b" /healthcheck 90 || { log "API server B did not start"; exit 1; }
wait_for_200 "$port_d" /healthcheck 90 || { log "API server D did not start"; exit 1; }
start agent-1 agent; pid_agent1=$started_pid
start agent-2 agent
start agent-3 agent; pid_agent3=$started_pid
hosts_total=$((2 * HOSTS_PER_AGENT + DYING_HOSTS))
deadline=$(( $(date +%s) + 90 ))
until [ "$(up_count "$port_a")" -eq "$hosts_total" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { log "the agents' $hosts_total hosts did not come up"; exit 1; }
  sleep 0.5
done
log "3 API servers on PostgreSQL, 3 agents with $hosts_total hosts up; service_down_time = ${SERVICE_DOWN_TIME} s"

# ---- load: the watcher of host states, and admin changes ----------------------------------------------------
# Every 0.25 s the services as either API server lists them; a line per answer: time, port, status, down hosts.
stop_file="$work/stop"
(
  for _ in $(seq 1 2000); do
    [ -f "$stop_file" ] && break
    for port in "$port_a" "$port_b"; do
      body="$(curl -s -m 10 -w '\n%{http_code}' -H 'X-Auth-Token: admin:admin' \
        "http://127.0.0.1:$port/v2.1/os-services?binary=nova-compute" || true)"
      code="${body##*$'\n'}"
      down="-"
      [ "$code" = 200 ] && down="$(jq -r '[.services[] | select(.state != "up") | .host] | join(",")' \
        <<<"${body%$'\n'*}" 2>/dev/null || echo "?")"
      echo "$(date +%s.%N) $port $code ${down:-none}"
    done
    sleep 0.25
  done
) >"$work/watch.log" &
pids+=($!)

changes() { # PORT... : creates aggregates change-N through the ports in turn; a line per call: name code seconds
  local ports=("$@") n=0
  for _ in $(seq 1 3000); do
    [ -f "$stop_file" ] && break
    n=$((n + 1))
    local port="${ports[$((n % ${#ports[@]}))]}" name="$change_prefix-$n"
    local answer
    answer="$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' -X POST \
      -H 'X-Auth-Token: admin:admin' -H 'Content-Type: application/json' \
      -d "{\"aggregate\": {\"name\": \"$name\"}}" "http://127.0.0.1:$port/v2.1/os-aggregates" || true)"
    echo "$name ${answer:-000 0}"
    sleep 0.1
  done
}
change_prefix=pg changes "$port_a" "$port_b" >"$work/changes-pg.log" &
changes_pid=$!
pids+=("$changes_pid")
sleep 3

# ---- fault 1: PostgreSQL stopped for longer than service_down_time -------------------------------------------
log "fault 1: PostgreSQL stopped for ${OUTAGE_SECONDS} s"
stop_postgresql
outage_began=$(now)
sleep "$OUTAGE_SECONDS"
start_postgresql
returned=$(now)
outage_end_epoch=$(date +%s.%N)
# Both servers asked at once, each until it answers 200.
recovery_of() { if wait_for_200 "$1" /v2.1/os-services 30; then since "$returned"; else echo never; fi; }
recovery_of "$port_a" >"$work/recovery-a" &
waiting_a=$!
recovery_of "$port_b" >"$work/recovery-b" &
waiting_b=$!
wait "$waiting_a" "$waiting_b" || true
recovery_a="$(cat "$work/recovery-a")"; recovery_b="$(cat "$work/recovery-b")"
[ "$recovery_a" != never ] || fail "API server A not answering 30 s after PostgreSQL's return"
[ "$recovery_b" != never ] || fail "API server B not answering 30 s after PostgreSQL's return"
outage_seconds=$(awk -v a="$outage_began" -v b="$returned" 'BEGIN { printf "%.1f", b - a }')
log "PostgreSQL was down ${outage_seconds} s; answers again after ${recovery_a} s (A) and ${recovery_b} s (B)"
# Beyond the grace: the agents' heartbeats must have gone through again.
sleep $((SERVICE_DOWN_TIME + REPORT_INTERVAL + 2))

# ---- fault 2: an API server SIGKILLed -----------------------------------------------------------------------
log "fault 2: API server A SIGKILLed"
kill -9 "$pid_a"
sleep 3
killed_a=$(now)
start api-a server; pid_a=$started_pid
wait_for_200 "$port_a" /v2.1/os-services "$BOUND_RESTART_SECONDS" && restart_a=$(since "$killed_a") \
  || { restart_a=never; fail "API server A did not answer within ${BOUND_RESTART_SECONDS} s of its restart"; }
log "API server A answers ${restart_a} s after its restart"

# ---- fault 3: an agent SIGKILLed ----------------------------------------------------------------------------
log "fault 3: agent 1 SIGKILLed"
kill -9 "$pid_agent1"
agent_killed_epoch=$(date +%s.%N)
sleep 2
restarted=$(now)
start agent-1 agent; pid_agent1=$started_pid
deadline=$(( $(date +%s) + BOUND_RESTART_SECONDS ))
# Its hosts may go down meanwhile (it did not heartbeat throughout); they must be up again.
sleep $((SERVICE_DOWN_TIME + 1))
until [ "$(up_count "$port_b")" -eq "$hosts_total" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { fail "agent 1's hosts not up within ${BOUND_RESTART_SECONDS} s of its restart"; break; }
  sleep 0.25
done
agent_back_epoch=$(date +%s.%N)
agent_back=$(since "$restarted")
log "agent 1's hosts all listed up again ${agent_back} s after its restart (checked from service_down_time on)"
sleep 2

# ---- fault 4: the liveness lease holder SIGKILLed while hosts die -----------------------------------------------
holder="$(psql_q "SELECT holder FROM liveness_lease WHERE id = 1")"
holder_name="${holder%%/*}"
case "$holder_name" in
  api-a) holder_pid=$pid_a ;;
  api-b) holder_pid=$pid_b ;;
  api-d) holder_pid=$pid_d ;;
  *) log "no API server holds the liveness lease (holder '$holder')"; exit 1 ;;
esac
log "fault 4: the lease holder $holder_name SIGKILLed with agent 3 ($DYING_HOSTS hosts)"
kill -9 "$pid_agent3"
kill -9 "$holder_pid"
holder_killed=$(now)
takeover=never
for _ in $(seq 1 150); do
  [ -n "$(psql_q "SELECT holder FROM liveness_lease WHERE id = 1 AND holder <> '' AND holder <> '$holder'")" ] \
    && { takeover=$(since "$holder_killed"); break; }
  sleep 0.1
done
new_holder="$(psql_q "SELECT holder FROM liveness_lease WHERE id = 1")"
log "lease taken over by ${new_holder%%/*} ${takeover} s after the SIGKILL (bound ${BOUND_TAKEOVER_SECONDS} s)"
awk -v t="$takeover" -v b="$BOUND_TAKEOVER_SECONDS" 'BEGIN { exit !(t == "never" || t > b) }' \
  && fail "the liveness lease was taken over ${takeover} s after its holder's SIGKILL"
# The new holder's grace (service_down_time) first, then the dead hosts are recorded with their deadlines.
deadline=$(( $(date +%s) + 3 * SERVICE_DOWN_TIME + 10 ))
until [ "$(transitions went_down 'fault-3-%')" -ge "$DYING_HOSTS" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { fail "agent 3's hosts not all recorded went_down"; break; }
  sleep 0.25
done
dying_recorded=$(since "$holder_killed")
log "agent 3's $DYING_HOSTS hosts recorded went_down ${dying_recorded} s after the SIGKILL"
start "$holder_name" server
case "$holder_name" in api-a) pid_a=$started_pid ;; api-b) pid_b=$started_pid ;; api-d) pid_d=$started_pid ;; esac
start agent-3 agent; pid_agent3=$started_pid
deadline=$(( $(date +%s) + BOUND_RESTART_SECONDS + SERVICE_DOWN_TIME ))
until [ "$(transitions came_up 'fault-3-%')" -ge "$DYING_HOSTS" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { fail "agent 3's hosts not all recorded came_up after its restart"; break; }
  sleep 0.25
done
wait_for_200 "$(case "$holder_name" in api-a) echo "$port_a" ;; api-b) echo "$port_b" ;; *) echo "$port_d" ;; esac)" \
  /v2.1/os-services "$BOUND_RESTART_SECONDS" || fail "the killed lease holder did not answer after its restart"
log "agent 3's hosts recorded came_up $(since "$holder_killed") s after the SIGKILL"

# ---- fault 5: PostgreSQL stopped again, every agent running ---------------------------------------------------
second_outage_micros="$(pg_now_micros)"
log "fault 5: PostgreSQL stopped for ${OUTAGE_SECONDS} s again"
stop_postgresql
sleep "$OUTAGE_SECONDS"
start_postgresql
if ! wait_for_200 "$port_b" /v2.1/os-services 30; then
  fail "API server B not answering after PostgreSQL's second return"
  if ! kill -0 "$pid_b" 2>/dev/null; then
    exit_status=0
    wait "$pid_b" || exit_status=$?
    log "API server B has exited, status $exit_status (its log says why)"
  else
    # Where its threads wait, for whoever reads the logs: the answer it never gave is in there.
    jcmd "$pid_b" Thread.print >"$work/logs/api-b-threads.txt" 2>&1 || true
    log "--- API server B's threads"
    grep -v '^$' "$work/logs/api-b-threads.txt" >&2 || true
  fi
fi
# A fresh service_down_time of grace, then long enough for any wrong went_down to be recorded.
sleep $((2 * SERVICE_DOWN_TIME + REPORT_INTERVAL))
touch "$stop_file"
wait "$changes_pid" || true

# ---- fault 6: the embedded database's server SIGKILLed during admin changes ----------------------------------
log "fault 6: the server on the embedded database SIGKILLed during admin changes"
rm -f "$stop_file"
start embedded server; pid_c=$started_pid
wait_for_200 "$port_c" /healthcheck 90 || { log "the embedded server did not start"; exit 1; }
change_prefix=embedded changes "$port_c" >"$work/changes-embedded.log" &
changes_pid=$!
pids+=("$changes_pid")
sleep 4
kill -9 "$pid_c"
sleep 1
killed_c=$(now)
start embedded server; pid_c=$started_pid
wait_for_200 "$port_c" /v2.1/os-aggregates "$BOUND_RESTART_SECONDS" && restart_c=$(since "$killed_c") \
  || { restart_c=never; fail "the embedded server did not answer within ${BOUND_RESTART_SECONDS} s"; }
sleep 3
touch "$stop_file"
wait "$changes_pid" || true
sleep 1

# ---- checks -------------------------------------------------------------------------------------------------
check_changes() { # LOG PORT LABEL
  local aggregates confirmed lost duplicates
  aggregates="$(curl -s -m 30 -H 'X-Auth-Token: admin:admin' "http://127.0.0.1:$2/v2.1/os-aggregates" \
    | jq -r '.aggregates[].name')"
  confirmed="$(awk '$2 ~ /^2/ { print $1 }' "$1" | sort)"
  lost="$(comm -23 <(echo "$confirmed" | sed '/^$/d') <(echo "$aggregates" | sort -u) | wc -l)"
  duplicates="$(echo "$aggregates" | sed '/^$/d' | sort | uniq -d | wc -l)"
  log "$3: $(wc -l <"$1") changes, $(echo "$confirmed" | sed '/^$/d' | wc -l) confirmed (2xx), $(awk '$2 == 503' "$1" | wc -l) answered 503, $(awk '$2 !~ /^(2|503)/' "$1" | wc -l) unanswered or other; $lost confirmed lost, $duplicates duplicated"
  [ "$lost" -eq 0 ] || fail "$3: $lost confirmed change(s) lost"
  [ "$duplicates" -eq 0 ] || fail "$3: $duplicates aggregate name(s) stored twice"
}
check_changes "$work/changes-pg.log" "$port_a" "PostgreSQL, through A and B"
check_changes "$work/changes-embedded.log" "$port_c" "embedded database"

other="$(awk '$2 !~ /^(2|503|000)/' "$work/changes-pg.log" "$work/changes-embedded.log" | head -n 5)"
[ -z "$other" ] || fail "answers other than 2xx, 503 or none: $other"
slowest_503="$(awk '$2 == 503 { if ($3 > m) m = $3 } END { printf "%.2f", m + 0 }' "$work/changes-pg.log")"
median_503="$(awk '$2 == 503 { print $3 }' "$work/changes-pg.log" | sort -n \
  | awk '{ v[NR] = $1 } END { printf "%.2f", NR ? v[int((NR + 1) / 2)] : 0 }')"
log "503 answers during the outage: median ${median_503} s, slowest ${slowest_503} s (bound ${BOUND_503_SECONDS} s)"
awk -v m="$slowest_503" -v b="$BOUND_503_SECONDS" 'BEGIN { exit !(m > b) }' && fail "a 503 took ${slowest_503} s"

services_a="$(services "$port_a")"
duplicate_services="$(jq -r '.services[].host' <<<"$services_a" | sort | uniq -d | wc -l)"
duplicate_nodes="$(curl -s -m 30 -H 'X-Auth-Token: admin:admin' "http://127.0.0.1:$port_a/v2.1/os-hypervisors" \
  | jq -r '.hypervisors[].hypervisor_hostname' | sort | uniq -d | wc -l)"
log "duplicated services: $duplicate_services, duplicated compute nodes: $duplicate_nodes"
[ "$duplicate_services" -eq 0 ] && [ "$duplicate_nodes" -eq 0 ] || fail "duplicates after the restarts"

# Hosts down: agent 2's hosts ran throughout; agent 1's too except from its kill until its hosts were up again.
answers="$(awk '$3 == 200' "$work/watch.log" | wc -l)"
down_throughout="$(awk '$3 == 200 && $4 ~ /fault-2-/' "$work/watch.log" | wc -l)"
down_agent1="$(awk -v from="$agent_killed_epoch" -v to="$agent_back_epoch" \
  '$3 == 200 && $4 ~ /fault-1-/ && ($1 < from || $1 > to)' "$work/watch.log" | wc -l)"
down_after_outage="$(awk -v from="$outage_end_epoch" -v to="$agent_killed_epoch" \
  '$3 == 200 && $4 != "none" && $1 > from && $1 < to' "$work/watch.log" | wc -l)"
log "host listings watched: $answers answered; listing a host down that heartbeated throughout: $((down_throughout + down_agent1)) (of them after the PostgreSQL outage: $down_after_outage)"
[ "$down_throughout" -eq 0 ] && [ "$down_agent1" -eq 0 ] || {
  fail "hosts listed down while their agent ran"
  awk '$3 == 200 && $4 != "none"' "$work/watch.log" | head -n 5 >&2
}
log "figures: outage ${outage_seconds} s > service_down_time ${SERVICE_DOWN_TIME} s; answers again ${recovery_a} s (A), ${recovery_b} s (B) after PostgreSQL's return (bound ${BOUND_DB_RECOVERY_SECONDS} s); 503 median ${median_503} s, slowest ${slowest_503} s; API server restart ${restart_a} s; agent's hosts up ${agent_back} s after its restart; embedded server restart ${restart_c} s; machine load $(cut -d' ' -f1-3 /proc/loadavg)"

# The liveness detector's record: per host, went_down and came_up alternate (each transition once), every host ends
# up (none lost); agent 2's hosts ran throughout (two outages, three servers' failovers): nothing for them;
# nothing recorded down after the second outage; agent 3's each went down and came up once; no zone disrupted
# (at most 10 of 23 hosts at once).
psql_q "SELECT host, kind FROM service_events WHERE kind IN ('went_down', 'came_up') ORDER BY id" \
  | tr '|' ' ' >"$work/transitions"
doubled="$(awk '{ if (last[$1] == $2) d++; last[$1] = $2 } END { print d + 0 }' "$work/transitions")"
left_down="$(awk '{ last[$1] = $2 } END { n = 0; for (h in last) if (last[h] == "went_down") n++; print n }' \
  "$work/transitions")"
first_up="$(awk '!seen[$1]++ && $2 == "came_up"' "$work/transitions" | wc -l)"
survivors="$(transitions went_down 'fault-2-%')"
after_outage="$(psql_q "SELECT count(*) FROM service_events WHERE kind = 'went_down' AND recorded_at > $second_outage_micros")"
dying="$(transitions went_down 'fault-3-%') went_down, $(transitions came_up 'fault-3-%') came_up"
disrupted="$(psql_q "SELECT count(*) FROM service_events WHERE kind = 'zone_disrupted'")"
log "liveness: $(wc -l <"$work/transitions") transitions; $doubled recorded twice, $first_up came_up without went_down, $left_down hosts left down; agent 2's hosts: $survivors went_down; after the second outage: $after_outage went_down; agent 3's hosts: $dying; zone_disrupted: $disrupted"
[ "$doubled" -eq 0 ] && [ "$first_up" -eq 0 ] || fail "a liveness transition recorded twice"
[ "$left_down" -eq 0 ] || fail "$left_down host(s) recorded down that heartbeat again (a came_up lost)"
[ "$survivors" -eq 0 ] || fail "hosts whose agent ran throughout recorded went_down"
[ "$after_outage" -eq 0 ] || fail "went_down recorded after a database outage"
[ "$dying" = "$DYING_HOSTS went_down, $DYING_HOSTS came_up" ] || fail "agent 3's hosts: $dying"
[ "$disrupted" -eq 0 ] || fail "a zone recorded disrupted"
log "liveness figures: lease takeover ${takeover} s after the holder's SIGKILL (bound ${BOUND_TAKEOVER_SECONDS} s); dead hosts recorded ${dying_recorded} s after it"

for r in "$recovery_a" "$recovery_b"; do
  awk -v r="$r" -v b="$BOUND_DB_RECOVERY_SECONDS" 'BEGIN { exit !(r == "never" || r > b) }' \
    && fail "answers came back ${r} s after PostgreSQL's return (bound ${BOUND_DB_RECOVERY_SECONDS} s)"
done

# ---- fault 7: RabbitMQ stopped during admin changes and host deaths; the publishing API server SIGKILLed -------
# Two more API servers, which publish the notifications, to a RabbitMQ node of its own: Debian's rabbitmq-server
# under its own node name, ports, epmd, cookie and files in $work, run as the rabbitmq user as Debian's wrapper does
# (never the machine's RabbitMQ on 5672, which other stages use). Admin changes go to four services through both,
# agent 3's hosts die and come back while RabbitMQ is stopped; after RabbitMQ's return the server holding the
# notification lease is SIGKILLed while the backlog drains. Then every event after the start must have its message
# on the queue, in order per service (faults/notifications-check.py).
notify_began=$(date +%s)
# Above the kernel's ephemeral ports (32768 to 60999 by default): RabbitMQ's port is free for 30 s in the middle,
# and an outgoing connection must not take it meanwhile (one did, once, at 40874).
notify_base="${HYPERSTATUS_FAULTS_NOTIFY_PORT:-61874}"
free_port "$notify_base"; rabbit_port=$port
free_port "$notify_base"; rabbit_dist_port=$port
free_port "$notify_base"; epmd_port=$port
free_port "$notify_base"; rabbit_ctl_port=$port
free_port "$notify_base"; port_n1=$port
free_port "$notify_base"; port_n2=$port
rabbit_dir="$work/rabbit"
rabbit_node="hsfaults-$$@localhost"
mkdir -p "$rabbit_dir/home" "$rabbit_dir/mnesia" "$rabbit_dir/log"
echo "[]." >"$rabbit_dir/enabled_plugins"
printf 'listeners.tcp.local = 127.0.0.1:%s\nloopback_users.guest = true\n' "$rabbit_port" >"$rabbit_dir/rabbitmq.conf"
# Its own environment file instead of /etc/rabbitmq/rabbitmq-env.conf (the machine's node name): distribution on
# the loopback only.
echo 'export ERL_FLAGS="-kernel inet_dist_use_interface {127,0,0,1}"' >"$rabbit_dir/rabbitmq-env.conf"
cookie="$(secret)"
(umask 077; echo "${cookie:0:32}" | tr a-f A-F >"$rabbit_dir/home/.erlang.cookie")
[ "$(id -u)" -ne 0 ] || chown -R rabbitmq:rabbitmq "$rabbit_dir"
chmod 400 "$rabbit_dir/home/.erlang.cookie"
rabbit_env=(HOME="$rabbit_dir/home" RABBITMQ_NODENAME="$rabbit_node" RABBITMQ_NODE_PORT="$rabbit_port"
  RABBITMQ_DIST_PORT="$rabbit_dist_port" ERL_EPMD_PORT="$epmd_port" ERL_EPMD_ADDRESS=127.0.0.1
  RABBITMQ_CTL_DIST_PORT_MIN="$rabbit_ctl_port" RABBITMQ_CTL_DIST_PORT_MAX="$rabbit_ctl_port"
  RABBITMQ_MNESIA_BASE="$rabbit_dir/mnesia" RABBITMQ_LOG_BASE="$rabbit_dir/log"
  RABBITMQ_ENABLED_PLUGINS_FILE="$rabbit_dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$rabbit_dir/rabbitmq.conf"
  RABBITMQ_ADVANCED_CONFIG_FILE="$rabbit_dir/advanced.config" RABBITMQ_CONF_ENV_FILE="$rabbit_dir/rabbitmq-env.conf")
as_rabbitmq() { if [ "$(id -u)" -eq 0 ]; then runuser -u rabbitmq -- env "${rabbit_env[@]}" "$@"; else env "${rabbit_env[@]}" "$@"; fi; }
rabbit_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$rabbit_port") 2>/dev/null; }
start_rabbitmq() { # SECONDS: starts the node in the background and waits until it accepts connections
  (cd "$rabbit_dir" && as_rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server) >>"$work/logs/rabbitmq.log" 2>&1 &
  local deadline=$(( $(date +%s) + $1 ))
  until rabbit_answers; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}
stop_rabbitmq() { # waits until the node has stopped
  as_rabbitmq timeout 60 /usr/lib/rabbitmq/bin/rabbitmqctl -n "$rabbit_node" -q shutdown >>"$work/logs/rabbitmq.log" 2>&1
  for _ in $(seq 1 100); do rabbit_answers || return 0; sleep 0.1; done
  return 1
}
kill_rabbitmq() { # at cleanup: the node's processes (those whose command line names its files) and its epmd
  kill_by_path "$rabbit_dir"
  stop_epmd "$epmd_port"
}
outbox_place() { psql_q "SELECT published_through FROM notification_outbox WHERE id = 1"; }
last_event() { psql_q "SELECT COALESCE(max(id), 0) FROM service_events"; }

notify_config="$servers_identity
[oslo_messaging_notifications]
driver = messagingv2
[notifications]
notification_format = versioned
[oslo_messaging_rabbit]
amqp_durable_queues = true
rabbit_interval_max = 2"
transport="transport_url = rabbit://guest:guest@127.0.0.1:$rabbit_port/"
write_config api-n1 "$port_n1" "$pg_url" "$notify_config" "host = api-n1
$transport"
write_config api-n2 "$port_n2" "$pg_url" "$notify_config" "host = api-n2
$transport"
log "fault 7: a RabbitMQ node of its own ($rabbit_node on $rabbit_port) and 2 API servers publishing to it"
start api-n1 server; pid_n1=$started_pid
start api-n2 server; pid_n2=$started_pid
start_rabbitmq 60 || { log "the private RabbitMQ did not start"; exit 1; }
wait_for_200 "$port_n1" /healthcheck 90 || { log "API server N1 did not start"; exit 1; }
wait_for_200 "$port_n2" /healthcheck 90 || { log "API server N2 did not start"; exit 1; }
# Notifications begin after the newest event when a publisher first runs: that place is the start.
start_id=""
for _ in $(seq 1 150); do
  start_id="$(outbox_place)"
  [ -n "$start_id" ] && break
  sleep 0.2
done
[ -n "$start_id" ] || { log "no API server began publishing notifications"; exit 1; }

uuid_of() {
  curl -s -m 10 -H 'X-Auth-Token: admin:admin' -H 'OpenStack-API-Version: compute 2.53' \
    "http://127.0.0.1:$port_n1/v2.1/os-services?host=$1&binary=nova-compute" | jq -r '.services[0].id'
}
notify_stop="$work/notify-stop"
notify_changes() { # UUID MODE: one service's changes, through N1 and N2 in turn; a line per call: code seconds
  local uuid=$1 n=0 i body bodies
  for i in $(seq 1 1000); do
    [ -f "$notify_stop" ] && break
    case "$2" in
      # disable with a reason, enable
      plain) bodies=("{\"status\": \"disabled\", \"disabled_reason\": \"reason $i\"}" '{"status": "enabled"}') ;;
      # each twice: the second changes nothing (an unchanged event, a service.update all the same)
      unchanged) bodies=("{\"status\": \"disabled\", \"disabled_reason\": \"reason $i\"}"
                         "{\"status\": \"disabled\", \"disabled_reason\": \"reason $i\"}"
                         '{"status": "enabled"}' '{"status": "enabled"}') ;;
      # two changes in one request: two events, one service.update
      double) bodies=("{\"status\": \"disabled\", \"disabled_reason\": \"reason $i\", \"forced_down\": true}"
                      '{"status": "enabled", "forced_down": false}') ;;
    esac
    for body in "${bodies[@]}"; do
      n=$((n + 1))
      local port=$port_n1
      [ $((n % 2)) -eq 0 ] || port=$port_n2
      curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}\n' -X PUT -H 'X-Auth-Token: admin:admin' \
        -H 'OpenStack-API-Version: compute 2.53' -H 'Content-Type: application/json' -d "$body" \
        "http://127.0.0.1:$port/v2.1/os-services/$uuid" || true
      sleep 0.1
    done
  done
}
notify_loops=()
for target in fault-2-01:plain fault-2-02:unchanged fault-2-03:double fault-3-01:plain; do
  uuid="$(uuid_of "${target%%:*}")"
  [ -n "$uuid" ] && [ "$uuid" != null ] || { log "no service ${target%%:*}"; exit 1; }
  notify_changes "$uuid" "${target#*:}" >"$work/notify-changes-${target%%:*}.log" &
  notify_loops+=($!)
  pids+=($!)
done
sleep 5

# RabbitMQ stopped for RABBIT_OUTAGE_SECONDS; agent 3 SIGKILLed meanwhile: its hosts go down, and come up again
# once it is restarted, all while nothing can be published.
went_down_before="$(transitions went_down 'fault-3-%')"
came_up_before="$(transitions came_up 'fault-3-%')"
log "fault 7: RabbitMQ stopped for ${RABBIT_OUTAGE_SECONDS} s during admin changes through N1 and N2; agent 3 SIGKILLed"
stop_rabbitmq || fail "the private RabbitMQ did not stop"
rabbit_stopped=$(now)
place_at_stop="$(outbox_place)"  # nothing is confirmed from here on until RabbitMQ's return
kill -9 "$pid_agent3"
deadline=$(( $(date +%s) + RABBIT_OUTAGE_SECONDS - 8 ))
until [ "$(transitions went_down 'fault-3-%')" -ge $((went_down_before + DYING_HOSTS)) ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { fail "agent 3's hosts not recorded went_down during the RabbitMQ outage"; break; }
  sleep 0.25
done
start agent-3 agent; pid_agent3=$started_pid
sleep "$(awk -v a="$rabbit_stopped" -v b="$(now)" -v d="$RABBIT_OUTAGE_SECONDS" \
  'BEGIN { s = d - (b - a); printf "%.2f", (s > 0 ? s : 0) }')"
backlog_through="$(last_event)"
up_in_outage="$(( $(transitions came_up 'fault-3-%') - came_up_before ))"
start_rabbitmq 60 || { log "the private RabbitMQ did not start again"; exit 1; }
rabbit_returned=$(now)
rabbit_outage=$(awk -v a="$rabbit_stopped" -v b="$rabbit_returned" 'BEGIN { printf "%.1f", b - a }')
log "RabbitMQ back after ${rabbit_outage} s; $((backlog_through - place_at_stop)) events wait to be published"
# When every event written up to RabbitMQ's return is confirmed (whichever server publishes it).
(
  for _ in $(seq 1 900); do
    place="$(outbox_place 2>/dev/null || true)"
    if [ -n "$place" ] && [ "$place" -ge "$backlog_through" ]; then since "$rabbit_returned"; exit 0; fi
    sleep 0.1
  done
  echo never
) >"$work/backlog-delivered" &
backlog_poller=$!
pids+=("$backlog_poller")

# The backlog starts to drain: its publisher SIGKILLed as soon as its first batch is confirmed (the next one on
# its way, most likely), while the stream of changes goes on.
first_sent=never
publisher=""
for _ in $(seq 1 300); do
  row="$(psql_q "SELECT published_through, holder FROM notification_outbox WHERE id = 1")"
  place="${row%%|*}"; publisher="${row#*|}"
  if [ "${place:-0}" -gt "$place_at_stop" ]; then
    case "${publisher%%/*}" in
      api-n1) publisher_pid=$pid_n1 ;;
      api-n2) publisher_pid=$pid_n2 ;;
      *) log "no notifying API server holds the notification lease (holder '$publisher')"; exit 1 ;;
    esac
    kill -9 "$publisher_pid"
    publisher_killed=$(now)
    first_sent=$(since "$rabbit_returned")
    break
  fi
  sleep 0.05
done
[ "$first_sent" != never ] || { log "nothing published within 15 s of RabbitMQ's return"; exit 1; }
place_at_kill=$place
last_at_kill="$(last_event)"
log "the publisher ${publisher%%/*} SIGKILLed ${first_sent} s after RabbitMQ's return, at its first confirmed batch: place $place_at_kill, $((backlog_through > place_at_kill ? backlog_through - place_at_kill : 0)) of the backlog and $((last_at_kill - backlog_through)) newer events to go"
notify_takeover=never
for _ in $(seq 1 300); do
  holder_now="$(psql_q "SELECT holder FROM notification_outbox WHERE id = 1")"
  [ -n "$holder_now" ] && [ "$holder_now" != "$publisher" ] && { notify_takeover=$(since "$publisher_killed"); break; }
  sleep 0.1
done
log "the other server publishes ${notify_takeover} s after the SIGKILL (bound ${BOUND_NOTIFY_TAKEOVER_SECONDS} s)"
awk -v t="$notify_takeover" -v b="$BOUND_NOTIFY_TAKEOVER_SECONDS" 'BEGIN { exit !(t == "never" || t > b) }' \
  && fail "the notification lease was taken over ${notify_takeover} s after its holder's SIGKILL"
sleep "$(awk -v a="$publisher_killed" -v b="$(now)" 'BEGIN { s = 3 - (b - a); printf "%.2f", (s > 0 ? s : 0) }')"
touch "$notify_stop"
wait "${notify_loops[@]}" || true
stream_stopped=$(now)
deadline=$(( $(date +%s) + BOUND_RESTART_SECONDS + SERVICE_DOWN_TIME ))
until [ "$(transitions came_up 'fault-3-%')" -ge $((came_up_before + DYING_HOSTS)) ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { fail "agent 3's hosts not recorded came_up after its restart"; break; }
  sleep 0.25
done
# Everything published: the place at the last event (bounded).
drained=never
deadline=$(( $(date +%s) + BOUND_NOTIFY_DRAIN_SECONDS ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  [ "$(psql_q "SELECT count(*) FROM notification_outbox WHERE id = 1 AND published_through = (SELECT max(id) FROM service_events)")" = 1 ] \
    && { drained=$(since "$stream_stopped"); break; }
  sleep 0.2
done
[ "$drained" != never ] || fail "not every event published within ${BOUND_NOTIFY_DRAIN_SECONDS} s of the stream's end ($(outbox_place) of $(last_event))"
wait "$backlog_poller" || true
backlog_delivered="$(cat "$work/backlog-delivered")"
end_id="$(last_event)"

# The messages against the log.
psql_q "SELECT COALESCE(json_agg(e ORDER BY e.id), '[]') FROM (SELECT id, kind, service_uuid, host, state_after,
  status_after, reason_after, forced_down_after, request_id FROM service_events WHERE id > $start_id) e" \
  >"$work/notify-events.json"
cat "$work"/notify-changes-*.log >"$work/notify-changes.all"
notify_changes_total="$(wc -l <"$work/notify-changes.all")"
notify_changes_ok="$(awk '$1 ~ /^2/' "$work/notify-changes.all" | wc -l)"
notify_changes_unanswered="$(awk '$1 == "000"' "$work/notify-changes.all" | wc -l)"
notify_slowest="$(awk '$1 ~ /^2/ { if ($2 > m) m = $2 } END { printf "%.2f", m + 0 }' "$work/notify-changes.all")"
log "events $((start_id + 1)) to $end_id: $((end_id - start_id)) ($((backlog_through - place_at_stop)) written while RabbitMQ was stopped); $notify_changes_total admin changes, $notify_changes_ok answered 2xx (the slowest in ${notify_slowest} s), $notify_changes_unanswered unanswered (the SIGKILLed server's); agent 3's hosts: $DYING_HOSTS went_down during the outage, $up_in_outage came_up during it"
# RabbitMQ's outage is none of the API's business: every change answered is a 2xx.
other="$(awk '$1 !~ /^(2|000)/' "$work/notify-changes.all" | sort | uniq -c | head -n 5)"
[ -z "$other" ] || fail "admin changes answered other than 2xx during fault 7: $other"
if ! /usr/bin/python3 faults/notifications-check.py --url "amqp://guest:guest@127.0.0.1:$rabbit_port/%2F" \
    --events "$work/notify-events.json" --save "$work/notifications.jsonl" --timeout 60 >"$work/notify-check.out" 2>&1; then
  fail "notifications lost, unexpected or out of order"
fi
sed 's/^notifications: /faults: notifications: /' "$work/notify-check.out" >&2
[ "$(last_event)" = "$end_id" ] || log "note: events were written while the messages were read (after $end_id)"
log "notification figures: RabbitMQ down ${rabbit_outage} s; first publication ${first_sent} s after its return, the backlog (events to $backlog_through) confirmed ${backlog_delivered} s after it; the publisher SIGKILLed at $place_at_kill of $last_at_kill, the other server publishing ${notify_takeover} s later; all $end_id published ${drained} s after the stream's end; section $(( $(date +%s) - notify_began )) s"

stage_end
