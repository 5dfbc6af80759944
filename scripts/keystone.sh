#!/usr/bin/env bash
# A real Keystone (OpenStack Identity v3) on this machine, for tests, CI and trying `auth_strategy = keystone`.
#
#   scripts/keystone.sh start      install when missing, bootstrap, run it on 127.0.0.1:5000, create the users
#   scripts/keystone.sh stop       stop it (its state folder is kept; `start` picks it up again)
#   scripts/keystone.sh bootstrap  install when missing, write keystone.conf, create the database and keys
#   scripts/keystone.sh env [USER] print `export OS_...` lines for USER (admin, hyperstatus, compute-agent, demo
#                                  or reader; default admin), e.g. eval "$(scripts/keystone.sh env)"
#   scripts/keystone.sh status     exit 0 when Keystone answers
#
# Debian's python3-keystone runs under uwsgi with one process and no threads, because its database is SQLite,
# which does not take concurrent writers. Everything lives in HYPERSTATUS_KEYSTONE_STATE (default
# /tmp/hyperstatus-keystone-<uid>, one per user, so that one user's leftovers never stand in another's way); nothing
# is written to /etc/keystone. Every step is idempotent. Users it creates (passwords overridable by environment):
#   admin        admin role on project admin and on the system   (HYPERSTATUS_KEYSTONE_ADMIN_PASSWORD)
#   hyperstatus  admin and service roles on project service       (HYPERSTATUS_KEYSTONE_SERVICE_PASSWORD)
#   compute-agent  compute_agent role on project service (an agent's user: nothing in the compute API)
#                                                                 (HYPERSTATUS_KEYSTONE_AGENT_PASSWORD)
#   demo         member and reader roles on project demo          (HYPERSTATUS_KEYSTONE_DEMO_PASSWORD)
#   reader       reader role on project demo                      (HYPERSTATUS_KEYSTONE_READER_PASSWORD)
set -euo pipefail

STATE=${HYPERSTATUS_KEYSTONE_STATE:-/tmp/hyperstatus-keystone-$(id -u)}
HOST=127.0.0.1
PORT=${HYPERSTATUS_KEYSTONE_PORT:-5000}
URL="http://$HOST:$PORT/v3"
ADMIN_PASSWORD=${HYPERSTATUS_KEYSTONE_ADMIN_PASSWORD:-keystone-admin}
SERVICE_PASSWORD=${HYPERSTATUS_KEYSTONE_SERVICE_PASSWORD:-hyperstatus-service}
DEMO_PASSWORD=${HYPERSTATUS_KEYSTONE_DEMO_PASSWORD:-demo-secret}
READER_PASSWORD=${HYPERSTATUS_KEYSTONE_READER_PASSWORD:-reader-secret}
AGENT_PASSWORD=${HYPERSTATUS_KEYSTONE_AGENT_PASSWORD:-compute-agent-secret}
# Bumped when the users change, so that a kept state folder gets the new ones.
USERS_MARKER=users-created-2

log() { echo "keystone.sh: $*" >&2; }

install_packages() {
  local missing=()
  command -v keystone-manage >/dev/null 2>&1 || missing+=(python3-keystone)
  command -v uwsgi >/dev/null 2>&1 || missing+=(uwsgi)
  [ -e /usr/lib/uwsgi/plugins/python3_plugin.so ] || missing+=(uwsgi-plugin-python3)
  command -v openstack >/dev/null 2>&1 || missing+=(python3-openstackclient)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    log "missing ${missing[*]} and there is no apt-get to install them"
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "missing ${missing[*]}; as root, run: apt-get install --no-install-recommends ${missing[*]}"
    exit 1
  fi
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

write_config() {
  mkdir -p "$STATE"
  if [ ! -w "$STATE" ]; then
    log "cannot write to $STATE (left by another user?); remove it or set HYPERSTATUS_KEYSTONE_STATE"
    exit 1
  fi
  # Our own file, never /etc/keystone: this Keystone must not depend on (or disturb) a system one.
  cat >"$STATE/keystone.conf" <<EOF
[DEFAULT]
log_file = $STATE/keystone.log

[database]
connection = sqlite:///$STATE/keystone.sqlite

[token]
provider = fernet
expiration = 3600

[fernet_tokens]
key_repository = $STATE/fernet-keys

# Receipts (multi-factor authentication) are signed with the token keys, as in Keystone's defaults; left unset, this
# would be /etc/keystone/fernet-keys/.
[fernet_receipts]
key_repository = $STATE/fernet-keys

[credential]
key_repository = $STATE/credential-keys

[cache]
enabled = false

# bcrypt's fewest rounds: a test Keystone's passwords need no slow hashing, and every password login (the server's
# and the agent's service tokens, Tempest's users) costs a fraction of the CPU time of the default 12 rounds.
[identity]
password_hash_rounds = 4
EOF
}

manage() {
  keystone-manage --config-file "$STATE/keystone.conf" "$@"
}

bootstrap() {
  install_packages
  write_config
  manage db_sync
  # Write-ahead logging: a connection Keystone leaves in a read transaction would otherwise block every write
  # ("database is locked"). The mode is kept in the database file.
  python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL").fetchone()' \
    "$STATE/keystone.sqlite"
  local user group
  user=$(id -un)
  group=$(id -gn)
  # fernet_setup on an existing repository would add keys; only the first run creates them.
  if [ ! -e "$STATE/fernet-keys/0" ]; then
    manage fernet_setup --keystone-user "$user" --keystone-group "$group"
  fi
  if [ ! -e "$STATE/credential-keys/0" ]; then
    manage credential_setup --keystone-user "$user" --keystone-group "$group"
  fi
  manage bootstrap --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-username admin \
    --bootstrap-project-name admin --bootstrap-role-name admin --bootstrap-service-name keystone \
    --bootstrap-region-id RegionOne --bootstrap-public-url "$URL"
}

answering() {
  curl -sf -o /dev/null --max-time 2 "$URL"
}

start_uwsgi() {
  if answering; then
    return
  fi
  if [ -s "$STATE/uwsgi.pid" ] && kill -0 "$(cat "$STATE/uwsgi.pid")" 2>/dev/null; then
    log "uwsgi (pid $(cat "$STATE/uwsgi.pid")) runs but does not answer yet"
  else
    # One process, no threads: SQLite takes one writer at a time. uwsgi's http-socket closes every connection
    # after its answer; "Connection: close" says so, or clients reuse it and fail on the next request.
    uwsgi --plugin python3 --http-socket "$HOST:$PORT" --wsgi-file /usr/bin/keystone-wsgi-public \
      --master --processes 1 --need-app --die-on-term --harakiri 60 --add-header "Connection: close" \
      --env "OS_KEYSTONE_CONFIG_DIR=$STATE" --env OS_KEYSTONE_CONFIG_FILES=keystone.conf \
      --pidfile "$STATE/uwsgi.pid" --daemonize "$STATE/uwsgi.log"
  fi
  for _ in $(seq 1 60); do
    if answering; then
      log "Keystone answers at $URL"
      return
    fi
    sleep 0.5
  done
  log "Keystone did not answer at $URL within 30 s; see $STATE/uwsgi.log and $STATE/keystone.log"
  exit 1
}

# One password login and one token validation, so that a Keystone that has just started has loaded what they need
# before the first real client (whose timeouts may be short) asks. Best effort: a failure here is the client's to see.
warm_up() {
  local body token
  body=$(python3 -c 'import json, sys; print(json.dumps({"auth": {"identity": {"methods": ["password"], "password": {
      "user": {"name": "admin", "domain": {"name": "Default"}, "password": sys.argv[1]}}},
      "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}))' "$ADMIN_PASSWORD")
  token=$(curl -sf -o /dev/null -D - --max-time 60 -H 'Content-Type: application/json' -d "$body" "$URL/auth/tokens" \
    | tr -d '\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *//p') || true
  if [ -n "$token" ]; then
    curl -sf -o /dev/null --max-time 60 -H "X-Auth-Token: $token" -H "X-Subject-Token: $token" "$URL/auth/tokens" || true
  fi
}

admin_env() {
  export OS_AUTH_URL="$URL" OS_IDENTITY_API_VERSION=3 OS_USERNAME=admin OS_PASSWORD="$ADMIN_PASSWORD" \
    OS_PROJECT_NAME=admin OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_REGION_NAME=RegionOne
  unset OS_CLOUD OS_TOKEN OS_AUTH_TYPE OS_ENDPOINT
}

create_users() {
  # The marker sits next to the database: a wiped state folder creates everything again.
  if [ -e "$STATE/$USERS_MARKER" ]; then
    return
  fi
  admin_env
  local os="openstack --os-interface public"
  # Look before creating: with SQLite, a failed insert (a 409) can leave the database locked for later writes.
  local role project user
  for role in member reader service compute_agent; do
    $os role show "$role" >/dev/null 2>&1 || $os role create "$role" >/dev/null
  done
  for project in service demo; do
    $os project show "$project" >/dev/null 2>&1 || $os project create --domain Default "$project" >/dev/null
  done
  for user in hyperstatus:$SERVICE_PASSWORD compute-agent:$AGENT_PASSWORD demo:$DEMO_PASSWORD reader:$READER_PASSWORD; do
    if $os user show "${user%%:*}" >/dev/null 2>&1; then
      # An existing user gets the documented password again.
      $os user set --password "${user#*:}" "${user%%:*}"
    else
      $os user create --domain Default --password "${user#*:}" "${user%%:*}" >/dev/null
    fi
  done
  $os role add --project service --user hyperstatus admin
  $os role add --project service --user hyperstatus service
  $os role add --project service --user compute-agent compute_agent
  $os role add --project demo --user demo member
  $os role add --project demo --user demo reader
  $os role add --project demo --user reader reader
  touch "$STATE/$USERS_MARKER"
  log "created users hyperstatus (service), compute-agent (compute_agent), demo (member, reader) and reader (reader)"
}

stop() {
  if [ -s "$STATE/uwsgi.pid" ]; then
    local pid
    pid=$(cat "$STATE/uwsgi.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      log "stopped uwsgi (pid $pid)"
    fi
    rm -f "$STATE/uwsgi.pid"
  fi
}

print_env() {
  local user=${1:-admin} password project
  case "$user" in
    admin) password=$ADMIN_PASSWORD project=admin ;;
    hyperstatus) password=$SERVICE_PASSWORD project=service ;;
    compute-agent) password=$AGENT_PASSWORD project=service ;;
    demo) password=$DEMO_PASSWORD project=demo ;;
    reader) password=$READER_PASSWORD project=demo ;;
    *) log "unknown user $user (admin, hyperstatus, compute-agent, demo or reader)"; exit 2 ;;
  esac
  cat <<EOF
export OS_AUTH_URL=$URL
export OS_IDENTITY_API_VERSION=3
export OS_USERNAME=$user
export OS_PASSWORD=$password
export OS_PROJECT_NAME=$project
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=RegionOne
EOF
}

case "${1:-}" in
  start)
    if ! answering || [ ! -e "$STATE/$USERS_MARKER" ]; then
      bootstrap
      start_uwsgi
      create_users
      warm_up
    fi
    ;;
  stop) stop ;;
  bootstrap) bootstrap ;;
  env) print_env "${2:-admin}" ;;
  status) answering ;;
  *)
    echo "usage: $0 start|stop|bootstrap|env [admin|hyperstatus|demo|reader]|status" >&2
    exit 2
    ;;
esac
