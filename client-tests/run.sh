#!/usr/bin/env bash
# The standard OpenStack clients, from Debian's packages, against a real hyperstatus server (no Keystone):
# installs them when missing, then runs the client suite with Debian's Python (which has their modules).
set -euo pipefail
cd "$(dirname "$0")"
packages=(python3-openstackclient python3-openstacksdk python3-novaclient python3-pytest)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
exec /usr/bin/python3 -m pytest -q -p no:cacheprovider "$@" .
