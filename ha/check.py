#!/usr/bin/python3
"""Checks one phase of the high-availability stage: the load's answers against what the database holds afterwards.

   ha/check.py --load DIR --events EVENTS.json --services SERVICES.json --aggregates AGGREGATES.json
               --faults FAULTS.txt --hosts N [--error-window SECONDS] [--load-began-event ID]

DIR holds ha/load.py's answers; EVENTS.json the service_events rows written since the phase began (a JSON array of
objects with the table's columns); SERVICES.json and AGGREGATES.json the API's os-services and os-aggregates
answers at the end; FAULTS.txt one line per fault: its name, the epoch seconds it began, ended (the part started
again) and the cluster was whole again. It fails (exit 1) when:
  - an admin change answered 2xx has no event with its request id, or one that does not match what was asked;
  - an aggregate answered 2xx is not listed, or a name or a service is listed twice, or a host is missing;
  - any call was answered 500 (or another answer than 2xx, 502, 503, 504 or none);
  - a listing answered 200 shows a host down (the agents heartbeat throughout), or the detector recorded one after
    the load began (--load-began-event: the newest event's id then);
  - the calls failed for longer in a row than --error-window seconds.
It prints, per fault, how many calls failed and for how long.
"""
import argparse
import collections
import glob
import json
import os
import sys

TOLERATED = {0, 502, 503, 504}
UPDATE_KINDS = {"enabled", "disabled", "reason_changed", "unchanged"}


def read_lines(path):
    with open(path, encoding="utf-8") as source:
        return [json.loads(line) for line in source if line.strip()]


def failure_runs(answers):
    """The runs of failed calls in a row of one client: (first failure's time, next success's time, count)."""
    runs = []
    began, count = None, 0
    for answer in sorted(answers, key=lambda a: a["at"]):
        ok = 200 <= answer["status"] < 300
        if not ok:
            if began is None:
                began = answer["at"]
            count += 1
        elif began is not None:
            runs.append((began, answer["at"], count))
            began, count = None, 0
    if began is not None:
        runs.append((began, float("inf"), count))
    return runs


def failure_codes(clients, began, ended):
    """The failed answers asked between two times, counted by status."""
    return collections.Counter(answer["status"] for answers in clients.values() for answer in answers
                               if began <= answer["at"] <= ended and not 200 <= answer["status"] < 300)


def describe(codes):
    """Counts by status, "none" standing for no answer."""
    return ", ".join("%s: %d" % (code or "none", n) for code, n in sorted(codes.items())) or "none"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--load", required=True)
    parser.add_argument("--events", required=True)
    parser.add_argument("--services", required=True)
    parser.add_argument("--aggregates", required=True)
    parser.add_argument("--faults", required=True)
    parser.add_argument("--hosts", type=int, required=True)
    parser.add_argument("--error-window", type=float, default=30)
    parser.add_argument("--label", default="phase")
    parser.add_argument("--listers", type=int, default=4)
    parser.add_argument("--load-began-event", type=int, default=0,
                        help="the newest event when the load began: a went_down before it is the start-up's")
    args = parser.parse_args()
    problems = []

    def problem(text):
        problems.append(text)

    clients = {os.path.basename(path)[:-len(".jsonl")]: read_lines(path)
               for path in sorted(glob.glob(os.path.join(args.load, "*.jsonl")))}
    with open(args.events, encoding="utf-8") as source:
        events = json.load(source) or []
    with open(args.services, encoding="utf-8") as source:
        services = json.load(source).get("services", [])
    with open(args.aggregates, encoding="utf-8") as source:
        aggregates = json.load(source).get("aggregates", [])
    faults = []
    with open(args.faults, encoding="utf-8") as source:
        for line in source:
            if line.strip():
                name, began, ended, whole = line.split()
                faults.append((name, float(began), float(ended), float(whole)))

    # The load ran: every client answered, changes went through, and calls were made during every fault.
    listers = [name for name in clients if name.startswith("list-")]
    if len(listers) < args.listers or any(not clients[name] for name in listers):
        problem("%d listing clients answered, %d expected" % (sum(1 for n in listers if clients[n]), args.listers))
    if sum(1 for c in clients.get("changes", []) if 200 <= c["status"] < 300) < 10:
        problem("fewer than 10 admin changes were answered 2xx: the load did not run")
    for name, began, _, whole in faults:
        if not any(began <= a["at"] <= whole for answers in clients.values() for a in answers):
            problem("no call was made during %s" % name)

    # Admin changes answered 2xx: each in the log, with what was asked.
    by_request = collections.defaultdict(list)
    for event in events:
        if event.get("request_id"):
            by_request[event["request_id"]].append(event)
    changes = clients.get("changes", [])
    answered = [c for c in changes if 200 <= c["status"] < 300]
    service_changes = [c for c in answered if c["what"] == "service"]
    missing = 0
    for change in service_changes:
        logged = [e for e in by_request.get(change["request_id"], []) if e["kind"] in UPDATE_KINDS]
        if len(logged) != 1 or logged[0]["host"] != change["host"] \
                or logged[0]["status_after"] != change["asked"]["status"] \
                or ("disabled_reason" in change["asked"]
                    and logged[0]["reason_after"] != change["asked"]["disabled_reason"]):
            missing += 1
            if missing <= 5:
                problem("change %s on %s (%s) is logged as %s" % (change["request_id"], change["host"],
                                                                   change["asked"], logged))
    if missing:
        problem("%d of %d admin changes answered 2xx are not in the event log as answered"
                % (missing, len(service_changes)))
    listed = collections.Counter(a["name"] for a in aggregates)
    created = [c["name"] for c in answered if c["what"] == "aggregate"]
    lost = [name for name in created if name not in listed]
    if lost:
        problem("%d aggregates answered 2xx are not listed: %s" % (len(lost), lost[:5]))
    twice = [name for name, count in listed.items() if count > 1]
    if twice:
        problem("aggregates listed twice: %s" % twice[:5])
    hosts = collections.Counter(s["host"] for s in services)
    if [h for h, count in hosts.items() if count > 1]:
        problem("services listed twice: %s" % [h for h, count in hosts.items() if count > 1][:5])
    if len(hosts) != args.hosts:
        problem("%d compute services listed, %d expected" % (len(hosts), args.hosts))

    # Answers: never a 500; down hosts never; failures in a row bounded.
    codes = collections.Counter()
    down_listings = 0
    for name, answers in clients.items():
        for answer in answers:
            codes[answer["status"]] += 1
            if answer["status"] not in TOLERATED and not 200 <= answer["status"] < 300:
                if sum(1 for p in problems if "answered" in p and "HTTP" in p) < 5:
                    problem("%s answered HTTP %d at %.2f" % (name, answer["status"], answer["at"]))
            if answer.get("down_count") and answer["status"] == 200:
                down_listings += 1
                if down_listings <= 3:
                    problem("%s listed %d hosts not up at %.2f: %s" % (name, answer["down_count"], answer["at"],
                                                                     answer["down"][:5]))
    if down_listings:
        problem("%d listings showed hosts not up" % down_listings)
    went_down = [e for e in events if e["kind"] == "went_down" and e["id"] > args.load_began_event]
    at_start = sum(1 for e in events if e["kind"] == "went_down" and e["id"] <= args.load_began_event)
    if at_start:
        print("ha: %s: %d went_down before the load began (the agents' start-up), not counted" % (args.label, at_start))
    if went_down:
        problem("the detector recorded %d went_down: %s" % (len(went_down), [e["host"] for e in went_down][:5]))

    runs = {name: failure_runs(answers) for name, answers in clients.items()}
    longest = max((end - began for client in runs.values() for began, end, _ in client), default=0.0)
    if longest > args.error_window:
        problem("calls failed for %.1f s in a row (bound %.0f s)" % (longest, args.error_window))
    faults.sort(key=lambda fault: fault[1])
    for index, (name, began, ended, whole) in enumerate(faults):
        # A fault's failures: from just before it until a little after the cluster was whole, or the next fault.
        until = whole + 5 if index + 1 == len(faults) else min(whole + 5, faults[index + 1][1] - 1)
        spans = [e - b for client in runs.values() for b, e, _ in client if began - 1 <= b <= until]
        fault_codes = failure_codes(clients, began - 1, until)
        print("ha: %s: %s: %d calls failed (%s), the longest run %.1f s; the fault lasted %.1f s, whole again %.1f s"
              " after its end" % (args.label, name, sum(fault_codes.values()), describe(fault_codes),
                                  max(spans, default=0.0),
                                 ended - began, whole - ended))
    total = sum(codes.values())
    print("ha: %s: %d calls (%s); %d admin changes and %d aggregates answered 2xx, %d of them not in the database"
          " or the log; %d events logged; the longest run of failures %.1f s"
          % (args.label, total, describe(codes), len(service_changes), len(created), missing + len(lost),
             len(events), longest))
    for text in problems:
        print("ha: %s: FAILED: %s" % (args.label, text))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
