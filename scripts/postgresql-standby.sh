#!/usr/bin/env bash
# A throwaway PostgreSQL primary and a hot standby streaming from it, from Debian's postgresql package, on
# 127.0.0.1 with passwordless (trust) access for the user postgres and fsync off: for failover tests only, never
# for data anyone keeps. Neither touches the machine's own server or its configuration.
#
#   scripts/postgresql-standby.sh start DIR [BASE_PORT]   the primary on BASE_PORT (default 25432), the standby on
#                                                         BASE_PORT+1 (or the first free pair of ports within 100
#                                                         above), by pg_basebackup -R; waits until the standby
#                                                         streams; prints the export lines
#                                                         HYPERSTATUS_PG_PRIMARY_PORT, HYPERSTATUS_PG_STANDBY_PORT
#                                                         and HYPERSTATUS_TEST_PG_STANDBY_DIR
#   scripts/postgresql-standby.sh stop-primary DIR [immediate|fast]   stops the primary (default immediate: a crash)
#   scripts/postgresql-standby.sh promote DIR             promotes the standby; waits until it accepts writes
#   scripts/postgresql-standby.sh stop DIR                stops both and deletes DIR
#
# As root the servers run as the user postgres (initdb refuses root), which must be able to reach DIR.
# Every wait is bounded: a step that does not happen in time fails the command.
set -euo pipefail

WAIT_SECONDS=60

log() { echo "postgresql-standby: $*" >&2; }
die() { log "$*"; exit 1; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Whether a port is taken: a listener, or (where ss is installed) any socket of the machine on it, such as a
# client's ephemeral port, which would make the server's bind fail.
taken() { listening "$1" || { command -v ss >/dev/null && [ -n "$(ss -Htan "sport = :$1" 2>/dev/null)" ]; }; }
# PORT SQL: one value, or nothing when the server does not answer.
query() {
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -XAtqc "$2" 2>/dev/null </dev/null || true
}
# CONDITION...: runs it every 0.2 s until it succeeds, at most WAIT_SECONDS.
wait_until() {
  local tries=$((WAIT_SECONDS * 5))
  for _ in $(seq 1 "$tries"); do
    "$@" && return 0
    sleep 0.2
  done
  return 1
}
ports_of() { # DIR: sets primary_port and standby_port from DIR/ports
  [ -f "$1/ports" ] || die "no primary and standby in $1 (run start first)"
  read -r primary_port standby_port <"$1/ports"
}
stop_server() { # DATA MODE: stops the server of DATA if it runs; kills it if pg_ctl cannot
  local data=$1 mode=$2 pid
  [ -f "$data/postmaster.pid" ] || return 0
  pid=$(head -n 1 "$data/postmaster.pid")
  as_postgres "$bin/pg_ctl" -D "$data" -m "$mode" -w -t 30 stop >/dev/null 2>&1 && return 0
  kill -KILL "$pid" 2>/dev/null || true
}

start() {
  local dir=$1 base=${2:-25432}
  [[ "$base" =~ ^[0-9]+$ ]] && [ "$base" -ge 1024 ] && [ "$base" -le 65534 ] || die "BASE_PORT must be 1024-65534, not '$base'"
  [ ! -e "$dir/ports" ] || die "$dir holds a pair already (stop it first)"
  # The first two free ports in a row from BASE_PORT up, within 100.
  primary_port=
  for candidate in $(seq "$base" 2 $((base + 98))); do
    if ! taken "$candidate" && ! taken $((candidate + 1)); then primary_port=$candidate; break; fi
  done
  [ -n "$primary_port" ] || die "no two free ports in a row from $base to $((base + 99))"
  standby_port=$((primary_port + 1))
  mkdir -p "$dir/primary" "$dir/standby"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir" "$dir/primary" "$dir/standby"
  echo "$primary_port $standby_port" >"$dir/ports"
  # From here on a failure leaves nothing running.
  started=0
  trap '[ "$started" = 1 ] || { stop_server "$dir/standby/data" immediate; stop_server "$dir/primary/data" immediate; }' EXIT

  as_postgres "$bin/initdb" -D "$dir/primary/data" --username=postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >"$dir/primary/initdb.log" 2>&1 || { cat "$dir/primary/initdb.log" >&2; return 1; }
  # initdb's pg_hba.conf already trusts replication connections from 127.0.0.1. The settings below are copied to
  # the standby by pg_basebackup; each server's own port and socket folder come last in its file.
  as_postgres tee -a "$dir/primary/data/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
max_connections = 300
fsync = off
# Synchronous replication: a commit is answered once the standby has it, so that a promotion loses nothing that
# was confirmed (asynchronous replication loses the last commits with the primary).
synchronous_commit = on
synchronous_standby_names = '*'
wal_level = replica
max_wal_senders = 10
wal_keep_size = '256MB'
hot_standby = on
port = $primary_port
unix_socket_directories = '$dir/primary'
CONF
  as_postgres "$bin/pg_ctl" -D "$dir/primary/data" -l "$dir/primary/server.log" -w -t "$WAIT_SECONDS" start \
    >/dev/null || { cat "$dir/primary/server.log" >&2; return 1; }

  as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/standby/data" -R \
    -X stream --no-sync --checkpoint=fast >"$dir/standby/basebackup.log" 2>&1 \
    || { cat "$dir/standby/basebackup.log" >&2; return 1; }
  as_postgres tee -a "$dir/standby/data/postgresql.conf" >/dev/null <<CONF
# Promoted, it has no standby of its own to wait for.
synchronous_standby_names = ''
port = $standby_port
unix_socket_directories = '$dir/standby'
CONF
  as_postgres "$bin/pg_ctl" -D "$dir/standby/data" -l "$dir/standby/server.log" -w -t "$WAIT_SECONDS" start \
    >/dev/null || { cat "$dir/standby/server.log" >&2; return 1; }

  streaming() { [ "$(query "$primary_port" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1 ]; }
  wait_until streaming || { tail -n 20 "$dir/standby/server.log" >&2; die "the standby did not stream within ${WAIT_SECONDS} s"; }
  started=1
  log "primary on 127.0.0.1:$primary_port, hot standby streaming from it on 127.0.0.1:$standby_port, data in $dir"
  echo "export HYPERSTATUS_PG_PRIMARY_PORT=$primary_port"
  echo "export HYPERSTATUS_PG_STANDBY_PORT=$standby_port"
  echo "export HYPERSTATUS_TEST_PG_STANDBY_DIR='$dir'"
}

stop_primary() {
  local dir=$1 mode=${2:-immediate}
  case "$mode" in immediate | fast) ;; *) die "stop-primary: the mode is immediate or fast, not '$mode'" ;; esac
  ports_of "$dir"
  stop_server "$dir/primary/data" "$mode"
  ! listening "$primary_port" || die "the primary still listens on $primary_port"
  log "primary on $primary_port stopped ($mode)"
}

promote() {
  local dir=$1
  ports_of "$dir"
  [ "$(query "$standby_port" "SELECT pg_is_in_recovery()")" = t ] || die "the server on $standby_port is no standby"
  as_postgres "$bin/pg_ctl" -D "$dir/standby/data" -w -t "$WAIT_SECONDS" promote >/dev/null
  writable() { [ "$(query "$standby_port" "SELECT pg_is_in_recovery()")" = f ]; }
  wait_until writable || die "the standby on $standby_port did not leave recovery within ${WAIT_SECONDS} s"
  log "the server on $standby_port is the primary now"
}

stop_all() {
  local dir=$1
  [ -d "$dir" ] || return 0
  stop_server "$dir/standby/data" fast
  stop_server "$dir/primary/data" fast
  rm -rf "$dir"
}

command=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: $0 start DIR [BASE_PORT] | stop-primary DIR [immediate|fast] | promote DIR | stop DIR" >&2; exit 2; }
bin=$(pg_bin)
[ -n "$bin" ] && [ -x "$bin/pg_ctl" ] || die "PostgreSQL's programs are not installed (Debian package postgresql)"
case "$command" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    start "$dir" "${3:-}"
    ;;
  stop-primary) stop_primary "$dir" "${3:-}" ;;
  promote) promote "$dir" ;;
  stop) stop_all "$dir" ;;
  *) echo "usage: $0 start|stop-primary|promote|stop DIR" >&2; exit 2 ;;
esac
