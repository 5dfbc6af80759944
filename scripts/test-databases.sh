#!/usr/bin/env bash
# Throwaway PostgreSQL and MariaDB servers for the test suite, from Debian's packages (postgresql, mariadb-server),
# each with its own data folder under DIR, listening on 127.0.0.1 on a port nobody uses, with a passwordless
# administrator. They never touch the machine's own servers or their configuration.
#
#   scripts/test-databases.sh start DIR   start them; prints the `export HYPERSTATUS_TEST_..._URL=...` lines
#   scripts/test-databases.sh stop DIR    stop them and delete DIR
#
# Only the kinds whose URL variable is not already set are started, and only when the package's programs are
# installed (a kind that is not installed is left to the suite's embedded servers). As root the servers run as the
# packages' system users (postgres, mysql): initdb refuses to run as root. Those users must then be able to reach DIR.
set -euo pipefail

log() { echo "test-databases: $*" >&2; }

# The first port from $1 up that nothing listens on at 127.0.0.1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

# Runs a command as the server's system user when this is root, else as this user.
as_owner() {
  local owner=$1
  shift
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

# mariadbd lives in /usr/sbin, which is not on an unprivileged user's PATH.
mariadbd_path() {
  command -v mariadbd 2>/dev/null || { [ -x /usr/sbin/mariadbd ] && echo /usr/sbin/mariadbd; } || true
}

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

start_postgresql() {
  local dir=$1/postgresql bin port
  bin=$(postgres_bin)
  mkdir -p "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
  port=$(free_port 15432)
  as_owner postgres "$bin/initdb" -D "$dir/data" --username=postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  # The suite starts many servers with a pool each; durability is not needed for test data.
  as_owner postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-c listen_addresses=127.0.0.1 \
    -p $port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  log "PostgreSQL ($bin) runs on 127.0.0.1:$port, data in $dir"
  echo "export HYPERSTATUS_TEST_POSTGRESQL_URL='jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres'"
}

stop_postgresql() {
  local dir=$1/postgresql
  local pid
  [ -f "$dir/data/postmaster.pid" ] || return 0
  pid=$(head -n 1 "$dir/data/postmaster.pid")
  as_owner postgres "$(postgres_bin)/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 && return 0
  # pg_ctl could not stop it (or gave up waiting): a server left running would outlive the run.
  kill -KILL "$pid" 2>/dev/null || true
}

start_mariadb() {
  local dir=$1/mariadb port user=() pid
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown mysql: "$dir"
    user=(--user=mysql)
  fi
  port=$(free_port 13306)
  # --no-defaults: none of /etc/mysql's settings (socket, data folder, port) apply to this server.
  mariadb-install-db --no-defaults "${user[@]}" --datadir="$dir/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; return 1; }
  "$(mariadbd_path)" --no-defaults "${user[@]}" --datadir="$dir/data" --bind-address=127.0.0.1 --port="$port" \
    --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid" --log-error="$dir/server.log" \
    --innodb-flush-log-at-trx-commit=0 --max-connections=300 </dev/null >/dev/null 2>&1 &
  pid=$!
  echo "$pid" >"$dir/mariadbd.pid"
  for _ in $(seq 1 120); do
    if mariadb-admin --no-defaults --host=127.0.0.1 --port="$port" --user=root status >/dev/null 2>&1; then
      log "MariaDB runs on 127.0.0.1:$port, data in $dir"
      echo "export HYPERSTATUS_TEST_MARIADB_URL='jdbc:mariadb://127.0.0.1:$port/?user=root'"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  log "MariaDB did not answer on 127.0.0.1:$port"
  cat "$dir/server.log" >&2 || true
  return 1
}

stop_mariadb() {
  local dir=$1/mariadb pid
  [ -s "$dir/mariadbd.pid" ] || return 0
  pid=$(cat "$dir/mariadbd.pid")
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}

command=${1:-}
dir=${2:-}
if [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi
case "$command" in
  start)
    mkdir -p "$dir"
    if [ -n "${HYPERSTATUS_TEST_POSTGRESQL_URL:-}" ] && [ -n "${HYPERSTATUS_TEST_MARIADB_URL:-}" ]; then
      exit 0
    fi
    # The servers' own users must reach their folders below DIR.
    chmod 755 "$dir"
    if [ "$(id -u)" -eq 0 ] && ! runuser -u nobody -- test -x "$dir"; then
      log "$dir cannot be reached by other users (a folder above it is private); choose another DIR"
      exit 1
    fi
    if [ -z "${HYPERSTATUS_TEST_POSTGRESQL_URL:-}" ]; then
      if [ -n "$(postgres_bin)" ]; then
        start_postgresql "$dir"
      else
        log "PostgreSQL is not installed (package postgresql): the suite starts an embedded one"
      fi
    fi
    if [ -z "${HYPERSTATUS_TEST_MARIADB_URL:-}" ]; then
      if [ -n "$(mariadbd_path)" ] && command -v mariadb-install-db >/dev/null 2>&1; then
        start_mariadb "$dir"
      else
        log "MariaDB is not installed (package mariadb-server): the suite starts an embedded one"
      fi
    fi
    ;;
  stop)
    stop_postgresql "$dir"
    stop_mariadb "$dir"
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
