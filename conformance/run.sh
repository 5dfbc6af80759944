#!/usr/bin/env bash
# Tempest's compute hypervisor, service, host, availability-zone and version tests against hyperstatus behind a
# real Keystone, at the newest microversion and again pinned to 2.1; then the `nova` command (python-novaclient,
# which always authenticates through Keystone). Everything runs on this machine, on loopback.
#   conformance/run.sh            set up, run both Tempest passes and the nova checks, tear down
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
port="${HYPERSTATUS_CONFORMANCE_PORT:-28774}"
# The port of scripts/keystone.sh's Keystone, which reads the same variable.
keystone_port="${HYPERSTATUS_KEYSTONE_PORT:-5000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-conformance.XXXXXX")"
jar="$root/hyperstatus-launcher/target/hyperstatus.jar"
# shellcheck source=../scripts/lib/stage-config.sh
. "$root/scripts/lib/stage-config.sh"
# Tempest and the clients leave logs in the folder they run from: keep them out of the source tree. Their temporary
# files and Tempest's lock folder (the temporary folder's tempest-lock) go there too, so that nothing outlives the run
# and no earlier run's files (another user's, say) stand in the way.
cd "$work"
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"

log() { echo "conformance: $*" >&2; }

cleanup() {
  local status=$?
  [ -n "${agent_pid:-}" ] && kill "$agent_pid" 2>/dev/null || true
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  "$root/scripts/keystone.sh" stop >/dev/null 2>&1 || true
  if [ $status -ne 0 ]; then
    log "failed; logs follow"
    tail -n 40 "$work"/server.log "$work"/agent.log 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

install_packages() {
  local missing=()
  command -v tempest >/dev/null 2>&1 || missing+=(tempest)
  command -v nova >/dev/null 2>&1 || missing+=(python3-novaclient)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      log "missing ${missing[*]}; as root, run: apt-get install --no-install-recommends ${missing[*]}"
      exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
# Run a copy, so that a rebuild during the run cannot pull the jar from under the server.
cp "$jar" "$work/hyperstatus.jar"
jar="$work/hyperstatus.jar"
install_packages
"$root/scripts/keystone.sh" start
eval "$("$root/scripts/keystone.sh" env admin)"

# hyperstatus as the compute service of this Keystone.
if ! openstack service show compute >/dev/null 2>&1; then
  openstack service create --name nova --description "hyperstatus" compute >/dev/null
fi
for interface in public internal admin; do
  if [ -z "$(openstack endpoint list --service compute --interface "$interface" -f value -c ID)" ]; then
    openstack endpoint create --region RegionOne compute "$interface" "http://127.0.0.1:$port/v2.1" >/dev/null
  fi
done

service_password="${HYPERSTATUS_KEYSTONE_SERVICE_PASSWORD:-hyperstatus-service}"
agent_password="${HYPERSTATUS_KEYSTONE_AGENT_PASSWORD:-compute-agent-secret}"
# The agent's Keystone user (role compute_agent) speaks for every host the fake driver simulates.
(umask 077 && printf '# Keystone user  hosts\ncompute-agent *\n' > "$work/agent-hosts")
{ stage_defaults "$work" "$port" 2 10 "$here/hosts.json"; cat <<CONF
[api]
auth_strategy = keystone
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:$keystone_port/v3
auth_url = http://127.0.0.1:$keystone_port/v3
username = hyperstatus
password = $service_password
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = RegionOne
[metrics]
# Free ports: the test's processes must not take (or find taken) the default ones.
port = 0
agent_port = 0
[agent_identity]
hosts_file = $work/agent-hosts
[agent]
api_servers = http://127.0.0.1:$port
username = compute-agent
password = $agent_password
CONF
} > "$work/hyperstatus.conf"

java -jar "$jar" server --config-file "$work/hyperstatus.conf" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.5; done
java -jar "$jar" agent --config-file "$work/hyperstatus.conf" > "$work/agent.log" 2>&1 &
agent_pid=$!
token="$(openstack token issue -f value -c id)"
for _ in $(seq 1 240); do
  up=$(curl -fs -H "X-Auth-Token: $token" "http://127.0.0.1:$port/v2.1/os-hypervisors" | grep -o '"state": *"up"' | wc -l || true)
  [ "$up" -ge 2 ] && break
  sleep 0.5
done
log "hyperstatus is up on port $port with $up hypervisors"

run_tempest() {
  local max_microversion="$1"
  local workspace="$work/tempest-$max_microversion"
  # A registry of its own, so that workspaces of earlier runs never clash with this one's names. Its lock is taken
  # in the lock_path of the configuration Tempest finds first: ours, not /etc/tempest's (/var/lock).
  if ! TEMPEST_CONFIG_DIR="$work/tempest-etc" TEMPEST_CONFIG=tempest.conf tempest init \
      --workspace-path "$work/workspaces.yaml" --name "hyperstatus-$max_microversion" "$workspace" \
      >"$work/tempest-init.log" 2>&1; then
    log "tempest init failed:"
    cat "$work/tempest-init.log" >&2
    return 1
  fi
  cat > "$workspace/etc/tempest.conf" <<CONF
[DEFAULT]
log_file = $workspace/tempest.log
[oslo_concurrency]
lock_path = $workspace/tempest_lock
[auth]
admin_username = admin
admin_password = ${HYPERSTATUS_KEYSTONE_ADMIN_PASSWORD:-keystone-admin}
admin_project_name = admin
admin_domain_name = Default
use_dynamic_credentials = True
[identity]
uri_v3 = http://127.0.0.1:$keystone_port/v3
auth_version = v3
region = RegionOne
[identity-feature-enabled]
api_v2 = False
[compute]
region = RegionOne
min_microversion = 2.1
max_microversion = $max_microversion
[compute-feature-enabled]
console_output = False
[service_available]
nova = True
glance = True
neutron = False
cinder = False
swift = False
[validation]
run_validation = False
CONF
  log "Tempest with max_microversion = $max_microversion"
  (cd "$workspace" && tempest run --concurrency 1 --regex \
    '^tempest\.api\.compute\.(admin\.(test_hypervisor|test_hypervisor_negative|test_services|test_services_negative|test_hosts|test_hosts_negative|test_availability_zone|test_availability_zone_negative)|test_versions)\.')
}

mkdir -p "$work/tempest-etc"
printf '[oslo_concurrency]\nlock_path = %s\n' "$work/lock" > "$work/tempest-etc/tempest.conf"
run_tempest latest
run_tempest 2.1

log "the nova command"
nova_out="$(nova hypervisor-list)"
echo "$nova_out"
grep -q "| State" <<<"$nova_out"
grep -q "| Status" <<<"$nova_out"
grep -q "compute-01.example.org" <<<"$nova_out"
first_id="$(nova hypervisor-list | awk -F'|' '/compute-01.example.org/ {gsub(/ /, "", $2); print $2}')"
show_out="$(nova hypervisor-show "$first_id")"
grep -E "\| (state|status|service_host) " <<<"$show_out"
nova service-list
compute_02_id() {
  nova --os-compute-api-version 2.53 service-list --host compute-02 --binary nova-compute \
    | awk -F'|' '/compute-02/ {gsub(/ /, "", $2); print $2}'
}
# Outputs are read whole before they are searched: grep -q closing a pipe early would break the client's write.
nova --os-compute-api-version 2.53 service-disable --reason "conformance check" "$(compute_02_id)"
listed="$(nova service-list --host compute-02)"
grep -q "conformance check" <<<"$listed"
nova --os-compute-api-version 2.53 service-enable "$(compute_02_id)"
listed="$(nova service-list --host compute-02)"
grep -q "enabled" <<<"$listed"
if grep -q "conformance check" <<<"$listed"; then
  log "the reason is still shown after service-enable"
  exit 1
fi
log "the nova command shows State and Status, disables with a reason and enables"
