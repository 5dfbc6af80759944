#!/usr/bin/python3
"""Compares what an oslo.messaging listener received from hyperstatus with what it received from Nova 26.

  check.py RECEIVED.jsonl NOVA.jsonl

For each of Nova's event types (service.create, service.update, service.delete) hyperstatus sent, the message must
have the same shape as Nova's: the same context keys, metadata keys, publisher form, payload object (name,
namespace, version) and payload fields in the same order, each of the same JSON type and, for times, the same
format. hyperstatus's own (hyperstatus.service.down / up) must carry the same fields plus their own, in their own
namespace. Exits 1 naming every difference.
"""
import json
import re
import sys

NOVA_TYPES = ("service.create", "service.update", "service.delete")
PAYLOAD_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
MESSAGE_TIME = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$")
CONTEXT_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$")


def load(path):
    with open(path) as lines:
        return [json.loads(line) for line in lines if line.strip()]


def kind(value, key=""):
    if value is None:
        return "null"
    if isinstance(value, str):
        if key.endswith("last_seen_up") or key.endswith("_at") or key == "last_heartbeat":
            return "payload time" if PAYLOAD_TIME.match(value) else "string"
        return "string"
    return type(value).__name__


def compare(name, ours, nova, problems):
    if list(ours["ctxt"]) != list(nova["ctxt"]):
        problems.append(f"{name}: context keys {list(ours['ctxt'])} != Nova's {list(nova['ctxt'])}")
    if list(ours["metadata"]) != list(nova["metadata"]):
        problems.append(f"{name}: metadata keys differ")
    if not MESSAGE_TIME.match(ours["metadata"]["timestamp"]):
        problems.append(f"{name}: timestamp {ours['metadata']['timestamp']!r} is not Nova's format")
    if not CONTEXT_TIME.match(ours["ctxt"]["timestamp"]):
        problems.append(f"{name}: context timestamp {ours['ctxt']['timestamp']!r} is not Nova's format")
    if ours["publisher_id"].split(":")[0] != nova["publisher_id"].split(":")[0]:
        problems.append(f"{name}: publisher {ours['publisher_id']} is not of Nova's form {nova['publisher_id']}")
    for key in ("nova_object.name", "nova_object.namespace", "nova_object.version"):
        if ours["payload"][key] != nova["payload"][key]:
            problems.append(f"{name}: payload {key} {ours['payload'][key]!r} != {nova['payload'][key]!r}")
    our_data, nova_data = ours["payload"]["nova_object.data"], nova["payload"]["nova_object.data"]
    if list(our_data) != list(nova_data):
        problems.append(f"{name}: payload fields {list(our_data)} != Nova's {list(nova_data)}")
    for key, value in nova_data.items():
        if key in our_data and None not in (value, our_data[key]) and kind(our_data[key], key) != kind(value, key):
            problems.append(f"{name}: {key} is {kind(our_data[key], key)}, Nova's {kind(value, key)}")


def main(received_path, nova_path):
    received, nova = load(received_path), load(nova_path)
    problems = []
    seen = {}
    for message in received:
        seen.setdefault(message["event_type"], []).append(message)
    nova_by_type = {}
    for message in nova:
        nova_by_type.setdefault(message["event_type"], message)
    for event_type in NOVA_TYPES:
        if event_type not in seen:
            problems.append(f"no {event_type} received")
            continue
        for i, message in enumerate(seen[event_type]):
            compare(f"{event_type} #{i + 1}", message, nova_by_type[event_type], problems)
    updates = seen.get("service.update", [])
    expected = [(True, "rack 12 power", False), (False, None, False), (False, None, True), (False, None, False)]
    got = [(u["payload"]["nova_object.data"]["disabled"], u["payload"]["nova_object.data"]["disabled_reason"],
            u["payload"]["nova_object.data"]["forced_down"]) for u in updates]
    if got != expected:
        problems.append(f"service.update (disabled, reason, forced_down) in order {got}, expected {expected}")
    nova_fields = list(nova_by_type["service.update"]["payload"]["nova_object.data"])
    for event_type, state in (("hyperstatus.service.down", "down"), ("hyperstatus.service.up", "up")):
        for message in seen.get(event_type, []):
            payload = message["payload"]
            data = payload["nova_object.data"]
            if payload["nova_object.namespace"] != "hyperstatus" or payload["nova_object.version"] != "1.0":
                problems.append(f"{event_type}: not a hyperstatus 1.0 object")
            if list(data)[:len(nova_fields)] != nova_fields:
                problems.append(f"{event_type}: does not start with ServiceStatusPayload's fields")
            if data.get("state") != state:
                problems.append(f"{event_type}: state {data.get('state')!r}")
    for message in received:
        print(f"{message['metadata']['timestamp']}  {message['publisher_id']:28} {message['event_type']}")
    if problems:
        print("\n".join("DIFFERENT: " + p for p in problems), file=sys.stderr)
        return 1
    print(f"{len(received)} messages, each of the shape Nova sends (or hyperstatus's own)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
