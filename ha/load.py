#!/usr/bin/python3
"""The high-availability stage's load: clients listing through the API's front, and a stream of admin changes.

   ha/load.py --api http://127.0.0.1:PORT --out DIR --stop FILE --targets HOST,HOST... [--listers 4]
              [--max-seconds 900]

Until FILE exists (or --max-seconds pass), it runs:
  - LISTERS clients, each listing in turn the compute services (os-services?binary=nova-compute) and the
    hypervisors (os-hypervisors at 2.53, with their state), one call after another with a short pause;
  - one stream of admin changes: each target service disabled with a reason of its own, then enabled, in turn
    (PUT /v2.1/os-services/{id} at 2.53), and between them an aggregate created (POST os-aggregates).
Every answer is one JSON line in DIR/<client>.jsonl: the time it was asked (epoch seconds), the seconds it took,
the status code (0 when no answer came), and for the listings the hosts listed not up, for the changes the request
id, the service and the status asked for, or the aggregate's name. ha/check.py reads them.
"""
import argparse
import http.client
import json
import os
import threading
import time
import urllib.error
import urllib.request

TOKEN = {"X-Auth-Token": "admin:admin"}
TIMEOUT = 10
PAUSE = 0.2


def call(method, url, version=None, body=None):
    """(status, headers, parsed body or None, seconds): status 0 when nothing answered within TIMEOUT."""
    headers = dict(TOKEN)
    if version:
        headers["OpenStack-API-Version"] = "compute " + version
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    began = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            text = response.read()
            status, answer_headers = response.status, response.headers
    except urllib.error.HTTPError as error:
        try:
            text = error.read()
        except (OSError, http.client.HTTPException):
            text = b""
        status, answer_headers = error.code, error.headers
    except (OSError, ValueError, http.client.HTTPException):
        return 0, {}, None, time.monotonic() - began
    seconds = time.monotonic() - began
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = None
    return status, answer_headers, parsed, seconds


def lister(api, out, stop, deadline):
    with open(out, "w", encoding="utf-8") as log:
        turn = 0
        while not os.path.exists(stop) and time.time() < deadline:
            asked = time.time()
            if turn % 2 == 0:
                status, _, body, seconds = call("GET", api + "/v2.1/os-services?binary=nova-compute")
                rows = (body or {}).get("services", []) if status == 200 else []
                down = [row["host"] for row in rows if row.get("state") != "up"]
                what = "services"
            else:
                status, _, body, seconds = call("GET", api + "/v2.1/os-hypervisors", "2.53")
                rows = (body or {}).get("hypervisors", []) if status == 200 else []
                down = [row["hypervisor_hostname"] for row in rows if row.get("state") != "up"]
                what = "hypervisors"
            log.write(json.dumps({"at": asked, "seconds": round(seconds, 3), "status": status, "what": what,
                                  "rows": len(rows), "down": down[:20], "down_count": len(down)}) + "\n")
            log.flush()
            turn += 1
            time.sleep(PAUSE)


def service_ids(api, hosts):
    """The uuid of each target's compute service (2.53 gives uuids)."""
    ids = {}
    for host in hosts:
        for _ in range(50):
            status, _, body, _ = call("GET", api + "/v2.1/os-services?binary=nova-compute&host=" + host, "2.53")
            services = (body or {}).get("services", []) if status == 200 else []
            if services:
                ids[host] = services[0]["id"]
                break
            time.sleep(0.2)
        else:
            raise SystemExit("load: no compute service on " + host)
    return ids


def changer(api, out, stop, deadline, ids):
    with open(out, "w", encoding="utf-8") as log:
        n = 0
        rounds = 0
        while not os.path.exists(stop) and time.time() < deadline:
            rounds += 1
            # Odd rounds disable every target, even ones enable it again: each answered change changes something.
            disable = rounds % 2 == 1
            for host, uuid in ids.items():
                n += 1
                body = ({"status": "disabled", "disabled_reason": "ha change %d" % n} if disable
                        else {"status": "enabled"})
                asked = time.time()
                status, headers, _, seconds = call("PUT", api + "/v2.1/os-services/" + uuid, "2.53", body)
                log.write(json.dumps({"at": asked, "seconds": round(seconds, 3), "status": status, "what": "service",
                                      "host": host, "asked": body, "request_id":
                                      headers.get("x-openstack-request-id") if status else None}) + "\n")
                name = "ha-%d" % n
                asked = time.time()
                status, headers, _, seconds = call("POST", api + "/v2.1/os-aggregates", None,
                                                   {"aggregate": {"name": name}})
                log.write(json.dumps({"at": asked, "seconds": round(seconds, 3), "status": status,
                                      "what": "aggregate", "name": name}) + "\n")
                log.flush()
                time.sleep(PAUSE)
                if os.path.exists(stop):
                    break
        # The stream ends with every target enabled, when the API answers, so that the next phase starts clean.
        for host, uuid in ids.items():
            call("PUT", api + "/v2.1/os-services/" + uuid, "2.53", {"status": "enabled"})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--stop", required=True)
    parser.add_argument("--targets", required=True)
    parser.add_argument("--listers", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=900)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    deadline = time.time() + args.max_seconds
    ids = service_ids(args.api, args.targets.split(","))
    threads = [threading.Thread(target=lister, args=(args.api, os.path.join(args.out, "list-%d.jsonl" % i),
                                                     args.stop, deadline), daemon=True)
               for i in range(1, args.listers + 1)]
    threads.append(threading.Thread(target=changer, args=(args.api, os.path.join(args.out, "changes.jsonl"),
                                                          args.stop, deadline, ids), daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(args.max_seconds + 3 * TIMEOUT)


if __name__ == "__main__":
    main()
