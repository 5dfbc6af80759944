#!/usr/bin/python3
"""Print the notifications on an oslo.messaging notification bus, one JSON line each, as an operator's consumer.

  listen.py --url rabbit://guest:guest@127.0.0.1:5672/VHOST [--exchange nova] [--topic versioned_notifications]
            [--pool NAME] [--priorities info,warn,error] [--count N] [--timeout S]

Each notification is printed on stdout, flushed, as
  {"ctxt": ..., "publisher_id": ..., "event_type": ..., "payload": ..., "metadata": ...}
"ready" is printed on stderr once the listener has started.

Without --pool the listener consumes the queue oslo.messaging names after the topic and priority
(versioned_notifications.info), which Nova's notifier declares too, so it shares (and takes) those messages; with
--pool NAME it consumes its own queue NAME bound to the same routing keys, so every pool gets its own copy.

Exit status: 0 after --count messages (or, without --count, when interrupted or at --timeout after at least one
message); 1 when --timeout seconds pass before --count messages (or before any message without --count).
"""

import argparse
import json
import sys
import threading

from oslo_config import cfg
import oslo_messaging

PRIORITIES = ('audit', 'debug', 'info', 'warn', 'error', 'critical', 'sample')


class Printer(object):
    """Prints each notification and counts them."""

    def __init__(self, count):
        self.count = count
        self.seen = 0
        self.lock = threading.Lock()
        self.done = threading.Event()

    def handle(self, ctxt, publisher_id, event_type, payload, metadata):
        line = json.dumps({'ctxt': ctxt, 'publisher_id': publisher_id, 'event_type': event_type,
                           'payload': payload, 'metadata': metadata})
        with self.lock:
            if self.count is not None and self.seen >= self.count:
                # Already have what was asked for: leave the message on the queue for someone else.
                return oslo_messaging.NotificationResult.REQUEUE
            sys.stdout.write(line + '\n')
            sys.stdout.flush()
            self.seen += 1
            if self.count is not None and self.seen >= self.count:
                self.done.set()
        return oslo_messaging.NotificationResult.HANDLED


def endpoint_for(printer, priorities):
    """An endpoint with one method per priority listened to (oslo.messaging subscribes to exactly those)."""
    def method(self, ctxt, publisher_id, event_type, payload, metadata):
        return printer.handle(ctxt, publisher_id, event_type, payload, metadata)
    cls = type('NotificationEndpoint', (object,), {p: method for p in priorities})
    return cls()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--url', required=True, help='transport URL, e.g. rabbit://guest:guest@127.0.0.1:5672/')
    p.add_argument('--topic', default='versioned_notifications',
                   help='notification topic (default: %(default)s; Nova\'s legacy ones: notifications)')
    p.add_argument('--exchange', default='nova', help='control exchange (default: %(default)s)')
    p.add_argument('--pool', default=None, help='listener pool: a queue of its own named NAME')
    p.add_argument('--priorities', default='info,warn,error',
                   help='comma-separated priorities to listen to (default: %%(default)s; any of %s)'
                   % ','.join(PRIORITIES))
    p.add_argument('--count', type=int, default=None, help='exit after N messages')
    p.add_argument('--timeout', type=float, default=None, help='give up after S seconds (exit status 1)')
    args = p.parse_args()

    priorities = [x.strip() for x in args.priorities.split(',') if x.strip()]
    unknown = [x for x in priorities if x not in PRIORITIES]
    if unknown or not priorities:
        p.error('unknown priorities: %s' % ','.join(unknown) if unknown else 'no priorities')
    if args.count is not None and args.count < 1:
        p.error('--count must be at least 1')

    conf = cfg.CONF
    conf(args=[], project='hyperstatus-listen', default_config_files=[])
    transport = oslo_messaging.get_notification_transport(conf, url=args.url)
    targets = [oslo_messaging.Target(exchange=args.exchange, topic=args.topic)]
    printer = Printer(args.count)
    listener = oslo_messaging.get_notification_listener(
        transport, targets, [endpoint_for(printer, priorities)], executor='threading', pool=args.pool,
        allow_requeue=True)
    listener.start()
    print('ready', file=sys.stderr, flush=True)

    status = 0
    try:
        finished = printer.done.wait(args.timeout)
        if not finished:
            if args.count is not None or printer.seen == 0:
                print('timeout: %d of %s messages after %ss' % (printer.seen, args.count or 'at least 1',
                                                              args.timeout), file=sys.stderr, flush=True)
                status = 1
    except KeyboardInterrupt:
        if args.count is not None and printer.seen < args.count:
            status = 1
    finally:
        listener.stop()
        listener.wait()
        transport.cleanup()
    return status


if __name__ == '__main__':
    sys.exit(main())
