#!/usr/bin/env bash
# Checks what contrib/ ships, in a few seconds and without starting anything (no port is used):
#   - the Prometheus configuration and rules: promtool check config, check rules, and test rules (the rules' unit
#     tests, *.test.yml);
#   - the systemd units: systemd-analyze verify, on copies whose java is a stub in a temporary folder (so the check
#     needs neither a JDK at /usr/bin/java nor the installed jar, nor systemd running as PID 1); any complaint about a
#     unit fails, as verify exits 0 on unknown keys and bad values; then systemd-analyze security's exposure
#     (informational);
#   - the sysusers.d and tmpfiles.d files, applied to a temporary root (as root only);
#   - the HAProxy example: haproxy -c (it binds nothing).
# Needs promtool (Debian: prometheus), systemd-analyze (systemd) and haproxy; scripts/install-test-dependencies.sh
# installs them.
set -euo pipefail
cd "$(dirname "$0")"

log() { echo "check: $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

for tool in promtool systemd-analyze haproxy; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (Debian: apt-get install prometheus systemd haproxy)"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-contrib-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Runs a command quietly; its output is shown when it fails.
run() {
  local what="$1"
  shift
  if "$@" >"$work/out" 2>&1; then
    log "ok: $what"
  else
    cat "$work/out" >&2
    fail "$what"
  fi
}

run "promtool check config prometheus/prometheus.yml" promtool check config prometheus/prometheus.yml
run "promtool check rules" promtool check rules prometheus/hyperstatus-alerts.yml prometheus/hyperstatus-recording.yml
for test in prometheus/*.test.yml; do
  run "promtool test rules $test" promtool test rules "$test"
done

mkdir -p "$work/bin" "$work/units"
printf '#!/bin/sh\nexit 0\n' >"$work/bin/java"
chmod 755 "$work/bin/java"
units=()
for unit in systemd/*.service; do
  grep -q '^ExecStart=/usr/bin/java ' "$unit" || fail "$unit: ExecStart does not run /usr/bin/java"
  sed "s|^ExecStart=/usr/bin/java |ExecStart=$work/bin/java |" "$unit" >"$work/units/${unit##*/}"
  units+=("$work/units/${unit##*/}")
done
status=0
systemd-analyze --man=no verify "${units[@]}" >"$work/verify" 2>&1 || status=$?
# What names one of the units (by its file or its name) is a complaint about it.
for unit in "${units[@]}"; do echo "${unit##*/}"; done >"$work/names"
if [ "$status" -ne 0 ] || grep -qF -f "$work/names" "$work/verify"; then
  sed "s|$work/units/|systemd/|g" "$work/verify" >&2
  fail "systemd-analyze verify systemd/*.service (exit status $status)"
fi
# Lines about other units of this machine (pulled in by After=) are not ours to fix; shown, not failed.
[ ! -s "$work/verify" ] || sed 's/^/check:   (about this machine) /' "$work/verify" >&2
log "ok: systemd-analyze verify systemd/*.service"
for unit in "${units[@]}"; do
  exposure="$(systemd-analyze security --offline=true --no-pager "$unit" 2>/dev/null | grep 'Overall exposure' || true)"
  log "     ${exposure:-systemd-analyze security gave no figure for ${unit##*/}}"
done

if [ "$(id -u)" -eq 0 ]; then
  root="$work/root"
  mkdir -p "$root/etc" "$root/usr/lib/sysusers.d" "$root/usr/lib/tmpfiles.d"
  cp sysusers.d/hyperstatus.conf "$root/usr/lib/sysusers.d/"
  cp tmpfiles.d/hyperstatus.conf "$root/usr/lib/tmpfiles.d/"
  run "systemd-sysusers sysusers.d/hyperstatus.conf" systemd-sysusers --root="$root" hyperstatus.conf
  run "systemd-tmpfiles --create tmpfiles.d/hyperstatus.conf" systemd-tmpfiles --root="$root" --create hyperstatus.conf
  [ -d "$root/var/lib/hyperstatus" ] && [ -d "$root/etc/hyperstatus" ] || fail "tmpfiles.d made no /var/lib/hyperstatus, /etc/hyperstatus"
else
  log "skipped: sysusers.d and tmpfiles.d (applying them to a temporary root needs root)"
fi
# The example's user and group (haproxy) are looked up as it is read: Debian's haproxy package creates them.
run "haproxy -c -f haproxy/haproxy.cfg" haproxy -c -q -f haproxy/haproxy.cfg
log "every check passed"
