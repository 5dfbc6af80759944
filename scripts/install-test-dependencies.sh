#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven and a JDK: libvirt's client library (libvirt0, loaded by the
# libvirt driver through JNA) and virsh (libvirt-clients, which the driver's tests compare against). Does nothing
# when virsh is already there, so CI can call it on every run. Debian and Ubuntu only (apt-get); run as root.
set -euo pipefail

if command -v virsh >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-dependencies: virsh is missing and there is no apt-get; install libvirt0 and libvirt-clients" >&2
  exit 1
fi

apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libvirt0 libvirt-clients >/dev/null
