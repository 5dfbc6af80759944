#!/usr/bin/env bash
# A throwaway 3-node MariaDB Galera cluster on loopback, from Debian's mariadb-server and galera-4, for tests that
# need real write-set conflicts, node failures and state transfers. Each node has its own folder under DIR (data,
# socket, pid file, log, configuration file); nothing of /etc/mysql applies and the machine's own server is never
# touched.
#
#   scripts/galera.sh start DIR [BASE_PORT]  bootstrap node 1, join nodes 2 and 3, wait until all three are Synced
#                                            in a cluster of 3; prints `export` lines (SQL ports, user)
#   scripts/galera.sh kill DIR N             kill -9 node N
#   scripts/galera.sh restart DIR N          start node N again from its recovered position, so that it rejoins by
#                                            IST when the others still hold the write-sets it missed (SST by rsync
#                                            otherwise); wait until it is Synced; prints IST or SST
#   scripts/galera.sh status DIR             one line per node: SQL port, state, cluster size
#   scripts/galera.sh stop DIR               stop every node and delete DIR
#
# Ports from BASE_PORT (default 33100): SQL BASE+1..3, Galera replication BASE+11..13, IST BASE+21..23, SST
# BASE+31..33. The root user has no password and is reachable on 127.0.0.1 over TCP. As root the nodes run as the
# package's mysql user, which must then be able to reach DIR. Needs what mariadb-server depends on (galera-4,
# rsync, iproute2's ss, socat, lsof).
set -euo pipefail

log() { echo "galera: $*" >&2; }
die() {
  log "$*"
  exit 1
}

readonly PROVIDER=/usr/lib/galera/libgalera_smm.so
# Seconds to wait for one node to start, join and be Synced (an SST copies the whole data folder).
readonly JOIN_TIMEOUT=180

mariadbd_path() {
  command -v mariadbd 2>/dev/null || { [ -x /usr/sbin/mariadbd ] && echo /usr/sbin/mariadbd; } || true
}

node_dir() { echo "$1/node$2"; }
base_port() { cat "$1/base_port"; }
sql_port() { echo $(($(base_port "$1") + $2)); }
gcomm_port() { echo $(($(base_port "$1") + 10 + $2)); }
ist_port() { echo $(($(base_port "$1") + 20 + $2)); }
sst_port() { echo $(($(base_port "$1") + 30 + $2)); }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs a statement on node N over TCP; prints its rows without headers.
query() {
  local dir=$1 n=$2
  shift 2
  timeout 10 mariadb --no-defaults --protocol=TCP --host=127.0.0.1 --port="$(sql_port "$dir" "$n")" --user=root \
    --connect-timeout=3 --batch --skip-column-names -e "$*" 2>/dev/null
}

wsrep_status() {
  query "$1" "$2" "SHOW GLOBAL STATUS LIKE '$3'" | awk '{ print $2 }'
}

node_pid() {
  local file
  file="$(node_dir "$1" "$2")/mariadbd.pid"
  [ -s "$file" ] && cat "$file"
}

running() {
  local pid
  pid=$(node_pid "$1" "$2") || return 1
  kill -0 "$pid" 2>/dev/null
}

write_config() {
  local dir=$1 n=$2 node user_line=
  node=$(node_dir "$dir" "$n")
  [ "$(id -u)" -ne 0 ] || user_line=user=mysql
  cat >"$node/my.cnf" <<EOF
[mariadbd]
$user_line
datadir=$node/data
socket=$node/mariadb.sock
pid-file=$node/mariadb.pid
log-error=$node/server.log
port=$(sql_port "$dir" "$n")
bind-address=127.0.0.1
max_connections=300
innodb_buffer_pool_size=64M
# Test data needs no durability; Galera's own recovery position comes from InnoDB's redo log all the same.
innodb_flush_log_at_trx_commit=0
# What Galera requires: row events, and auto-increment values that never need a table lock.
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=hyperstatus-test
wsrep_cluster_address=gcomm://127.0.0.1:$(gcomm_port "$dir" 1),127.0.0.1:$(gcomm_port "$dir" 2),127.0.0.1:$(gcomm_port "$dir" 3)
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$(gcomm_port "$dir" "$n")
wsrep_node_incoming_address=127.0.0.1:$(sql_port "$dir" "$n")
wsrep_sst_method=rsync
# An rsync donor blocks its writers for the whole copy: node 3 (node 2 for node 3) gives it, so that a client that
# lists the nodes in order (Connector/J's sequential mode) keeps writing to node 1 or 2. The comma: any other else.
wsrep_sst_donor=$([ "$n" -eq 3 ] && echo node2 || echo node3),
wsrep_sst_receive_address=127.0.0.1:$(sst_port "$dir" "$n")
# A gcache of 256 MB keeps minutes of a test's writes, so that a node killed meanwhile catches up by IST.
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$dir" "$n");ist.recv_addr=127.0.0.1:$(ist_port "$dir" "$n");gcache.size=256M;gcache.dir=$node/data;evs.inactive_timeout=PT15S;evs.suspect_timeout=PT5S"
EOF
}

# Starts node N's server in the background with the given extra options; records its pid.
launch() {
  local dir=$1 n=$2 node
  shift 2
  node=$(node_dir "$dir" "$n")
  "$(mariadbd_path)" --defaults-file="$node/my.cnf" "$@" </dev/null >>"$node/stdout.log" 2>&1 &
  echo $! >"$node/mariadbd.pid"
}

# Waits until node N says Synced; fails early when its server ended.
wait_synced() {
  local dir=$1 n=$2 state deadline=$((SECONDS + JOIN_TIMEOUT))
  while [ $SECONDS -lt $deadline ]; do
    state=$(wsrep_status "$dir" "$n" wsrep_local_state_comment || true)
    [ "$state" != Synced ] || return 0
    if ! running "$dir" "$n"; then
      log "node $n ended; the end of its log:"
      tail -n 30 "$(node_dir "$dir" "$n")/server.log" >&2 || true
      return 1
    fi
    sleep 1
  done
  log "node $n is not Synced after ${JOIN_TIMEOUT}s (state: ${state:-no answer}); the end of its log:"
  tail -n 30 "$(node_dir "$dir" "$n")/server.log" >&2 || true
  return 1
}

wait_cluster_size() {
  local dir=$1 n=$2 want=$3 size deadline=$((SECONDS + 60))
  while [ $SECONDS -lt $deadline ]; do
    size=$(wsrep_status "$dir" "$n" wsrep_cluster_size || true)
    [ "$size" != "$want" ] || return 0
    sleep 1
  done
  log "node $n sees a cluster of ${size:-?}, not $want"
  return 1
}

new_node_dir() {
  local dir=$1 n=$2 node
  node=$(node_dir "$dir" "$n")
  mkdir -p "$node/data"
  [ "$(id -u)" -ne 0 ] || chown -R mysql: "$node"
  write_config "$dir" "$n"
}

start() {
  local dir=$1 base=${2:-33100} n port user=()
  [ -n "$(mariadbd_path)" ] && [ -e "$PROVIDER" ] || die "needs the packages mariadb-server and galera-4"
  [ ! -e "$dir/base_port" ] || die "$dir already holds a cluster; stop it first"
  for offset in 1 2 3 11 12 13 21 22 23 31 32 33; do
    port=$((base + offset))
    ! listening "$port" || die "port $port is in use; choose another BASE_PORT"
  done
  mkdir -p "$dir"
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u mysql -- test -x "$dir" || die "$dir cannot be reached by the mysql user; choose another DIR"
    user=(--user=mysql)
  fi
  echo "$base" >"$dir/base_port"
  for n in 1 2 3; do
    new_node_dir "$dir" "$n"
  done
  # Only node 1 gets system tables; the others receive node 1's whole data folder by SST when they join.
  mariadb-install-db --no-defaults "${user[@]}" --datadir="$(node_dir "$dir" 1)/data" \
    --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 ||
    { cat "$dir/install.log" >&2; die "mariadb-install-db failed"; }
  launch "$dir" 1 --wsrep-new-cluster
  wait_synced "$dir" 1 || die "node 1 did not start"
  # Joining one at a time: two SSTs from one donor at once would only queue.
  for n in 2 3; do
    launch "$dir" "$n"
    wait_synced "$dir" "$n" || die "node $n did not join"
  done
  wait_cluster_size "$dir" 1 3 || die "the cluster did not reach 3 nodes"
  log "3 nodes Synced on 127.0.0.1:$(sql_port "$dir" 1),$(sql_port "$dir" 2),$(sql_port "$dir" 3), data in $dir"
  echo "export HYPERSTATUS_GALERA_PORTS='$(sql_port "$dir" 1) $(sql_port "$dir" 2) $(sql_port "$dir" 3)'"
  echo "export HYPERSTATUS_TEST_GALERA_PORTS='$(sql_port "$dir" 1) $(sql_port "$dir" 2) $(sql_port "$dir" 3)'"
  echo "export HYPERSTATUS_GALERA_USER=root"
}

kill_node() {
  local dir=$1 n=$2 pid
  pid=$(node_pid "$dir" "$n") || die "node $n was never started"
  kill -KILL "$pid" 2>/dev/null || { log "node $n was not running"; return 0; }
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  log "node $n killed"
}

restart() {
  local dir=$1 n=$2 node position offset transfer
  node=$(node_dir "$dir" "$n")
  ! running "$dir" "$n" || die "node $n is running"
  # After a kill -9 grastate.dat says seqno -1: the last committed write-set is read from InnoDB instead.
  rm -f "$node/recover.log"
  timeout 120 "$(mariadbd_path)" --defaults-file="$node/my.cnf" --wsrep-recover --log-error="$node/recover.log" \
    </dev/null >/dev/null 2>&1 || true
  [ "$(id -u)" -ne 0 ] || [ ! -e "$node/recover.log" ] || chown mysql: "$node/recover.log"
  position=$(sed -n 's/.*WSREP: Recovered position: *\([0-9a-f-]*:-\{0,1\}[0-9]*\).*/\1/p' "$node/recover.log" 2>/dev/null |
    tail -n 1)
  offset=$(stat -c %s "$node/server.log" 2>/dev/null || echo 0)
  if [ -n "$position" ]; then
    log "node $n recovered position $position"
    launch "$dir" "$n" --wsrep-start-position="$position"
  else
    log "node $n: no position recovered; it joins by SST"
    launch "$dir" "$n"
  fi
  wait_synced "$dir" "$n" || die "node $n did not rejoin"
  # What this start wrote to the log tells which transfer it received. The SST script runs in both cases (it
  # only checks the position when the donor sends write-sets instead of files), and says which one it saw.
  if tail -c +$((offset + 1)) "$node/server.log" | grep -q "rsync SST completed on joiner"; then
    transfer=SST
  elif tail -c +$((offset + 1)) "$node/server.log" | grep -q "rsync IST completed on joiner"; then
    transfer=IST
  else
    transfer="neither (it was up to date)"
  fi
  log "node $n rejoined by $transfer"
  echo "$transfer"
}

status() {
  local dir=$1 n state size
  for n in 1 2 3; do
    if running "$dir" "$n"; then
      state=$(wsrep_status "$dir" "$n" wsrep_local_state_comment || true)
      size=$(wsrep_status "$dir" "$n" wsrep_cluster_size || true)
      echo "node$n port=$(sql_port "$dir" "$n") state=${state:-no-answer} cluster_size=${size:-?}"
    else
      echo "node$n port=$(sql_port "$dir" "$n") state=down cluster_size=-"
    fi
  done
}

stop() {
  local dir=$1 n pid
  [ -e "$dir/base_port" ] || { rm -rf "$dir"; return 0; }
  # The joiners first, so that none of them starts a state transfer from a node that is going away.
  for n in 3 2 1; do
    pid=$(node_pid "$dir" "$n") || continue
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$dir"
}

command=${1:-}
dir=${2:-}
usage="usage: $0 start DIR [BASE_PORT] | kill DIR N | restart DIR N | status DIR | stop DIR"
[ -n "$dir" ] || { echo "$usage" >&2; exit 2; }
case "$command" in
  start) start "$dir" "${3:-33100}" ;;
  kill | restart)
    case "${3:-}" in 1 | 2 | 3) ;; *) echo "$usage" >&2; exit 2 ;; esac
    [ -e "$dir/base_port" ] || die "no cluster in $dir"
    if [ "$command" = kill ]; then kill_node "$dir" "$3"; else restart "$dir" "$3"; fi
    ;;
  status)
    [ -e "$dir/base_port" ] || die "no cluster in $dir"
    status "$dir"
    ;;
  stop) stop "$dir" ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
