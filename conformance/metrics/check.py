#!/usr/bin/python3
"""Asks a Prometheus that scrapes an API server (job hyperstatus-api) and its agent (job hyperstatus-agent) what it
sees, then SIGKILLs the agent and waits until Prometheus shows its hosts down.

    check.py --prometheus URL --agent-pid PID --hosts-file hosts.json --service-down-time S RULE_FILE...

Before the kill: every rule of the rule files is loaded and healthy; both targets are up; every host's
hyperstatus_service_up and openstack_nova_agent_state are 1 and its last heartbeat timestamp moves.
After it, within --timeout seconds: both gauges 0 for every host, each host's heartbeat timestamp unchanged for
--still seconds (in Prometheus's own samples too), hyperstatus_events_total{kind="went_down"} grown by one a host,
the agent's target down, HyperstatusComputeServiceDown pending for every host and HyperstatusMetricsTargetDown for
the agent's target; HyperstatusAgentMetricsAbsent stays quiet (the target is known, only down). Prints when each
was first seen. Exits 1 naming what was not seen.
"""

import argparse
import json
import os
import re
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

API_JOB = "hyperstatus-api"
AGENT_JOB = "hyperstatus-agent"


def log(message):
    print("metrics: " + message, file=sys.stderr, flush=True)


def fail(message):
    log("FAILED: " + message)
    sys.exit(1)


class Unreachable(RuntimeError):
    pass


class Prometheus:
    def __init__(self, url):
        self.url = url.rstrip("/")

    def get(self, path, **params):
        # Messages name the request as written, not URL-encoded.
        request = path + "".join(" %s=%s" % pair for pair in params.items())
        query = ("?" + urllib.parse.urlencode(params)) if params else ""
        try:
            with urllib.request.urlopen(self.url + path + query, timeout=5) as answer:
                body = json.load(answer)
        except urllib.error.HTTPError as error:
            raise RuntimeError("%s: %s %s" % (request, error, error.read()[:500]))
        except (urllib.error.URLError, OSError) as error:
            raise Unreachable("Prometheus at %s: %s" % (self.url, getattr(error, "reason", error)))
        except ValueError as error:
            raise RuntimeError("%s: %s" % (request, error))
        if body.get("status") != "success":
            raise RuntimeError("%s: %s" % (request, body))
        return body["data"]

    def query(self, expression):
        """The instant vector of an expression, as a list of (labels, value)."""
        data = self.get("/api/v1/query", query=expression)
        if data["resultType"] != "vector":
            raise RuntimeError("%s: a %s, not a vector" % (expression, data["resultType"]))
        return [(sample["metric"], float(sample["value"][1])) for sample in data["result"]]

    def value(self, expression):
        """The value of an expression that has one series, or None when it has none."""
        result = self.query(expression)
        if len(result) > 1:
            raise RuntimeError("%s: %d series, not one: %s" % (expression, len(result), result))
        return result[0][1] if result else None


def wait(what, seconds, condition, interval=0.25):
    """Calls condition until it returns a true value, at most seconds (or until Prometheus has not answered for 5 s);
    fails naming what."""
    deadline = time.monotonic() + seconds
    last_error = None
    unreachable_since = None
    while True:
        try:
            result = condition()
            if result:
                return result
            unreachable_since = None
        except Unreachable as error:
            last_error = error
            unreachable_since = unreachable_since or time.monotonic()
            if time.monotonic() - unreachable_since >= 5:
                fail("%s (waiting for %s)" % (error, what))
        except RuntimeError as error:
            last_error = error
            unreachable_since = None
        if time.monotonic() >= deadline:
            fail("not seen within %.0f s: %s%s" % (seconds, what, " (%s)" % last_error if last_error else ""))
        time.sleep(interval)


def rule_names(files):
    """The alert and record names of each rule file, read without a YAML parser: the rules' '- alert:' and
    '- record:' lines."""
    names = {}
    for file in files:
        with open(file) as text:
            names[os.path.realpath(file)] = sorted(
                match.group(2) for match in re.finditer(r"^\s*-\s+(alert|record):\s*(\S+)\s*$", text.read(), re.M))
    return names


def check_rules(prometheus, files):
    expected = rule_names(files)

    def loaded():
        seen = {}
        unhealthy = []
        for group in prometheus.get("/api/v1/rules")["groups"]:
            for rule in group["rules"]:
                seen.setdefault(os.path.realpath(group["file"]), []).append(rule["name"])
                if rule.get("health") != "ok":
                    unhealthy.append("%s (%s%s)" % (rule["name"], rule.get("health"),
                                                    ": " + rule["lastError"] if rule.get("lastError") else ""))
        missing = {file: sorted(set(names) - set(seen.get(file, []))) for file, names in expected.items()}
        missing = {file: names for file, names in missing.items() if names}
        if missing or unhealthy:
            raise RuntimeError("missing %s, not healthy %s" % (missing, unhealthy))
        return seen

    seen = wait("every rule of %s loaded with health ok" % ", ".join(os.path.basename(f) for f in files), 20, loaded)
    for file in sorted(seen):
        log("rules loaded, health ok: %s (%d: %s)" % (os.path.basename(file), len(seen[file]), ", ".join(seen[file])))


def labels(**pairs):
    return "{" + ", ".join('%s="%s"' % pair for pair in sorted(pairs.items())) + "}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prometheus", required=True)
    parser.add_argument("--agent-pid", type=int, required=True)
    parser.add_argument("--hosts-file", required=True)
    parser.add_argument("--service-down-time", type=float, required=True)
    parser.add_argument("--timeout", type=float, default=30, help="seconds after the kill for everything to show")
    parser.add_argument("--still", type=float, default=5, help="seconds the heartbeat timestamp must stand still")
    parser.add_argument("rule_files", nargs="+")
    args = parser.parse_args()
    prometheus = Prometheus(args.prometheus)
    with open(args.hosts_file) as file:
        hosts = [host["host"] for host in json.load(file)["hosts"]]

    service_up = {h: "hyperstatus_service_up" + labels(job=API_JOB, host=h, binary="nova-compute") for h in hosts}
    agent_state = {h: "openstack_nova_agent_state" + labels(job=API_JOB, hostname=h, service="nova-compute")
                   for h in hosts}
    heartbeat = {h: "hyperstatus_service_last_heartbeat_timestamp_seconds"
                 + labels(job=API_JOB, host=h, binary="nova-compute") for h in hosts}
    went_down = "hyperstatus_events_total" + labels(job=API_JOB, kind="went_down")
    target_up = {job: "up" + labels(job=job) for job in (API_JOB, AGENT_JOB)}

    check_rules(prometheus, args.rule_files)

    # Everything up, within 45 s in all.
    started = time.monotonic()

    def left():
        return max(1, 45 - (time.monotonic() - started))

    for expression in target_up.values():
        wait("%s == 1" % expression, left(), lambda: prometheus.value(expression) == 1)
    for host in hosts:
        wait("%s == 1" % service_up[host], left(), lambda: prometheus.value(service_up[host]) == 1)
        wait("%s == 1" % agent_state[host], left(), lambda: prometheus.value(agent_state[host]) == 1)
    log("both targets up, every host's hyperstatus_service_up and openstack_nova_agent_state 1 (%.1f s)"
        % (time.monotonic() - started))

    # The heartbeat timestamps move.
    first = {}
    for host in hosts:
        first[host] = wait(heartbeat[host], 10, lambda: prometheus.value(heartbeat[host]))

    def moved_past(host):
        value = prometheus.value(heartbeat[host])
        return value if value is not None and value > first[host] else None

    for host in hosts:
        later = wait("%s moving past %.3f" % (heartbeat[host], first[host]), 15, lambda: moved_past(host))
        log("%s: heartbeat timestamp moved from %.3f to %.3f" % (host, first[host], later))

    went_down_before = prometheus.value(went_down)
    if went_down_before is None:
        fail("no %s before the kill (the counter starts at 0)" % went_down)
    alerts_before = prometheus.query(
        'ALERTS{alertname=~"HyperstatusComputeServiceDown|HyperstatusMetricsTargetDown"}')
    if alerts_before:
        fail("alerts active before the kill: %s" % alerts_before)

    # The agent dies.
    os.kill(args.agent_pid, signal.SIGKILL)
    killed = time.monotonic()
    killed_wall = time.time()
    log("agent (pid %d) SIGKILLed; %s was %g" % (args.agent_pid, went_down, went_down_before))

    checks = {}
    for host in hosts:
        checks["%s == 0" % service_up[host]] = lambda h=host: prometheus.value(service_up[h]) == 0
        checks["%s == 0" % agent_state[host]] = lambda h=host: prometheus.value(agent_state[h]) == 0
        checks["ALERTS{alertname=\"HyperstatusComputeServiceDown\", host=\"%s\"} pending" % host] = (
            lambda h=host: bool(prometheus.query(
                'ALERTS{alertname="HyperstatusComputeServiceDown", alertstate="pending", host="%s"}' % h)))
    checks["%s == 0" % target_up[AGENT_JOB]] = lambda: prometheus.value(target_up[AGENT_JOB]) == 0
    checks["%s grown by %d" % (went_down, len(hosts))] = (
        lambda: (prometheus.value(went_down) or 0) >= went_down_before + len(hosts))
    checks["ALERTS{alertname=\"HyperstatusMetricsTargetDown\", job=\"%s\"} pending" % AGENT_JOB] = (
        lambda: bool(prometheus.query(
            'ALERTS{alertname="HyperstatusMetricsTargetDown", alertstate="pending", job="%s"}' % AGENT_JOB)))

    # The heartbeat timestamps stand still: the value read now has not changed for --still seconds of this
    # checker's polling, and Prometheus's samples of the last --still seconds hold no change either.
    last_value = {}
    changed_at = {}

    def standing_still(host):
        value = prometheus.value(heartbeat[host])
        if value is None:
            raise RuntimeError("no %s" % heartbeat[host])
        if last_value.get(host) != value:
            last_value[host] = value
            changed_at[host] = time.monotonic()
        if time.monotonic() - changed_at[host] < args.still:
            return False
        if prometheus.value("changes(%s[%ds])" % (heartbeat[host], args.still)) != 0:
            return False
        return True

    for host in hosts:
        checks["%s unchanged for %g s" % (heartbeat[host], args.still)] = lambda h=host: standing_still(h)

    seen = {}
    errors = {}
    deadline = killed + args.timeout
    unreachable_since = None
    while len(seen) < len(checks) and time.monotonic() < deadline:
        for what, condition in checks.items():
            if what in seen:
                continue
            try:
                if condition():
                    seen[what] = time.monotonic() - killed
                    log("+%5.2f s  %s" % (seen[what], what))
                unreachable_since = None
            except Unreachable as error:
                unreachable_since = unreachable_since or time.monotonic()
                if time.monotonic() - unreachable_since >= 5:
                    fail("%s (after the kill; seen by then: %s)" % (error, ", ".join(seen) or "nothing"))
                break
            except RuntimeError as error:
                errors[what] = error
        time.sleep(0.25)
    missing = [what for what in checks if what not in seen]
    if missing:
        for what in missing:
            log("not seen within %g s of the SIGKILL: %s%s"
                % (args.timeout, what, " (last error: %s)" % errors[what] if what in errors else ""))
        for expression in sorted(set(service_up.values()) | set(agent_state.values()) | set(heartbeat.values())
                                 | {went_down, target_up[AGENT_JOB]}):
            try:
                log("now: %s = %s" % (expression, prometheus.value(expression)))
            except RuntimeError as error:
                log("now: %s: %s" % (expression, error))
        fail("%d of %d checks not seen after the kill" % (len(missing), len(checks)))

    # The hosts went down because their heartbeats stopped, not before: not earlier than service_down_time after
    # the last heartbeat (the database's clock, the same machine's).
    for host in hosts:
        last = last_value[host]
        now = prometheus.value(heartbeat[host])
        if now != last:
            fail("%s: the heartbeat timestamp moved again, from %.3f to %s" % (host, last, now))
        if last > killed_wall + 1:
            fail("%s: the last heartbeat %.3f is after the kill (%.3f)" % (host, last, killed_wall))
        down_at = killed_wall + seen["%s == 0" % service_up[host]]
        if down_at < last + args.service_down_time - 1:
            fail("%s: seen down %.2f s after its last heartbeat, before service_down_time (%g s)"
                 % (host, down_at - last, args.service_down_time))
        log("%s: last heartbeat %.2f s before the kill (still %.3f %.1f s after it), seen down %.2f s after it"
            " (service_down_time %g s)"
            % (host, killed_wall - last, last, time.monotonic() - killed, down_at - last, args.service_down_time))
    absent = prometheus.query('ALERTS{alertname="HyperstatusAgentMetricsAbsent"}')
    if absent:
        fail("HyperstatusAgentMetricsAbsent is active although the agent's target is known: %s" % absent)
    log("HyperstatusAgentMetricsAbsent quiet: the agent's target is known, only down")
    log("%s now %g (was %g)" % (went_down, prometheus.value(went_down), went_down_before))


if __name__ == "__main__":
    main()
