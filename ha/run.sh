#!/usr/bin/env bash
# The high-availability stage: hyperstatus on the stack OpenStack control planes run, every part killed in turn
# under load, on the loopback.
#
# Phase 1, MariaDB Galera: a three-node Galera cluster (scripts/galera.sh), HAProxy (scripts/haproxy.sh) in front of
# three API servers and of the cluster (one active node, the others backup, as kolla-ansible sets it up), API
# servers A and B on the cluster through HAProxy and C on the nodes directly (node 3 first), so that writes
# arrive at two nodes at once; notifications to a three-node RabbitMQ cluster (scripts/rabbitmq-cluster.sh) in
# quorum queues. Faults, one after another:
#   galera-node-3    node 3 (C's) SIGKILLed, started again 10 s later: it rejoins by IST;
#   galera-writer    node 1, the one HAProxy writes to, SIGKILLed, started again 10 s later;
#   api-server       an API server that holds no lease SIGKILLed, started again;
#   lease-holder     the API server holding the liveness detector's lease (and the notification outbox's, if the
#                    same one holds both; else that one too) SIGKILLed, started again;
#   rabbitmq-node    one RabbitMQ node stopped for 30 s, started again.
# Phase 2, PostgreSQL with a hot standby (scripts/postgresql-standby.sh): two API servers behind HAProxy on a
# multi-host URL, notifying through the same RabbitMQ cluster; the primary stopped and the standby promoted 5 s later
# (primary-promotion).
# Load throughout each phase: two agents simulating 1,000 hosts heartbeating every 4 s (one through HAProxy, one
# listing the three servers), 4 clients listing through HAProxy, and a stream of admin changes through HAProxy with
# each answer recorded (ha/load.py), from when every host has stayed up for a service_down_time. Afterwards
# (ha/check.py): every admin change answered 2xx is in the database and in the event log, nothing is listed twice,
# no host was listed down nor recorded went_down while the load ran, no call was answered 500, failures in a row
# stayed within ERROR_WINDOW seconds, and the cluster was whole again within 30 s of each fault's end; every event
# is published on RabbitMQ once (repeats with the same message_id counted; faults/notifications-check.py). It
# prints the figures docs/high-availability.md quotes.
#
#   ha/run.sh     ports from $HYPERSTATUS_HA_PORT (default 18950) up, the first free ones; Galera from
#                 $HYPERSTATUS_HA_GALERA_PORT (31300), RabbitMQ from $HYPERSTATUS_HA_RABBIT_PORT (62300),
#                 PostgreSQL from $HYPERSTATUS_HA_PG_PORT (31400): all outside the kernel's ephemeral ports (32768
#                 to 60999), which an outgoing connection of another process may hold at any moment
# Every wait is bounded; the whole stage takes four to six minutes on two cores.
set -euo pipefail
# shellcheck source=../scripts/lib/stage.sh
. "$(dirname "$0")/../scripts/lib/stage.sh" ha

# A Galera node's death stalls every commit in the cluster until the others have ruled it out (evs.suspect_timeout,
# 5 s, and the view change): a heartbeat may take that long, and service_down_time must leave room for it and a
# report interval (Nova's defaults, 60 s and 10 s, do; 10 s and 2 s are too short).
SERVICE_DOWN_TIME=20
REPORT_INTERVAL=4
HOSTS_PER_AGENT=500
ERROR_WINDOW=30               # the longest a client may see failures in a row
WHOLE_WITHIN=30               # the cluster answers normally this long after a fault ends
GALERA_DOWN_SECONDS=10
RABBIT_DOWN_SECONDS=30
PROMOTE_AFTER_SECONDS=5       # the primary's crash to the standby's promotion
BOUND_TAKEOVER_SECONDS=10     # another server holds a lease after its holder's SIGKILL
BOUND_START_SECONDS=90        # a JVM start on a busy machine
BOUND_DRAIN_SECONDS=90        # every event published after the load ends

STAGE_LOG_LINES=15
stage_stop() {
  touch "$work/stop" 2>/dev/null || true
  [ -z "${rabbit_starter:-}" ] || { kill "$rabbit_starter" 2>/dev/null; wait "$rabbit_starter" 2>/dev/null; } || true
  scripts/haproxy.sh stop "$work/haproxy" >/dev/null 2>&1 || true
  scripts/rabbitmq-cluster.sh stop "$work/rabbit" >/dev/null 2>&1 || true
  scripts/galera.sh stop "$work/galera" >/dev/null 2>&1 || true
  scripts/postgresql-standby.sh stop "$work/pg" >/dev/null 2>&1 || true
}
require_tools "haproxy mariadb-client jq python3" haproxy mariadb jq python3

since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
over() { awk -v v="$1" -v b="$2" 'BEGIN { exit !(v == "never" || v > b) }'; }
server_errors() { # PHASE NAME...: fails on any 500 the API servers logged; the logs are then set aside
  local name count=0 first=""
  for name in "${@:2}"; do
    count=$((count + $(grep -c ' status: 500 ' "$work/logs/$name.log" || true)))
    first+="$(grep -m 2 ' status: 500 ' "$work/logs/$name.log" || true)"
    mv "$work/logs/$name.log" "$work/logs/$name-phase-$1.txt"
  done
  log "phase $1: the API servers answered $count calls (any client, agents included) with a 500"
  [ "$count" -eq 0 ] && return 0
  fail "phase $1: $count answers 500"
  echo "$first" | head -n 4 >&2
  # What the server logged of the first one (its error and stack trace), found by its request id.
  local id
  id="$(grep -o -m 1 'req-[0-9a-f-]*' <<<"$first" | head -n 1)"
  for name in "${@:2}"; do
    grep -A 30 -F -- "[$id]" "$work/logs/$name-phase-$1.txt" | grep -v ' INFO ' | head -n 30 >&2 || true
  done
}
secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
status_of() { curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'X-Auth-Token: admin:admin' "$1" || true; }
wait_for_200() { # URL SECONDS
  local deadline=$(( $(date +%s) + $2 ))
  while [ "$(status_of "$1")" != 200 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}
up_count() { # URL: compute services listed up
  curl -s -m 10 -H 'X-Auth-Token: admin:admin' "$1/v2.1/os-services?binary=nova-compute" \
    | jq '[.services[] | select(.state == "up")] | length' 2>/dev/null || echo 0
}

answer_to() { # URL FILE: the front's answer (200) to a GET, in FILE
  curl -sf -m 30 -H 'X-Auth-Token: admin:admin' "$1" >"$2" || { fail "GET $1 was not answered 200"; echo '{}' >"$2"; }
}
check_phase() { # N LABEL RABBIT-PORT LOAD-BEGAN-EVENT: phase N's answers against the database (events-N.json),
  # and its notifications
  answer_to "$front/v2.1/os-services?binary=nova-compute" "$work/services-$1.json"
  answer_to "$front/v2.1/os-aggregates" "$work/aggregates-$1.json"
  /usr/bin/python3 ha/check.py --label "$2" --load "$work/load-$1" --events "$work/events-$1.json" \
    --services "$work/services-$1.json" --aggregates "$work/aggregates-$1.json" --faults "$work/faults-$1.txt" \
    --hosts "$hosts_total" --error-window "$ERROR_WINDOW" --load-began-event "$4" >&2 || fail "phase $1's checks"
  if ! /usr/bin/python3 faults/notifications-check.py --url "amqp://guest:guest@127.0.0.1:$3/%2F" \
      --events "$work/events-$1.json" --timeout 90 >"$work/notify-check-$1.out" 2>&1; then
    fail "phase $1: notifications lost, unexpected or out of order"
  fi
  sed 's/^notifications: /ha: notifications: /' "$work/notify-check-$1.out" >&2
}
first_place() { # QUERY...: the outbox's place once a publisher has begun (after the newest event), or nothing
  local place=""
  for _ in $(seq 1 150); do
    place="$("$@" "SELECT published_through FROM notification_outbox WHERE id = 1 AND published_through IS NOT NULL" \
      || true)"
    [ -n "$place" ] && break
    sleep 0.2
  done
  echo "$place"
}
all_hosts_up() { # WHERE: waits until the front has listed every host up for a service_down_time and a report
  # interval in a row: a host is listed up from its registration on, and an agent whose first heartbeat failed (a
  # server slow at its start) lets its registered hosts go down, which is the start-up's business, not a fault's.
  local deadline=$(( $(date +%s) + 2 * BOUND_START_SECONDS )) steady_since=""
  while :; do
    if [ "$(up_count "$front")" -eq "$hosts_total" ]; then
      steady_since="${steady_since:-$(date +%s)}"
      [ $(( $(date +%s) - steady_since )) -lt $((SERVICE_DOWN_TIME + REPORT_INTERVAL)) ] || return 0
    else
      steady_since=""
    fi
    [ "$(date +%s)" -lt "$deadline" ] \
      || { log "the agents' $hosts_total hosts did not come up and stay up $1"; exit 1; }
    sleep 1
  done
}
drained_after() { # QUERY...: seconds from now until every event is published, or never
  local began deadline
  began=$(now)
  deadline=$(( $(date +%s) + BOUND_DRAIN_SECONDS ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$("$@" "SELECT count(*) FROM notification_outbox WHERE id = 1 AND published_through = (SELECT max(id) FROM service_events)")" = 1 ] \
      && { since "$began"; return; }
    sleep 0.5
  done
  echo never
}

[ -f hyperstatus-launcher/target/hyperstatus.jar ] || (mvn -B -q -DskipTests package >&2)

# ---- processes ------------------------------------------------------------------------------------------------
(umask 077; : >"$work/agent-secrets")
write_config() { # NAME PORT DATABASE [extra [DEFAULT] lines] [extra sections]
  mkdir -p "$work/$1"
  { stage_process_config "$1" "$2" "$3" "host = $1
${4:-}"
    cat <<CONF
pool_timeout = 2
[agent_identity]
secrets_file = $work/agent-secrets
${5:-}
CONF
  } >"$work/$1/hyperstatus.conf"
}
write_agent() { # NAME FIRST-HOST API-SERVERS: an agent simulating HOSTS_PER_AGENT hosts from FIRST-HOST on
  local name=$1 first=$2 servers=$3 i hosts="" agent_secret
  for i in $(seq "$first" $((first + HOSTS_PER_AGENT - 1))); do
    hosts+="${hosts:+,}{\"host\": \"ha-$(printf %04d "$i")\"}"
  done
  write_config "$name" 0 "unused://" "" "[fake]
hosts_file = $work/$name/hosts.json
[agent]
api_servers = $servers
secret_file = $work/$name/secret"
  sed -i '/^\[database\]/,/^pool_timeout/d' "$work/$name/hyperstatus.conf"
  echo "{\"hosts\": [$hosts]}" >"$work/$name/hosts.json"
  agent_secret="$(secret)"
  (umask 077; echo "$agent_secret" >"$work/$name/secret")
  echo "$name $agent_secret ha-*" >>"$work/agent-secrets"
}
declare -A pid_of
start() { # NAME ROLE
  bin/hyperstatus "$2" --config-file "$work/$1/hyperstatus.conf" >>"$work/logs/$1.log" 2>&1 &
  pid_of[$1]=$!
  pids+=("$!")
  # Its SIGKILL is the test's doing: no "Killed" line from the shell.
  disown "$!"
}
stop_all() { # NAME...: SIGTERM, then SIGKILL
  local name list=()
  for name in "$@"; do list+=("${pid_of[$name]:-}"); done
  stop_processes "${list[@]}"
}

# ---- ports ----------------------------------------------------------------------------------------------------
base="${HYPERSTATUS_HA_PORT:-18950}"
free_port "$base"; port_front=$port      # HAProxy: the compute API
free_port "$base"; port_db_front=$port   # HAProxy: Galera
free_port "$base"; port_stats=$port      # HAProxy: its statistics
free_port "$base"; port_a=$port
free_port "$base"; port_b=$port
free_port "$base"; port_c=$port
front="http://127.0.0.1:$port_front"

# ---- phase 1: Galera, HAProxy, RabbitMQ cluster -------------------------------------------------------------------
phase_began=$(date +%s)
log "phase 1: starting a three-node Galera cluster and a three-node RabbitMQ cluster"
scripts/rabbitmq-cluster.sh start "$work/rabbit" "${HYPERSTATUS_HA_RABBIT_PORT:-62300}" >"$work/rabbit.ports" \
  2>>"$work/logs/rabbitmq-cluster.log" &
rabbit_starter=$!
galera_env="$(scripts/galera.sh start "$work/galera" "${HYPERSTATUS_HA_GALERA_PORT:-31300}" 2>>"$work/logs/galera.log")" \
  || { log "the Galera cluster did not start"; exit 1; }
eval "$galera_env"
read -r g1 g2 g3 <<<"$HYPERSTATUS_GALERA_PORTS"
# The storage layer's own Galera tests while the cluster is fresh: writers on two nodes conflicting on one service
# and the event log (GaleraConflictsTest), and a primary key on every table (SchemaPrimaryKeysTest).
log "phase 1: the storage layer's Galera tests"
galera_report=hyperstatus-storage/target/surefire-reports/io.hyperstatus.storage.GaleraConflictsTest.txt
rm -f "$galera_report"
# With the modules it needs (-am) from this tree: the build's own modules need not be installed in Maven's repository.
timeout 300 mvn -B -q -pl hyperstatus-storage -am test \
  -Dtest='GaleraConflictsTest,SchemaPrimaryKeysTest' -Dsurefire.failIfNoSpecifiedTests=false \
  >"$work/logs/galera-tests.log" 2>&1 || { fail "the storage layer's Galera tests"; tail -n 30 "$work/logs/galera-tests.log" >&2; }
grep -q "Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0" "$galera_report" 2>/dev/null \
  || fail "GaleraConflictsTest did not run on the cluster, or failed"
wait "$rabbit_starter" || { log "the RabbitMQ cluster did not start"; exit 1; }
rabbit_starter=""
read -r r1 r2 r3 <"$work/rabbit.ports"
galera_q() { # NODE-PORT SQL
  timeout 30 mariadb --no-defaults -h 127.0.0.1 -P "$1" -u root --protocol=TCP --connect-timeout=5 -N -B --raw \
    -e "$2" hyperstatus
}
galera_any() { # SQL: on the first node that answers
  local p
  for p in "$g1" "$g2" "$g3"; do galera_q "$p" "$1" 2>/dev/null && return 0; done
  return 1
}
timeout 30 mariadb --no-defaults -h 127.0.0.1 -P "$g1" -u root --protocol=TCP -e "CREATE DATABASE hyperstatus"

cat >"$work/haproxy-galera.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
    retries 2
    option redispatch
frontend compute_api
    bind 127.0.0.1:$port_front
    default_backend compute_api
backend compute_api
    balance roundrobin
    option httpchk GET /healthcheck
    http-check expect status 200
    retry-on conn-failure empty-response response-timeout
    # A GET is retried on another server; a change is never replayed (its first try may have committed).
    http-request disable-l7-retry unless METH_GET
    default-server inter 1s fall 2 rise 2
    server a 127.0.0.1:$port_a check
    server b 127.0.0.1:$port_b check
    server c 127.0.0.1:$port_c check
listen galera
    bind 127.0.0.1:$port_db_front
    mode tcp
    timeout client 1h
    timeout server 1h
    option tcpka
    default-server inter 1s fall 2 rise 3 on-marked-down shutdown-sessions
    server g1 127.0.0.1:$g1 check
    server g2 127.0.0.1:$g2 check backup
    server g3 127.0.0.1:$g3 check backup
listen stats
    bind 127.0.0.1:$port_stats
    stats enable
    stats uri /stats
CFG
scripts/haproxy.sh start "$work/haproxy" "$work/haproxy-galera.cfg" 2>>"$work/logs/haproxy.log"

transport="transport_url = rabbit://guest:guest@127.0.0.1:$r1,guest:guest@127.0.0.1:$r2,guest:guest@127.0.0.1:$r3/"
notify="[oslo_messaging_notifications]
driver = messagingv2
[notifications]
notification_format = versioned
[oslo_messaging_rabbit]
rabbit_quorum_queue = true
rabbit_interval_max = 2"
through_haproxy="mysql+pymysql://root@127.0.0.1:$port_db_front/hyperstatus"
direct="jdbc:mariadb:sequential://127.0.0.1:$g3,127.0.0.1:$g2,127.0.0.1:$g1/hyperstatus?user=root"
write_config a "$port_a" "$through_haproxy" "$transport" "$notify"
write_config b "$port_b" "$through_haproxy" "$transport" "$notify"
write_config c "$port_c" "$direct" "$transport" "$notify"
write_agent agent-1 1 "$front"
write_agent agent-2 $((HOSTS_PER_AGENT + 1)) "http://127.0.0.1:$port_a,http://127.0.0.1:$port_b,http://127.0.0.1:$port_c"
hosts_total=$((2 * HOSTS_PER_AGENT))

bin/hyperstatus db sync --config-file "$work/a/hyperstatus.conf" >>"$work/logs/db-sync.log" 2>&1
start a server; start b server; start c server
for p in "$port_a" "$port_b" "$port_c"; do
  wait_for_200 "http://127.0.0.1:$p/healthcheck" "$BOUND_START_SECONDS" || { log "API server on $p did not start"; exit 1; }
done
# Notifications begin after the newest event when a publisher first runs: that place is the phase's start.
start_id="$(first_place galera_any)"
[ -n "$start_id" ] || { log "no API server began publishing notifications"; exit 1; }
start agent-1 agent; start agent-2 agent
all_hosts_up "on Galera"
log "phase 1: 3 API servers (A, B through HAProxy's Galera front, C on node 3 first), $hosts_total hosts up, in $(( $(date +%s) - phase_began )) s"

run_load() { # DIR: starts ha/load.py through the front; sets load_pid
  rm -f "$work/stop"
  /usr/bin/python3 ha/load.py --api "$front" --out "$1" --stop "$work/stop" --targets ha-0001,ha-0002,ha-0501,ha-0502 \
    --max-seconds 900 2>>"$work/logs/load.log" &
  load_pid=$!
  pids+=("$load_pid")
}
: >"$work/faults-1.txt"
whole_again() { # NAME BEGAN ENDED: waits until the front lists every host up; records the fault
  local deadline=$(( $(date +%s) + WHOLE_WITHIN + 30 )) took
  until [ "$(status_of "$front/v2.1/os-services")" = 200 ] && [ "$(up_count "$front")" -eq "$hosts_total" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || break
    sleep 0.5
  done
  echo "$1 $2 $3 $(now)" >>"$faults_file"
  took=$(since "$3")
  log "$1: whole again ${took} s after the fault ended ($(since "$2") s after it began)"
  over "$took" "$WHOLE_WITHIN" && fail "$1: the cluster was not whole again within ${WHOLE_WITHIN} s of the fault's end"
  return 0
}
faults_file="$work/faults-1.txt"
load_began_event_1="$(galera_any "SELECT COALESCE(MAX(id), 0) FROM service_events")"
run_load "$work/load-1"
sleep 5

galera_fault() { # NAME NODE
  local began restart_at rejoin
  began=$(now)
  log "$1: Galera node $2 SIGKILLed for ${GALERA_DOWN_SECONDS} s"
  scripts/galera.sh kill "$work/galera" "$2" 2>>"$work/logs/galera.log"
  sleep "$GALERA_DOWN_SECONDS"
  restart_at=$(now)
  rejoin="$(scripts/galera.sh restart "$work/galera" "$2" 2>>"$work/logs/galera.log" | tail -n 1)" \
    || fail "$1: node $2 did not rejoin"
  log "$1: node $2 rejoined ($rejoin) $(since "$restart_at") s after its start"
  # The fault ends when the node is back in the cluster (an SST takes longer than an IST).
  whole_again "$1" "$began" "$(now)"
}
galera_fault galera-node-3 3
galera_fault galera-writer 1

lease_holder() { galera_any "SELECT holder FROM $1 WHERE id = 1" | cut -d/ -f1; }
kill_server() { # NAME FAULT: SIGKILL, restart, wait until it answers
  kill -9 "${pid_of[$1]}"
  sleep 2
  restarted=$(now)
  start "$1" server
  wait_for_200 "http://127.0.0.1:$(port_of "$1")/healthcheck" "$BOUND_START_SECONDS" \
    || fail "$2: API server $1 did not answer after its restart"
}
port_of() { case "$1" in a) echo "$port_a" ;; b) echo "$port_b" ;; c) echo "$port_c" ;; esac; }

detector="$(lease_holder liveness_lease)"
publisher="$(lease_holder notification_outbox)"
for spare in a b c; do [ "$spare" != "$detector" ] && [ "$spare" != "$publisher" ] && break; done
log "api-server: API server $spare (no lease; the detector is $detector, the publisher $publisher) SIGKILLed"
began=$(now)
kill_server "$spare" api-server
whole_again api-server "$began" "$restarted"

detector="$(lease_holder liveness_lease)"
publisher="$(lease_holder notification_outbox)"
log "lease-holder: API server $detector (the detector's lease) and $publisher (the outbox's) SIGKILLed"
began=$(now)
kill -9 "${pid_of[$detector]}"
[ "$publisher" = "$detector" ] || kill -9 "${pid_of[$publisher]}"
takeover=never
for _ in $(seq 1 $((BOUND_TAKEOVER_SECONDS * 5 + 50))); do
  d="$(lease_holder liveness_lease 2>/dev/null || true)"
  n="$(lease_holder notification_outbox 2>/dev/null || true)"
  if [ -n "$d" ] && [ "$d" != "$detector" ] && [ -n "$n" ] && [ "$n" != "$publisher" ]; then
    takeover=$(since "$began"); break
  fi
  sleep 0.2
done
log "lease-holder: both leases held again by other servers ${takeover} s after the SIGKILL (bound ${BOUND_TAKEOVER_SECONDS} s)"
over "$takeover" "$BOUND_TAKEOVER_SECONDS" && fail "the leases were taken over ${takeover} s after the SIGKILL"
restarted=$(now)
start "$detector" server
[ "$publisher" = "$detector" ] || start "$publisher" server
for s in "$detector" "$publisher"; do
  wait_for_200 "http://127.0.0.1:$(port_of "$s")/healthcheck" "$BOUND_START_SECONDS" \
    || fail "lease-holder: API server $s did not answer after its restart"
done
whole_again lease-holder "$began" "$restarted"

# The node the publishing server is connected to.
publisher="$(lease_holder notification_outbox)"
rabbit_node="$(scripts/rabbitmq-cluster.sh node-of "$work/rabbit" "hyperstatus-notifications:$publisher" \
  2>>"$work/logs/rabbitmq-cluster.log")" || { fail "no RabbitMQ node has the publisher $publisher's connection"; rabbit_node=1; }
log "rabbitmq-node: RabbitMQ node $rabbit_node (the publisher $publisher's) stopped for ${RABBIT_DOWN_SECONDS} s"
began=$(now)
scripts/rabbitmq-cluster.sh stop-node "$work/rabbit" "$rabbit_node" 2>>"$work/logs/rabbitmq-cluster.log" \
  || fail "RabbitMQ node $rabbit_node did not stop"
sleep "$RABBIT_DOWN_SECONDS"
restarted=$(now)
scripts/rabbitmq-cluster.sh start-node "$work/rabbit" "$rabbit_node" 2>>"$work/logs/rabbitmq-cluster.log" \
  || fail "RabbitMQ node $rabbit_node did not rejoin"
log "rabbitmq-node: node $rabbit_node back in the cluster $(since "$restarted") s after its start"
whole_again rabbitmq-node "$began" "$(now)"
sleep 5

# ---- phase 1 checks -----------------------------------------------------------------------------------------------
touch "$work/stop"
wait "$load_pid" || fail "the load (ha/load.py) ended with status $?"
sleep 2
drained="$(drained_after galera_any)"
[ "$drained" != never ] || fail "not every event published within ${BOUND_DRAIN_SECONDS} s of the load's end"
galera_any "SET SESSION group_concat_max_len = 1073741824; SELECT COALESCE(JSON_ARRAYAGG(JSON_OBJECT('id', id,
  'kind', kind, 'service_uuid', service_uuid, 'host', host, 'state_after', state_after, 'status_after', status_after,
  'reason_after', reason_after, 'forced_down_after', forced_down_after, 'request_id', request_id) ORDER BY id), '[]')
  FROM service_events WHERE id > $start_id" >"$work/events-1.json" || fail "phase 1: the event log could not be read"
check_phase 1 galera "$r2" "$load_began_event_1"
log "phase 1: every event published ${drained} s after the load's end; phase $(( $(date +%s) - phase_began )) s"
stop_all agent-1 agent-2 a b c
server_errors 1 a b c
scripts/haproxy.sh stop "$work/haproxy" 2>>"$work/logs/haproxy.log" || true
scripts/galera.sh stop "$work/galera" 2>>"$work/logs/galera.log" || true

# ---- phase 2: PostgreSQL primary and hot standby --------------------------------------------------------------
phase_began=$(date +%s)
log "phase 2: a PostgreSQL primary and its hot standby"
pg_env="$(scripts/postgresql-standby.sh start "$work/pg" "${HYPERSTATUS_HA_PG_PORT:-31400}" 2>>"$work/logs/postgresql.log")" \
  || { log "the PostgreSQL pair did not start"; exit 1; }
eval "$pg_env"
pg_primary=$HYPERSTATUS_PG_PRIMARY_PORT
pg_standby=$HYPERSTATUS_PG_STANDBY_PORT
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_q() { # PORT SQL
  as_postgres psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -XAtqc "$2"
}
multi="postgresql://postgres@127.0.0.1:$pg_primary,127.0.0.1:$pg_standby/postgres?target_session_attrs=read-write"
for s in a b c; do rm -rf "${work:?}/$s"; done
write_config a "$port_a" "$multi" "$transport" "$notify"
write_config b "$port_b" "$multi" "$transport" "$notify"
rm -rf "$work/agent-1" "$work/agent-2"
: >"$work/agent-secrets"
write_agent agent-1 1 "$front"
write_agent agent-2 $((HOSTS_PER_AGENT + 1)) "http://127.0.0.1:$port_a,http://127.0.0.1:$port_b"
sed -e '/^listen galera/,/^listen stats/{/^listen stats/!d}' -e '/server c /d' "$work/haproxy-galera.cfg" \
  >"$work/haproxy-pg.cfg"
scripts/haproxy.sh start "$work/haproxy" "$work/haproxy-pg.cfg" 2>>"$work/logs/haproxy.log"
bin/hyperstatus db sync --config-file "$work/a/hyperstatus.conf" >>"$work/logs/db-sync.log" 2>&1
start a server; start b server
for p in "$port_a" "$port_b"; do
  wait_for_200 "http://127.0.0.1:$p/healthcheck" "$BOUND_START_SECONDS" || { log "API server on $p did not start"; exit 1; }
done
pg_start_id="$(first_place pg_q "$pg_primary")"
[ -n "$pg_start_id" ] || { log "no API server began publishing notifications on PostgreSQL"; exit 1; }
start agent-1 agent; start agent-2 agent
all_hosts_up "on PostgreSQL"
log "phase 2: 2 API servers on the multi-host URL, $hosts_total hosts up, in $(( $(date +%s) - phase_began )) s"
faults_file="$work/faults-2.txt"
: >"$faults_file"
load_began_event_2="$(pg_q "$pg_primary" "SELECT COALESCE(MAX(id), 0) FROM service_events")"
run_load "$work/load-2"
sleep 5
log "primary-promotion: the primary stopped, the standby promoted ${PROMOTE_AFTER_SECONDS} s later"
began=$(now)
scripts/postgresql-standby.sh stop-primary "$work/pg" 2>>"$work/logs/postgresql.log"
# As long as a failover manager takes to decide: no host accepts writes meanwhile.
sleep "$PROMOTE_AFTER_SECONDS"
scripts/postgresql-standby.sh promote "$work/pg" 2>>"$work/logs/postgresql.log" || fail "the standby was not promoted"
log "primary-promotion: the standby accepts writes $(since "$began") s after the primary stopped"
whole_again primary-promotion "$began" "$(now)"
sleep 5
touch "$work/stop"
wait "$load_pid" || fail "the load (ha/load.py) ended with status $?"
sleep 2
drained="$(drained_after pg_q "$pg_standby")"
[ "$drained" != never ] || fail "phase 2: not every event published within ${BOUND_DRAIN_SECONDS} s of the load's end"
pg_q "$pg_standby" "SELECT COALESCE(json_agg(e ORDER BY e.id), '[]') FROM (SELECT id, kind, service_uuid, host,
  state_after, status_after, reason_after, forced_down_after, request_id FROM service_events WHERE id > $pg_start_id) e" \
  >"$work/events-2.json" || fail "phase 2: the event log could not be read"
check_phase 2 postgresql "$r3" "$load_began_event_2"
log "phase 2: every event published ${drained} s after the load's end"
log "phase 2: $(( $(date +%s) - phase_began )) s"
stop_all agent-1 agent-2 a b
server_errors 2 a b
scripts/rabbitmq-cluster.sh stop "$work/rabbit" 2>>"$work/logs/rabbitmq-cluster.log" || true

stage_end "machine load $(cut -d' ' -f1-3 /proc/loadavg)"
