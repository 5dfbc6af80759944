#!/usr/bin/env bash
# A RabbitMQ cluster of three nodes on the loopback for tests: Debian's rabbitmq-server, each node under its own
# name, ports and files in DIR, one epmd and one Erlang cookie of their own (never the machine's RabbitMQ, its
# node name, epmd on 4369 or its files), run as the rabbitmq user when this is root, as Debian's wrapper does.
#   scripts/rabbitmq-cluster.sh start DIR [BASE_PORT]  starts node 1, joins nodes 2 and 3 to it (join_cluster),
#                                  waits until all three are running in the cluster, and prints the AMQP ports
#                                  (one line: "P1 P2 P3"). Ports from BASE_PORT (default 62100): AMQP BASE..BASE+2,
#                                  distribution BASE+10.., CLI BASE+20.. (two a node), epmd BASE+30. DIR must not
#                                  hold a running cluster; it is made afresh.
#   scripts/rabbitmq-cluster.sh stop-node DIR N    stops node N (rabbitmqctl shutdown: the Erlang VM ends)
#   scripts/rabbitmq-cluster.sh start-node DIR N   starts node N again and waits until the others see it running
#   scripts/rabbitmq-cluster.sh stop DIR           stops every node and the epmd, kills what is left, removes DIR
#                                  (nothing to stop is no error); a failed start stops what it started
#   scripts/rabbitmq-cluster.sh ports DIR          the AMQP ports again
#   scripts/rabbitmq-cluster.sh url DIR [USER:PASS] a transport_url naming the three nodes (default guest:guest,
#                                  which RabbitMQ accepts from the loopback only)
#   scripts/rabbitmq-cluster.sh running DIR        the nodes (1 to 3) running in the cluster, as a running one sees
#   scripts/rabbitmq-cluster.sh node-of DIR NAME   the node (1 to 3) a client connection whose name contains NAME
#                                  (its connection_name, e.g. hyperstatus-notifications:HOST) is connected to
#   scripts/rabbitmq-cluster.sh ctl DIR N ARGS...  rabbitmqctl ARGS on node N
# Every wait is bounded (a node starts within 90 s, stops within 60 s). Each node has no plugins.
set -euo pipefail
# shellcheck source=lib/processes.sh
. "$(dirname "$0")/lib/processes.sh"

NODES=3
START_SECONDS=90
STOP_SECONDS=60

log() { echo "rabbitmq-cluster: $*" >&2; }
die() { log "$*"; exit 1; }
usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" >&2; exit 2; }

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

load() { # DIR: reads what start wrote
  [ -f "$1/cluster.env" ] || die "no cluster in $1 (no cluster.env)"
  # shellcheck source=/dev/null
  . "$1/cluster.env"
}

node_name() { echo "$tag-$1@localhost"; }
amqp_port() { echo $((base + $1 - 1)); }

# The environment of node N: its own files, ports and the cluster's epmd; its own rabbitmq-env.conf, not /etc's.
node_env() {
  local n=$1 d="$dir/node$1"
  echo HOME="$d/home" RABBITMQ_NODENAME="$(node_name "$n")" RABBITMQ_NODE_PORT="$(amqp_port "$n")" \
    RABBITMQ_DIST_PORT=$((base + 10 + n - 1)) ERL_EPMD_PORT=$((base + 30)) ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_CTL_DIST_PORT_MIN=$((base + 20 + 2 * (n - 1))) RABBITMQ_CTL_DIST_PORT_MAX=$((base + 21 + 2 * (n - 1))) \
    RABBITMQ_MNESIA_BASE="$d/mnesia" RABBITMQ_LOG_BASE="$d/log" RABBITMQ_ENABLED_PLUGINS_FILE="$d/enabled_plugins" \
    RABBITMQ_CONFIG_FILE="$d/rabbitmq.conf" RABBITMQ_ADVANCED_CONFIG_FILE="$d/advanced.config" \
    RABBITMQ_CONF_ENV_FILE="$d/rabbitmq-env.conf" RABBITMQ_PID_FILE="$d/rabbitmq.pid"
}
as_node() { # N COMMAND...: runs COMMAND in node N's environment, as rabbitmq when root
  local n=$1
  shift
  # shellcheck disable=SC2046 # node_env's words are NAME=VALUE pairs without spaces in them
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$dir/node$n" && runuser -u rabbitmq -- env $(node_env "$n") "$@")
  else
    (cd "$dir/node$n" && env $(node_env "$n") "$@")
  fi
}
ctl() { # N ARGS...: rabbitmqctl on node N, bounded
  local n=$1
  shift
  as_node "$n" timeout "$STOP_SECONDS" /usr/lib/rabbitmq/bin/rabbitmqctl -n "$(node_name "$n")" "$@"
}

node_pid() { # N: the node's Erlang VM, while it runs
  local pid
  pid="$(cat "$dir/node$1/rabbitmq.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -qa -- "$dir/node$1/" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

launch() { # N: starts node N's server in the background and waits until it has booted
  local n=$1 deadline
  (as_node "$n" /usr/lib/rabbitmq/bin/rabbitmq-server >>"$dir/node$n/log/console.log" 2>&1 &)
  deadline=$(($(date +%s) + START_SECONDS))
  until answers "$(amqp_port "$n")"; do
    [ "$(date +%s)" -lt "$deadline" ] || { tail -n 20 "$dir/node$n/log/console.log" >&2; die "node $n did not start within ${START_SECONDS} s"; }
    sleep 0.2
  done
  ctl "$n" -q await_startup --timeout "$START_SECONDS" >/dev/null || die "node $n did not finish booting"
}

running_nodes() { # prints the numbers of the nodes the first node that answers sees running
  local n out
  for n in $(seq 1 "$NODES"); do
    answers "$(amqp_port "$n")" || continue
    out="$(ctl "$n" -q cluster_status --formatter json 2>/dev/null)" || continue
    python3 -c '
import json, sys
status = json.loads(sys.argv[1])
tag = sys.argv[2]
for node in sorted(status.get("running_nodes", [])):
    name = node.split("@")[0]
    if name.startswith(tag + "-"):
        print(name[len(tag) + 1:])
' "$out" "$tag"
    return 0
  done
  return 1
}

wait_running() { # N: until a node other than N (or N itself when alone) lists N as running
  local n=$1 deadline
  deadline=$(($(date +%s) + START_SECONDS))
  until running_nodes 2>/dev/null | grep -qx "$n"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "node $n is not running in the cluster after ${START_SECONDS} s"
    sleep 0.5
  done
}

start_cluster() {
  dir=$1
  base=${2:-62100}
  command -v /usr/lib/rabbitmq/bin/rabbitmq-server >/dev/null 2>&1 || die "rabbitmq-server is not installed"
  if [ -f "$dir/cluster.env" ]; then
    (load "$dir" && for n in $(seq 1 "$NODES"); do [ -z "$(node_pid "$n")" ] || exit 1; done) \
      || die "a cluster runs in $dir: stop it first"
  fi
  for port in $(seq "$base" $((base + 2))) $(seq $((base + 10)) $((base + 12))) $(seq $((base + 20)) $((base + 25))) $((base + 30)); do
    ! answers "$port" || die "port $port is taken"
  done
  rm -rf "$dir"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  chmod 755 "$dir"
  tag="hscluster$$"
  printf 'dir=%q\nbase=%s\ntag=%s\n' "$dir" "$base" "$tag" >"$dir/cluster.env"
  # A start that fails leaves nothing running.
  trap 'status=$?; [ "$status" -eq 0 ] || stop_cluster; exit "$status"' EXIT
  local cookie n
  cookie="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr a-f A-F | cut -c 1-32)"
  for n in $(seq 1 "$NODES"); do
    local d="$dir/node$n"
    mkdir -p "$d/home" "$d/mnesia" "$d/log"
    echo "[]." >"$d/enabled_plugins"
    printf 'listeners.tcp.local = 127.0.0.1:%s\nloopback_users.guest = true\n' "$(amqp_port "$n")" >"$d/rabbitmq.conf"
    # Distribution on the loopback only.
    echo 'export ERL_FLAGS="-kernel inet_dist_use_interface {127,0,0,1}"' >"$d/rabbitmq-env.conf"
    (umask 077; echo "$cookie" >"$d/home/.erlang.cookie")
    [ "$(id -u)" -ne 0 ] || chown -R rabbitmq:rabbitmq "$d"
    chmod 400 "$d/home/.erlang.cookie"
  done
  launch 1
  for n in $(seq 2 "$NODES"); do
    launch "$n"
    ctl "$n" -q stop_app >/dev/null
    ctl "$n" -q join_cluster "$(node_name 1)" >/dev/null
    ctl "$n" -q start_app >/dev/null
    wait_running "$n"
  done
  trap - EXIT
  log "$NODES nodes ($tag-1..$NODES@localhost) running in one cluster, data in $dir"
  ports
}

ports() { echo "$(amqp_port 1) $(amqp_port 2) $(amqp_port 3)"; }

stop_node() { # N
  local n=$1 pid
  pid="$(node_pid "$n" || true)"
  [ -n "$pid" ] || { log "node $n is not running"; return 0; }
  ctl "$n" -q shutdown >/dev/null 2>&1 || true
  for _ in $(seq 1 $((STOP_SECONDS * 5))); do
    [ -d "/proc/$pid" ] || return 0
    sleep 0.2
  done
  log "node $n did not stop within ${STOP_SECONDS} s: SIGKILL"
  kill -9 "$pid" 2>/dev/null || true
}

start_node() { # N
  local n=$1
  [ -z "$(node_pid "$n" || true)" ] || { log "node $n runs already"; return 0; }
  launch "$n"
  wait_running "$n"
}

stop_cluster() {
  local n
  # The last node stopped is the one that must start first: the order does not matter, DIR is removed.
  for n in $(seq "$NODES" -1 1); do
    [ -z "$(node_pid "$n" || true)" ] || stop_node "$n"
  done
  # Whatever is left of them (an Erlang port program, a VM that did not write its pid), by their files.
  kill_by_path "$dir"
  stop_epmd $((base + 30))
  rm -rf "$dir"
}

node_of() { # NAME
  local n out
  for n in $(seq 1 "$NODES"); do
    answers "$(amqp_port "$n")" || continue
    # The server side's port of each connection is the AMQP port of the node it is on.
    out="$(ctl "$n" -q list_connections port client_properties --formatter json 2>/dev/null)" || continue
    python3 -c '
import json, sys
name, base = sys.argv[2], int(sys.argv[3])
for connection in json.loads(sys.argv[1]):
    properties = connection.get("client_properties") or []
    if isinstance(properties, dict):
        provided = str(properties.get("connection_name", ""))
    else:
        provided = " ".join(str(p[2]) for p in properties if isinstance(p, list) and len(p) > 2 and p[0] == "connection_name")
    if name in provided:
        print(int(connection["port"]) - base + 1)
        sys.exit(0)
sys.exit(1)
' "$out" "$1" "$base" && return 0
    return 1
  done
  return 1
}

[ $# -ge 2 ] || usage
command=$1
case "$command" in
  start) [ $# -le 3 ] || usage; start_cluster "$2" "${3:-}" ;;
  *)
    # Nothing to stop is no error (a test's cleanup may call stop whether start ran or not).
    if [ "$command" = stop ] && [ ! -f "$2/cluster.env" ]; then
      rm -rf "$2"
      exit 0
    fi
    load "$2"
    case "$command" in
      stop-node) [ $# -eq 3 ] || usage; stop_node "$3" ;;
      start-node) [ $# -eq 3 ] || usage; start_node "$3" ;;
      stop) [ $# -eq 2 ] || usage; stop_cluster ;;
      ports) ports ;;
      url)
        credentials=${3:-guest:guest}
        echo "rabbit://$credentials@127.0.0.1:$(amqp_port 1),$credentials@127.0.0.1:$(amqp_port 2),$credentials@127.0.0.1:$(amqp_port 3)/"
        ;;
      running) running_nodes ;;
      node-of) [ $# -eq 3 ] || usage; node_of "$3" ;;
      ctl) [ $# -ge 3 ] || usage; n=$3; shift 3; ctl "$n" "$@" ;;
      *) usage ;;
    esac
    ;;
esac
