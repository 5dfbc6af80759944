#!/usr/bin/python3
"""Reads every message of a RabbitMQ queue of versioned notifications and checks them against the event log.

   faults/notifications-check.py --url amqp://guest:guest@127.0.0.1:PORT/%2F --events EVENTS.json [--save FILE]
   faults/notifications-check.py --messages FILE --events EVENTS.json      (checks messages saved before)

EVENTS.json is the service_events rows after the fault stage's starting id, oldest first (a JSON array of objects
with the table's column names). For each event there must be its message: a liveness event's (went_down,
came_up, zone_disrupted) by the event_id of its payload; Nova's service.create/update/delete by order per service
uuid, one message per request (a request's events share its request_id and give one service.update, carrying the
service after the last of them). Per service, the messages must arrive in the order of their events. A message sent
again keeps its message_id: such repeats are allowed, counted and printed. Exits 1 when an event has no message, a
message no event, a payload differs from its event, or a service's messages come out of order.

Needs pika (Debian's python3-pika, which /usr/bin/python3 has).
"""
import argparse
import collections
import json
import sys
import time

import pika

UPDATE_KINDS = {"enabled", "disabled", "reason_changed", "forced_down", "forced_up", "unchanged"}
NOVA_TYPES = {"created": "service.create", "deleted": "service.delete"}
NOVA_TYPES.update({kind: "service.update" for kind in UPDATE_KINDS})
LIVENESS_TYPES = {"went_down": "hyperstatus.service.down", "came_up": "hyperstatus.service.up",
                  "zone_disrupted": "hyperstatus.zone.disrupted"}
MAX_REPORTED = 10


def consume(url, queue, timeout):
    """Every message in the queue (acknowledged as read): a list of (properties, body) in delivery order."""
    connection = pika.BlockingConnection(pika.URLParameters(url))
    try:
        channel = connection.channel()
        waiting = channel.queue_declare(queue=queue, passive=True).method.message_count
        channel.basic_qos(prefetch_count=500)
        messages = []
        deadline = time.monotonic() + timeout
        for method, properties, body in channel.consume(queue, auto_ack=True, inactivity_timeout=1.0):
            if method is None:
                # Quiet for a second: done once the queue's count at the start has been read.
                if len(messages) >= waiting or time.monotonic() > deadline:
                    break
                continue
            messages.append((properties, body))
            if time.monotonic() > deadline:
                break
        channel.cancel()
        left = channel.queue_declare(queue=queue, passive=True).method.message_count
        return messages, waiting, left
    finally:
        connection.close()


def decode(properties, body):
    envelope = json.loads(body)
    if envelope.get("oslo.version") != "2.0" or not isinstance(envelope.get("oslo.message"), str):
        raise ValueError("not an oslo 2.0 envelope: %r" % body[:200])
    message = json.loads(envelope["oslo.message"])
    message["_delivery_mode"] = properties.delivery_mode
    return message


def state_of(event):
    """(disabled, disabled_reason, forced_down) after the event, as a service.update payload carries them."""
    return (event["status_after"] == "disabled", event["reason_after"], bool(event["forced_down_after"]))


def state_in(data):
    return (data.get("disabled"), data.get("disabled_reason"), data.get("forced_down"))


def nova_groups(events):
    """Per service uuid, its Nova notifications as the log implies them: a list of (event_type, events)."""
    groups = collections.defaultdict(list)
    last = None
    for event in events:
        kind = event["kind"]
        if kind not in NOVA_TYPES:
            last = None
            continue
        uuid = event["service_uuid"]
        if (last is not None and kind in UPDATE_KINDS and last[0] == uuid and last[1] in UPDATE_KINDS
                and event["request_id"] and last[2] == event["request_id"]):
            groups[uuid][-1][1].append(event)  # the same request's next change: the same service.update
        else:
            groups[uuid].append((NOVA_TYPES[kind], [event]))
        last = (uuid, kind, event["request_id"])
    return groups


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="the RabbitMQ to read the queue from")
    parser.add_argument("--messages", help="instead, the messages a --save wrote")
    parser.add_argument("--queue", default="versioned_notifications.info")
    parser.add_argument("--events", required=True)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--save", help="write the messages there, one JSON line each")
    args = parser.parse_args()

    with open(args.events) as f:
        events = json.load(f) or []
    by_id = {event["id"]: event for event in events}
    first_id = min(by_id) if by_id else None

    began = time.monotonic()
    if args.messages:
        with open(args.messages) as f:
            messages = [json.loads(line) for line in f if line.strip()]
        waiting, left = len(messages), 0
    elif args.url:
        raw, waiting, left = consume(args.url, args.queue, args.timeout)
        messages = [decode(properties, body) for properties, body in raw]
    else:
        parser.error("--url or --messages")
    consumed_in = time.monotonic() - began
    if args.save:
        with open(args.save, "w") as f:
            for message in messages:
                f.write(json.dumps(message) + "\n")

    problems = []

    def problem(text):
        problems.append(text)

    # Repeats: the same message_id again. Each one must be a byte-for-byte repeat of the first.
    unique, seen, duplicates = [], {}, 0
    for message in messages:
        key = message.get("message_id")
        if key in seen:
            duplicates += 1
            first = dict(seen[key])
            if first != message:
                problem("message %s repeated with a different content" % key)
            continue
        seen[key] = message
        unique.append(message)
    not_persistent = sum(1 for m in messages if m["_delivery_mode"] != 2)
    if not_persistent:
        problem("%d message(s) not persistent (delivery_mode 2)" % not_persistent)

    # Liveness notifications: by event_id. Nova's: per service, in arrival order.
    assigned = []  # (message index in unique, event id the message stands for, service uuid)
    liveness_seen = collections.Counter()
    nova_messages = collections.defaultdict(list)
    for index, message in enumerate(unique):
        event_type = message.get("event_type")
        data = (message.get("payload") or {}).get("nova_object.data") or {}
        if event_type in LIVENESS_TYPES.values():
            event_id = data.get("event_id")
            event = by_id.get(event_id)
            if event is None:
                problem("%s %s for event %s, which is not after the start (%s)"
                        % (event_type, message.get("message_id"), event_id, first_id))
                continue
            liveness_seen[event_id] += 1
            if liveness_seen[event_id] == 2:
                problem("event %s announced twice under different message_ids" % event_id)
            if LIVENESS_TYPES.get(event["kind"]) != event_type:
                problem("event %s is %s but its message is %s" % (event_id, event["kind"], event_type))
                continue
            if event["kind"] != "zone_disrupted":
                if (data.get("uuid"), data.get("host")) != (event["service_uuid"], event["host"]):
                    problem("event %s: message about %s/%s, event about %s/%s" % (
                        event_id, data.get("host"), data.get("uuid"), event["host"], event["service_uuid"]))
                if data.get("state") != event["state_after"] or state_in(data) != state_of(event):
                    problem("event %s (%s): payload state %s %s, event's after-state %s %s" % (
                        event_id, event["kind"], data.get("state"), state_in(data), event["state_after"],
                        state_of(event)))
            assigned.append((index, event_id, event["service_uuid"]))
        elif event_type in ("service.create", "service.update", "service.delete"):
            nova_messages[data.get("uuid")].append((index, message, data))
        else:
            problem("unexpected event_type %s (%s)" % (event_type, message.get("message_id")))

    missing_liveness = [e["id"] for e in events if e["kind"] in LIVENESS_TYPES and not liveness_seen[e["id"]]]
    for event_id in missing_liveness[:MAX_REPORTED]:
        event = by_id[event_id]
        problem("LOST: event %s (%s of %s) has no message" % (event_id, event["kind"], event["host"]))

    groups = nova_groups(events)
    missing_nova = 0
    extra_nova = 0
    for uuid in sorted(set(groups) | set(nova_messages)):
        expected = groups.get(uuid, [])
        got = nova_messages.get(uuid, [])
        host = (expected[0][1][0]["host"] if expected else got[0][2].get("host"))
        for position in range(max(len(expected), len(got))):
            if position >= len(got):
                missing_nova += len(expected) - position
                event_type, group = expected[position]
                problem("LOST: %s has %d %s message(s) fewer than its events imply, the first for events %s"
                        % (host, len(expected) - position, event_type, [e["id"] for e in group]))
                break
            if position >= len(expected):
                extra_nova += len(got) - position
                problem("%s has %d message(s) more than its events imply, the first %s %s"
                        % (host, len(got) - position, got[position][1].get("event_type"),
                           got[position][1].get("message_id")))
                break
            event_type, group = expected[position]
            index, message, data = got[position]
            want = state_of(group[-1])
            if message.get("event_type") != event_type or (event_type != "service.delete"
                                                           and state_in(data) != want):
                problem("LOST or out of order: %s: message %d is %s %s, but events %s (%s) imply %s %s"
                        % (host, position + 1, message.get("event_type"), state_in(data),
                           [e["id"] for e in group], ",".join(e["kind"] for e in group), event_type, want))
                missing_nova += 1
                break
            assigned.append((index, group[-1]["id"], uuid))

    # Order: per service, the messages (first copies) in the order of their events.
    per_service = collections.defaultdict(list)
    for index, event_id, uuid in sorted(assigned):
        per_service[uuid].append(event_id)
    out_of_order = 0
    for uuid, ids in per_service.items():
        for a, b in zip(ids, ids[1:]):
            if b <= a:
                out_of_order += 1
                if out_of_order <= MAX_REPORTED:
                    problem("service %s: the message of event %s arrived after that of event %s" % (uuid, b, a))
    overall = [event_id for _, event_id, _ in sorted(assigned)]
    overall_inversions = sum(1 for a, b in zip(overall, overall[1:]) if b <= a)

    expected_total = sum(len(g) for g in groups.values()) + sum(1 for e in events if e["kind"] in LIVENESS_TYPES)
    kinds = collections.Counter(e["kind"] for e in events)
    types = collections.Counter(m.get("event_type") for m in unique)
    merged = sum(len(group) - 1 for g in groups.values() for _, group in g)
    print("notifications: %d events after the start (%s); %d notifications expected (%d events merged into "
          "their request's service.update)" % (len(events), ", ".join("%s %d" % kv for kv in sorted(kinds.items())),
                                               expected_total, merged))
    print("notifications: %d messages read in %.1f s (%d in the queue, %d left); %d distinct (%s), %d duplicates "
          "(same message_id); %d lost; %d unexpected; %d out of order per service (%d across services)"
          % (len(messages), consumed_in, waiting, left, len(unique),
             ", ".join("%s %d" % kv for kv in sorted(types.items())), duplicates,
             len(missing_liveness) + missing_nova, extra_nova, out_of_order, overall_inversions))
    if duplicates:
        # The repeats come in runs (a batch sent again): each run's length and the events it repeats.
        event_of = {unique[index].get("message_id"): event_id for index, event_id, _ in assigned}
        runs, seen_ids, previous = [], set(), False
        for message in messages:
            key = message.get("message_id")
            repeat = key in seen_ids
            seen_ids.add(key)
            if repeat:
                if not previous:
                    runs.append([])
                runs[-1].append(event_of.get(key, -1))
            previous = repeat
        print("notifications: the duplicates come in %d run(s): %s" % (len(runs), "; ".join(
            "%d message(s), events %d to %d" % (len(run), min(run), max(run)) for run in runs)))
    for text in problems[:4 * MAX_REPORTED]:
        print("notifications: PROBLEM: " + text, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
