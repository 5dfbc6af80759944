#!/usr/bin/env bash
# Makes sure the RabbitMQ the notification tests use answers: 127.0.0.1:5672 (guest/guest), with its management API
# on 127.0.0.1:15672, through which each test makes a virtual host of its own and deletes it. Starts Debian's
# rabbitmq-server when nothing answers on 5672, and enables the management plugin when it is off; both need root
# (an unprivileged user is told what to do). Leaves a RabbitMQ that was already running as it was, but for the
# plugin.
#   scripts/rabbitmq.sh
set -euo pipefail

log() { echo "rabbitmq: $*" >&2; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() {
  for _ in $(seq 1 120); do
    answers "$1" && return 0
    sleep 0.5
  done
  return 1
}
as_root() {
  if [ "$(id -u)" -ne 0 ]; then
    log "$1; as root, run scripts/rabbitmq.sh (or scripts/test, which does)"
    exit 1
  fi
}

if ! answers 5672; then
  as_root "nothing answers on 127.0.0.1:5672"
  command -v rabbitmq-server >/dev/null 2>&1 || { log "rabbitmq-server is not installed"; exit 1; }
  log "starting rabbitmq-server"
  install -d -o rabbitmq -g rabbitmq /var/log/rabbitmq /var/lib/rabbitmq
  # The management plugin is read at boot: enabled first, it starts with the broker.
  rabbitmq-plugins --offline enable rabbitmq_management >/dev/null
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/rabbitmq-server
  if ! wait_for 5672; then
    log "RabbitMQ did not start; its log follows"
    tail -n 30 /var/log/rabbitmq/*.log >&2 2>/dev/null || true
    exit 1
  fi
fi
if ! answers 15672; then
  as_root "RabbitMQ's management API is off"
  log "enabling the management plugin"
  rabbitmq-plugins enable rabbitmq_management >/dev/null
  wait_for 15672 || { log "the management API did not come up on 15672"; exit 1; }
fi
for _ in $(seq 1 60); do
  curl -fs -u guest:guest http://127.0.0.1:15672/api/overview >/dev/null 2>&1 && exit 0
  sleep 0.5
done
log "the management API does not accept guest/guest from 127.0.0.1"
exit 1
