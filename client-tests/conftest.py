"""A real hyperstatus server and fake-driver agent for the standard OpenStack clients to talk to.

The server and the agent are the launcher jar, started as an operator would start them. compute-02 never
heartbeats, so it turns down after service_down_time; every other host stays up.
"""
import json
import os
import pathlib
import secrets
import socket
import subprocess
import time
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
JAR = ROOT / "hyperstatus-launcher" / "target" / "hyperstatus.jar"
TOKEN = "admin:admin"

HOSTS = {
    "services": [{"host": "controller", "binary": "nova-scheduler"}],
    "hosts": [
        {"host": "compute-01", "hypervisor_hostname": "compute-01.example.org",
         "uuid": "31bfbb40-558b-58b7-9d75-86cda558a1ce", "hypervisor_type": "QEMU",
         "hypervisor_version": 8002000, "host_ip": "192.0.2.11", "vcpus": 32, "vcpus_used": 4,
         "memory_mb": 131072, "memory_mb_used": 8704, "local_gb": 1000, "local_gb_used": 80,
         "cpu_info": {"arch": "x86_64", "vendor": "AMD", "model": "EPYC-Rome",
                      "topology": {"cells": 1, "sockets": 1, "cores": 16, "threads": 2},
                      "features": ["avx2", "vmx"]},
         "uptime": " 06:45:30 up 120 days, 17:53,  4 users,  load average: 1.91, 2.56, 0.60",
         "instances": [{"uuid": "2bd0c710-beb0-5cfd-9396-d394db959a45", "name": "instance-00000001"}]},
        {"host": "compute-02", "hypervisor_hostname": "compute-02.example.org",
         "uuid": "7c3cfce4-eca0-5adc-ac5b-995d327d9d40", "hypervisor_type": "QEMU",
         "hypervisor_version": 8002000, "host_ip": "192.0.2.12", "vcpus": 16, "memory_mb": 65536,
         "local_gb": 500, "heartbeat": False},
        {"host": "compute-03", "hypervisor_hostname": "compute-03.example.org",
         "uuid": "2f30eaac-f9de-5316-9aef-2b38ee78aac9", "hypervisor_type": "QEMU",
         "hypervisor_version": 8002000, "host_ip": "192.0.2.13", "vcpus": 8, "memory_mb": 16384,
         "local_gb": 100},
    ],
}


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    request = urllib.request.Request(url, headers={"X-Auth-Token": TOKEN})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.load(response)


def _write_private(path, text):
    """Writes a file only its owner can read, as the agent identity files must be."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(text)


@pytest.fixture(scope="session")
def cloud(tmp_path_factory):
    assert JAR.exists(), f"build the launcher first: {JAR}"
    work = tmp_path_factory.mktemp("hyperstatus")
    port = _free_port()
    (work / "hosts.json").write_text(json.dumps(HOSTS))
    # The simulating agent's identity: a shared secret the server binds to every host (docs/agent-identity.md).
    secret = secrets.token_hex(32)
    _write_private(work / "agent-secrets", f"simulator {secret} *\n")
    _write_private(work / "agent-secret", secret + "\n")
    (work / "server.conf").write_text(
        f"[DEFAULT]\nstate_path = {work}/server\nosapi_compute_listen = 127.0.0.1\n"
        f"osapi_compute_listen_port = {port}\nservice_down_time = 4\nreport_interval = 1\n"
        f"[agent_identity]\nsecrets_file = {work}/agent-secrets\n"
        # Free ports for the metrics: the defaults may be taken on a machine that runs tests.
        "[metrics]\nport = 0\nagent_port = 0\n")
    (work / "agent.conf").write_text(
        f"[DEFAULT]\nhost = simulator\nstate_path = {work}/agent\ncompute_driver = fake.FakeDriver\n"
        f"service_down_time = 4\nreport_interval = 1\n[fake]\nhosts_file = {work}/hosts.json\n"
        f"[agent]\napi_servers = http://127.0.0.1:{port}\nsecret_file = {work}/agent-secret\n"
        "[metrics]\nport = 0\nagent_port = 0\n")
    processes = []
    try:
        for role in ("server", "agent"):
            log = open(work / f"{role}.log", "w")
            processes.append(subprocess.Popen(
                ["java", "-jar", str(JAR), role, "--config-file", str(work / f"{role}.conf")],
                stdout=log, stderr=subprocess.STDOUT))
            if role == "server":
                _wait(lambda: _get(f"http://127.0.0.1:{port}/"), "the server to answer")
        endpoint = f"http://127.0.0.1:{port}/v2.1"

        def settled():
            states = {h["hypervisor_hostname"]: h["state"]
                      for h in _get(endpoint + "/os-hypervisors")["hypervisors"]}
            return states == {"compute-01.example.org": "up", "compute-02.example.org": "down",
                              "compute-03.example.org": "up"}
        _wait(settled, "compute-02 to turn down and the others to be up")
        yield {"endpoint": endpoint, "token": TOKEN, "work": work}
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=20)


def _wait(condition, what, seconds=60):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception as error:  # not up yet
            last = error
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}: {last}")


@pytest.fixture
def openstack(cloud):
    """Runs the openstack command with admin_token auth against the server; returns parsed JSON output."""
    env = dict(os.environ, OS_AUTH_TYPE="admin_token", OS_TOKEN=cloud["token"], OS_ENDPOINT=cloud["endpoint"])
    for name in ("OS_CLOUD", "OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME"):
        env.pop(name, None)

    def run(*args, version=None, json_output=True):
        command = ["/usr/bin/openstack"]
        if version:
            command += ["--os-compute-api-version", version]
        command += list(args)
        if json_output:
            command += ["-f", "json"]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{' '.join(command)} failed: {result.stderr}"
        return json.loads(result.stdout) if json_output and result.stdout.strip() else result.stdout
    return run
