#!/usr/bin/env bash
# Installs, from Debian's packages and in one go, what scripts/test needs beyond a JDK and Maven:
#   libvirt0, libvirt-clients       libvirt's client library (the libvirt driver loads it through JNA) and virsh
#                                   (which the driver's tests compare against)
#   postgresql, mariadb-server      the database servers of the API specifications, unless
#                                   HYPERSTATUS_TEST_POSTGRESQL_URL / HYPERSTATUS_TEST_MARIADB_URL name running ones
#   python3-keystone, uwsgi, ...    the Keystone of scripts/keystone.sh, the OpenStack clients, pytest, Tempest, curl
#   rabbitmq-server                 the RabbitMQ of the notification tests (scripts/rabbitmq.sh starts it)
#   python3-oslo.messaging          the consumer of conformance/notifications, written as an operator would
#   python3-pika                    the fault stage's reader of the notifications RabbitMQ kept (faults/notifications-check.py)
#   prometheus                      for its promtool, which contrib/check.sh runs on the alerting rules, and the
#                                   Prometheus of conformance/metrics (started there on a port and in a folder of
#                                   its own); the package's own daemon is stopped and disabled when this installs it
#   chromium, nodejs, npm           the browser of dashboard-tests/ (driven by playwright-core from npm) and the Node.js
#                                   that runs them; nodejs and npm only when there is no node or npm (a Node.js of
#                                   another origin, which bundles npm, conflicts with Debian's npm package)
#   haproxy                         the load balancer of the high-availability tests (scripts/haproxy.sh starts one
#                                   in a folder of its own) and contrib/check.sh's check of contrib/haproxy; the
#                                   package's own daemon is stopped and disabled when this installs it
#   galera-4, rsync, mariadb-client the Galera cluster of ha/run.sh (scripts/galera.sh; rsync for its state transfers),
#                                   which also needs postgresql and mariadb-server installed, whatever the URLs say
#   systemd                         for systemd-analyze, which contrib/check.sh runs on the units (a container
#                                   lacks it; installed, it is not started)
# Does nothing when everything is there, so CI can call it on every run. Installing needs root (apt-get); an
# unprivileged user is told what to install, except for the database servers, which the suite can replace by
# embedded ones.
set -euo pipefail

log() { echo "install-test-dependencies: $*" >&2; }

needed=(libvirt0 libvirt-clients
  python3-keystone uwsgi uwsgi-plugin-python3 curl jq
  python3-openstackclient python3-openstacksdk python3-novaclient python3-pytest tempest
  rabbitmq-server python3-oslo.messaging python3-pika prometheus haproxy systemd chromium
  galera-4 rsync mariadb-client)
command -v node >/dev/null 2>&1 || needed+=(nodejs)
command -v npm >/dev/null 2>&1 || needed+=(npm)
databases=()
[ -n "${HYPERSTATUS_TEST_POSTGRESQL_URL:-}" ] || databases+=(postgresql)
[ -n "${HYPERSTATUS_TEST_MARIADB_URL:-}" ] || databases+=(mariadb-server)

installed() {
  [ "$(dpkg-query -W -f '${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

missing=() missing_databases=()
for package in "${needed[@]}"; do
  installed "$package" || missing+=("$package")
done
for package in "${databases[@]}"; do
  installed "$package" || missing_databases+=("$package")
done
if [ ${#missing[@]} -eq 0 ] && [ ${#missing_databases[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  log "missing ${missing[*]} ${missing_databases[*]}, and there is no apt-get (Debian or Ubuntu) to install them"
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  if [ ${#missing_databases[@]} -gt 0 ]; then
    log "not installed: ${missing_databases[*]}; the suite starts embedded database servers instead"
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "missing ${missing[*]}; as root, run: apt-get install --no-install-recommends ${missing[*]}" \
      "(or run scripts/test as root, which installs them)"
    exit 1
  fi
  exit 0
fi

log "installing ${missing[*]} ${missing_databases[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" "${missing_databases[@]}" >/dev/null

# Only promtool is wanted from the prometheus package, and only the program from haproxy: the daemons they start
# (Prometheus on port 9090) are stopped and kept from starting at boot, unless they were there before.
for daemon in prometheus haproxy; do
  case " ${missing[*]} " in
    *" $daemon "*)
      if [ -d /run/systemd/system ]; then
        systemctl disable --now "$daemon.service" >/dev/null 2>&1 || true
      else
        # Not through invoke-rc.d, which a container's policy-rc.d may forbid to stop as it forbade to start.
        [ ! -x "/etc/init.d/$daemon" ] || "/etc/init.d/$daemon" stop >/dev/null 2>&1 || true
        update-rc.d "$daemon" disable >/dev/null 2>&1 || true
      fi
      ;;
  esac
done
