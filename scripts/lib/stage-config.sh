# Sourced by the conformance stages (conformance/run.sh, conformance/notifications/run.sh,
# conformance/metrics/run.sh), whose server and agent run with the fake driver as the host "controller".
#   stage_defaults WORK PORT REPORT_INTERVAL DOWN_TIME HOSTS_FILE [LINE...]
#                 prints the [DEFAULT] section (state in WORK/state, the API on 127.0.0.1:PORT, and the LINEs) and the
#                 [fake] one (the hosts of HOSTS_FILE)
stage_defaults() {
  local hosts_file="$5"
  cat <<CONF
[DEFAULT]
host = controller
state_path = $1/state
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $2
compute_driver = fake.FakeDriver
report_interval = $3
service_down_time = $4
CONF
  shift 5
  [ $# -eq 0 ] || printf '%s\n' "$@"
  printf '[fake]\nhosts_file = %s\n' "$hosts_file"
}
#   stage_agent_secret WORK NAME PORT
#                 makes a shared secret (noauth2) for an agent called NAME that may speak for every host, writes the
#                 server's WORK/agent-secrets and the agent's WORK/agent-secret, and prints the [agent_identity] and
#                 [agent] sections that use them, the agent reporting to 127.0.0.1:PORT
stage_agent_secret() {
  local secret
  secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  (umask 077 && printf '%s %s *\n' "$2" "$secret" > "$1/agent-secrets" && printf '%s\n' "$secret" > "$1/agent-secret")
  cat <<CONF
[agent_identity]
secrets_file = $1/agent-secrets
[agent]
api_servers = http://127.0.0.1:$3
secret_file = $1/agent-secret
CONF
}
