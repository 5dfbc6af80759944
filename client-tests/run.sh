#!/usr/bin/env bash
# The standard OpenStack clients, from Debian's packages, against a real hyperstatus server (no Keystone):
# installs them when missing (as root), then runs the client suite with Debian's Python (which has their modules).
# pytest's temporary folders (server and agent state, logs) are deleted at the end.
set -euo pipefail
cd "$(dirname "$0")"
packages=(python3-openstackclient python3-openstacksdk python3-novaclient python3-pytest)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "client-tests: missing ${missing[*]}; as root, run: apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperstatus-client-tests.XXXXXX")"
trap 'rm -rf "$work"' EXIT
status=0
/usr/bin/python3 -m pytest -q -p no:cacheprovider --basetemp "$work/pytest" "$@" . || status=$?
exit $status
