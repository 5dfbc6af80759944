# Sourced by the benchmarks that simulate many hosts on this machine (bench/agent-scale.sh, bench/dashboard.sh).
#   write_simulator WORK PORT HOSTS
# writes into WORK the hosts file of HOSTS simulated hosts (sim-00001 ...), the agent's shared secret, and the
# configurations of an API server on 127.0.0.1:PORT (embedded database under WORK/server) and of one fake-driver agent
# that simulates them all, heartbeating every 10 s: WORK/server.conf and WORK/agent.conf.
write_simulator() {
  local work="$1" port="$2" hosts="$3" i sep secret
  {
    printf '{"services": [{"host": "controller", "binary": "nova-scheduler"}],\n "hosts": [\n'
    for i in $(seq 1 "$hosts"); do
      sep=","; [ "$i" -eq "$hosts" ] && sep=""
      printf '  {"host": "sim-%05d", "vcpus": 64, "vcpus_used": %d, "memory_mb": 262144, "memory_mb_used": %d, "local_gb": 2000, "local_gb_used": %d, "instances": [{"uuid": "%08x-0000-4000-8000-000000000000", "name": "instance-%08x"}]}%s\n' \
        "$i" $((i % 64)) $((i % 1000 * 128)) $((i % 500)) "$i" "$i" "$sep"
    done
    printf ' ]}\n'
  } > "$work/hosts.json"

  # The simulating agent's identity: a shared secret the server binds to every host (docs/agent-identity.md).
  secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  (umask 077 && echo "simulator $secret *" > "$work/agent-secrets" && echo "$secret" > "$work/agent-secret")
  cat > "$work/server.conf" <<CONF
[DEFAULT]
state_path = $work/server
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $port
[agent_identity]
secrets_file = $work/agent-secrets
[metrics]
# Free ports: the test's processes must not take (or find taken) the default ones.
port = 0
agent_port = 0
CONF
  cat > "$work/agent.conf" <<CONF
[DEFAULT]
host = simulator
state_path = $work/agent
compute_driver = fake.FakeDriver
report_interval = 10
update_resources_interval = 60
[fake]
hosts_file = $work/hosts.json
[agent]
api_servers = http://127.0.0.1:$port
secret_file = $work/agent-secret
[metrics]
# Free ports: the test's processes must not take (or find taken) the default ones.
port = 0
agent_port = 0
CONF
}
