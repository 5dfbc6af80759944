#!/usr/bin/python3
"""Record the service notifications real Nova sends, byte for byte, as RabbitMQ delivers them.

Nova's own code does the work: nova.config.parse_args() (which sets the control exchange to "nova" as every Nova
service does), nova.rpc.init(CONF), nova.objects.register_all(), a Nova database (SQLite, schema by Nova's own
migrations), and the code paths of a nova-compute service and of the os-services API:

  create       nova.service._create_service_ref()        what nova-compute does on its first start
  heartbeat    nova.servicegroup.drivers.db.DbDriver._report_state()   report_count + 1, the database sets
               last_seen_up = utcnow(); sends nothing (checked)
  disable / enable / force-down / disable-escaping
               Service.get_by_uuid() then the field changes the PUT /os-services/{uuid} handler (microversion
               >= 2.53) makes, then Service.save(), as HostAPI.service_update() does (its placement-trait RPC to the
               compute host is left out: it is not a notification and would declare RPC queues)
  delete       Service.get_by_uuid() then Service.destroy()
  create (compute-startup)   a second host created with nova.context.get_admin_context(), the context nova-compute
               really uses at start

The clock (oslo_utils.timeutils, which Nova, the database layer and oslo.messaging read) is pinned for each step so
that times with and without microseconds both occur; everything else is Nova's and oslo.messaging's.

Every message is taken RAW from RabbitMQ with pika (basic_get on the queue oslo.messaging declares), with its
exchange, routing key, every AMQP property and the exact body bytes.

Usage (as root, RabbitMQ on 127.0.0.1:5672 with guest/guest; only vhosts named record-* are used, and deleted):

  conformance/notifications/record-nova.py                 record everything into
                                                           hyperstatus-notifications/src/test/resources/nova/
  conformance/notifications/record-nova.py --out DIR       ... into DIR
  conformance/notifications/record-nova.py --emit --vhost record-x [--driver messaging] [--format both]
        [--durable] [--quorum]
                                                           only run Nova's steps against an existing vhost (for
                                                           a listener such as listen.py); steps are printed as JSON
                                                           lines on stdout
"""

import argparse
import base64
import collections
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(ROOT, 'hyperstatus-notifications', 'src', 'test', 'resources', 'nova')
PYTHON = '/usr/bin/python3'

AMQP_HOST = '127.0.0.1'
AMQP_PORT = 5672
AMQP_USER = 'guest'
AMQP_PASSWORD = 'guest'

REQUEST_ID = 'req-6f1c2a0e-3b7d-4c58-9e21-8a4d5b6c7d8e'
ESCAPING_REASON = 'rack "12" \\ power \u2013 caf\u00e9 \u2713 <&> \t/'

# (step, UTC clock for the step, expected event_type or None, fixture name suffix)
STEPS = [
    ('create', datetime.datetime(2024, 5, 14, 9, 30, 0, 123456), 'service.create', 'service-create'),
    ('heartbeat', datetime.datetime(2024, 5, 14, 9, 30, 10, 654321), None, None),
    ('disable', datetime.datetime(2024, 5, 14, 9, 30, 15, 250000), 'service.update', 'service-update-disable'),
    ('heartbeat', datetime.datetime(2024, 5, 14, 9, 31, 0, 0), None, None),
    ('enable', datetime.datetime(2024, 5, 14, 9, 31, 5, 0), 'service.update', 'service-update-enable'),
    ('force-down', datetime.datetime(2024, 5, 14, 9, 31, 30, 500000), 'service.update',
     'service-update-force-down'),
    ('disable-escaping', datetime.datetime(2024, 5, 14, 9, 31, 45, 1), 'service.update',
     'service-update-disable-escaping'),
    ('delete', datetime.datetime(2024, 5, 14, 9, 32, 0, 750000), 'service.delete', 'service-delete'),
    ('create-compute-startup', datetime.datetime(2024, 5, 14, 9, 33, 0, 0), 'service.create',
     'service-create-compute-startup'),
]
# Sent only where notification_format is unversioned/both, through Nova's legacy notifier, to prove that the
# observation (RabbitMQ's firehose) would have seen a legacy message: it is not a Nova service notification.
CONTROL_EVENT = 'record.control'


def log(msg):
    print('record-nova: %s' % msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------------------------------
# Child: run Nova's code against one vhost.
# --------------------------------------------------------------------------------------------------------------------

def nova_conf_text(vhost, driver, fmt, durable, quorum, dbdir):
    lines = [
        '[DEFAULT]',
        'transport_url = rabbit://%s:%s@%s:%d/%s' % (AMQP_USER, AMQP_PASSWORD, AMQP_HOST, AMQP_PORT, vhost),
        'host = record-nova',
        '',
        '[oslo_messaging_notifications]',
        'driver = %s' % driver,
        '',
        '[notifications]',
        'notification_format = %s' % fmt,
        '',
        '[database]',
        'connection = sqlite:///%s' % os.path.join(dbdir, 'nova.sqlite'),
        '',
        '[api_database]',
        'connection = sqlite:///%s' % os.path.join(dbdir, 'nova_api.sqlite'),
        '',
        '[oslo_messaging_rabbit]',
        'amqp_durable_queues = %s' % ('true' if durable else 'false'),
        'rabbit_quorum_queue = %s' % ('true' if quorum else 'false'),
        '',
    ]
    return '\n'.join(lines)


def emit(args):
    from oslo_utils import timeutils

    workdir = tempfile.mkdtemp(prefix='record-nova.')
    conf_path = os.path.join(workdir, 'nova.conf')
    with open(conf_path, 'w') as f:
        f.write(nova_conf_text(args.vhost, args.driver, args.format, args.durable, args.quorum, workdir))

    import nova.conf
    from nova import config
    from nova import context as nova_context
    from nova.db import migration
    from nova import objects
    from nova import rpc
    from nova import service as nova_service
    from nova.servicegroup.drivers import db as sg_db

    CONF = nova.conf.CONF
    # As every Nova service starts: the library defaults (control_exchange = nova), the config file, the database.
    config.parse_args(['nova-record', '--config-file', conf_path], configure_db=True, init_rpc=False)
    rpc.init(CONF)
    objects.register_all()
    migration.db_sync(database='main')

    def out(step, clock, **extra):
        rec = collections.OrderedDict(step=step, clock=str(clock))
        rec.update(extra)
        print(json.dumps(rec), flush=True)

    ctx = None
    uuid = None
    compute = None

    class ComputeService(object):
        """What _create_service_ref() and _report_state() read of a nova.service.Service."""
        def __init__(self, host):
            self.host = host
            self.binary = 'nova-compute'
            self.topic = 'compute'  # nova.compute.rpcapi.RPC_TOPIC
            self.service_ref = None

    for step, clock, _event, _name in STEPS:
        timeutils.set_time_override(clock)
        if ctx is None:
            ctx = nova_context.RequestContext(user_id='admin', project_id='admin', roles=['admin'],
                                              request_id=REQUEST_ID)
        if step == 'create':
            compute = ComputeService('compute-01')
            compute.service_ref = nova_service._create_service_ref(compute, ctx)
            uuid = compute.service_ref.uuid
            out(step, clock, uuid=uuid)
        elif step == 'heartbeat':
            sg_db.DbDriver()._report_state(compute)
            out(step, clock, report_count=compute.service_ref.report_count,
                last_seen_up=str(compute.service_ref.last_seen_up))
        elif step in ('disable', 'enable', 'force-down', 'disable-escaping'):
            service = objects.Service.get_by_uuid(ctx, uuid)
            if step == 'disable':
                service.disabled = True
                service.disabled_reason = 'rack 12 power'
            elif step == 'disable-escaping':
                service.disabled = True
                service.disabled_reason = ESCAPING_REASON
            elif step == 'enable':
                service.disabled = False
                service.disabled_reason = None
            else:
                service.forced_down = True
            service.save()
            out(step, clock, uuid=uuid)
        elif step == 'delete':
            service = objects.Service.get_by_uuid(ctx, uuid)
            service.destroy()
            out(step, clock, uuid=uuid)
        elif step == 'create-compute-startup':
            admin_ctx = nova_context.get_admin_context()
            other = ComputeService('compute-02')
            other.service_ref = nova_service._create_service_ref(other, admin_ctx)
            out(step, clock, uuid=other.service_ref.uuid, request_id=admin_ctx.request_id)
    if args.format in ('unversioned', 'both'):
        clock = datetime.datetime(2024, 5, 14, 9, 34, 0, 0)
        timeutils.set_time_override(clock)
        rpc.LEGACY_NOTIFIER.prepare(publisher_id='record.control').info(ctx, CONTROL_EVENT, {'control': True})
        out('control', clock, event_type=CONTROL_EVENT)
    timeutils.clear_time_override()
    rpc.cleanup()
    shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------------------------------------------------
# Parent: vhosts, RabbitMQ's view, raw capture.
# --------------------------------------------------------------------------------------------------------------------

def rabbitmqctl(*args, check=True):
    proc = subprocess.run(['rabbitmqctl', '-q'] + list(args), capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError('rabbitmqctl %s failed: %s%s' % (' '.join(args), proc.stdout, proc.stderr))
    return proc.stdout


def rabbitmqctl_json(*args):
    text = rabbitmqctl(*(list(args) + ['--formatter', 'json']))
    return json.loads(text) if text.strip() else []


def create_vhost(vhost):
    assert vhost.startswith('record-'), vhost
    delete_vhost(vhost)
    rabbitmqctl('add_vhost', vhost)
    rabbitmqctl('set_permissions', '-p', vhost, AMQP_USER, '.*', '.*', '.*')


def delete_vhost(vhost):
    assert vhost.startswith('record-'), vhost
    names = [v['name'] for v in rabbitmqctl_json('list_vhosts', 'name')]
    if vhost in names:
        rabbitmqctl('delete_vhost', vhost)


def declarations(vhost):
    exchanges = rabbitmqctl_json('list_exchanges', '-p', vhost, 'name', 'type', 'durable', 'auto_delete',
                                 'internal', 'arguments')
    queues = rabbitmqctl_json('list_queues', '-p', vhost, 'name', 'type', 'durable', 'auto_delete', 'exclusive',
                              'arguments')
    bindings = rabbitmqctl_json('list_bindings', '-p', vhost, 'source_name', 'source_kind', 'destination_name',
                                'destination_kind', 'routing_key', 'arguments')
    return collections.OrderedDict([
        # RabbitMQ's own exchanges (the default "" and amq.*) exist in every vhost: left out
        ('exchanges', [e for e in exchanges if e['name'] and not e['name'].startswith('amq.')]),
        ('queues', [q for q in queues if not q['name'].startswith('record-')]),
        ('bindings', [b for b in bindings if not b['destination_name'].startswith('record-')]),
    ])


def pika_connection(vhost):
    import pika
    params = pika.ConnectionParameters(host=AMQP_HOST, port=AMQP_PORT, virtual_host=vhost,
                                       credentials=pika.PlainCredentials(AMQP_USER, AMQP_PASSWORD))
    return pika.BlockingConnection(params)


PROPERTY_NAMES = ['content_type', 'content_encoding', 'headers', 'delivery_mode', 'priority', 'correlation_id',
                  'reply_to', 'expiration', 'message_id', 'timestamp', 'type', 'user_id', 'app_id', 'cluster_id']


def jsonable(value):
    if isinstance(value, bytes):
        return {'bytes_base64': base64.b64encode(value).decode('ascii')}
    if isinstance(value, dict):
        return collections.OrderedDict((k, jsonable(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime.datetime):
        return str(value)
    return value


def raw_message(method, props, body):
    properties = collections.OrderedDict((name, jsonable(getattr(props, name))) for name in PROPERTY_NAMES)
    return collections.OrderedDict([
        ('exchange', method.exchange),
        ('routing_key', method.routing_key),
        ('properties', properties),
        ('body', body.decode('utf-8')),
        ('body_base64', base64.b64encode(body).decode('ascii')),
        ('absent_properties', [n for n in PROPERTY_NAMES if getattr(props, n) is None]),
        ('redelivered', method.redelivered),
    ])


def drain(vhost, queue):
    conn = pika_connection(vhost)
    try:
        ch = conn.channel()
        got = []
        while True:
            method, props, body = ch.basic_get(queue=queue, auto_ack=True)
            if method is None:
                return got
            got.append((method, props, body))
    finally:
        conn.close()


def decode_body(body_text, driver):
    outer = json.loads(body_text, object_pairs_hook=collections.OrderedDict)
    if 'oslo.message' in outer:
        return outer, json.loads(outer['oslo.message'], object_pairs_hook=collections.OrderedDict)
    return outer, outer


TRACE_QUEUE = 'record-firehose'


def start_trace(vhost):
    rabbitmqctl('trace_on', '-p', vhost)
    conn = pika_connection(vhost)
    try:
        ch = conn.channel()
        ch.queue_declare(queue=TRACE_QUEUE, durable=False, auto_delete=False)
        # every message published to any exchange of the vhost
        ch.queue_bind(queue=TRACE_QUEUE, exchange='amq.rabbitmq.trace', routing_key='publish.#')
    finally:
        conn.close()


def stop_trace(vhost):
    rabbitmqctl('trace_off', '-p', vhost)
    out = []
    for method, props, body in drain(vhost, TRACE_QUEUE):
        headers = props.headers or {}
        out.append(collections.OrderedDict([
            ('trace_routing_key', method.routing_key),
            ('exchange_name', headers.get('exchange_name')),
            ('routing_keys', headers.get('routing_keys')),
            ('routed_queues', headers.get('routed_queues')),
            # the properties as published (a delivery can add some, e.g. a quorum queue's x-delivery-count)
            ('properties', jsonable(headers.get('properties'))),
            ('body', body.decode('utf-8')),
        ]))
    return out


def run_emitter(vhost, driver, fmt, durable=False, quorum=False):
    cmd = [PYTHON, os.path.abspath(__file__), '--emit', '--vhost', vhost, '--driver', driver, '--format', fmt]
    if durable:
        cmd.append('--durable')
    if quorum:
        cmd.append('--quorum')
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError('emitter failed (%s):\n%s' % (' '.join(cmd), proc.stderr))
    return [json.loads(line, object_pairs_hook=collections.OrderedDict) for line in proc.stdout.splitlines()
            if line.strip()], cmd


def record_scenario(name, driver, fmt, durable=False, quorum=False, trace=True):
    """Runs the steps against vhost record-<name>; returns the raw messages per queue and the declarations."""
    vhost = 'record-%s' % name
    create_vhost(vhost)
    try:
        if trace:
            start_trace(vhost)
        steps, cmd = run_emitter(vhost, driver, fmt, durable, quorum)
        time.sleep(0.5)
        traced = stop_trace(vhost) if trace else None
        decl = declarations(vhost)
        messages = collections.OrderedDict()
        for q in decl['queues']:
            messages[q['name']] = [raw_message(*m) for m in drain(vhost, q['name'])]
        return collections.OrderedDict([
            ('vhost', vhost), ('driver', driver), ('notification_format', fmt),
            ('amqp_durable_queues', durable), ('rabbit_quorum_queue', quorum),
            ('nova_conf', nova_conf_text(vhost, driver, fmt, durable, quorum, '<tmpdir>').splitlines()),
            ('steps', steps), ('declarations', decl), ('messages', messages), ('published', traced),
            ('emitter_command', ' '.join(cmd)),
        ])
    finally:
        delete_vhost(vhost)


def write_json(path, obj):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write('\n')
    log('wrote %s' % os.path.relpath(path, ROOT))


def expected_messages():
    return [(step, clock, event, name) for step, clock, event, name in STEPS if event]


def write_fixtures(out_dir, scenario, prefix):
    msgs = scenario['messages'].get('versioned_notifications.info', [])
    expected = expected_messages()
    if len(msgs) != len(expected):
        raise RuntimeError('%s: %d messages on versioned_notifications.info, expected %d'
                           % (scenario['vhost'], len(msgs), len(expected)))
    other = {q: m for q, m in scenario['messages'].items() if q != 'versioned_notifications.info' and m}
    if other:
        raise RuntimeError('%s: unexpected messages on %s' % (scenario['vhost'], list(other)))
    for raw, (step, clock, event, name) in zip(msgs, expected):
        _outer, inner = decode_body(raw['body'], scenario['driver'])
        if inner['event_type'] != event:
            raise RuntimeError('%s: step %s sent %s, expected %s' % (scenario['vhost'], step,
                                                                     inner['event_type'], event))
        fixture = collections.OrderedDict(raw)
        fixture['recorded'] = collections.OrderedDict([
            ('step', step), ('clock_utc', str(clock)), ('driver', scenario['driver']),
            ('notification_format', scenario['notification_format']), ('vhost', scenario['vhost']),
            ('queue', 'versioned_notifications.info'),
        ])
        write_json(os.path.join(out_dir, '%s-%s.json' % (prefix, name)), fixture)


def start_listener(cmd):
    """Starts listen.py and waits for its "ready" on stderr."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    err_lines = []
    while True:
        line = proc.stderr.readline()
        if not line:
            proc.wait()
            raise RuntimeError('listen.py exited %s before ready:\n%s' % (proc.returncode, ''.join(err_lines)))
        err_lines.append(line)
        if line.strip() == 'ready':
            return proc, err_lines


def finish_listener(proc, err_lines, count):
    stdout, stderr = proc.communicate(timeout=90)
    if proc.returncode != 0:
        raise RuntimeError('listen.py exited %d:\n%s%s' % (proc.returncode, ''.join(err_lines), stderr))
    lines = [l for l in stdout.splitlines() if l.strip()]
    if len(lines) != count:
        raise RuntimeError('listen.py printed %d lines, expected %d' % (len(lines), count))
    return lines


def listener_test(out_dir):
    """listen.py consumes while the emitter runs; what it printed goes to listener-seen.jsonl.

    A second listen.py with --pool listens at the same time and must see every message too (its own queue); then
    listen.py --count 1 --timeout 3 on the drained bus must give up with exit status 1.
    """
    vhost = 'record-listen'
    url = 'rabbit://%s:%s@%s:%d/%s' % (AMQP_USER, AMQP_PASSWORD, AMQP_HOST, AMQP_PORT, vhost)
    expected = expected_messages()
    count = len(expected)
    listen = [PYTHON, os.path.join(HERE, 'listen.py')]
    create_vhost(vhost)
    try:
        cmd = listen + ['--url', url, '--count', str(count), '--timeout', '60']
        pool_cmd = listen + ['--url', url, '--pool', 'hyperstatus-listen', '--count', str(count), '--timeout', '60']
        listener, err = start_listener(cmd)
        pooled, pool_err = start_listener(pool_cmd)
        run_emitter(vhost, 'messagingv2', 'versioned')
        lines = finish_listener(listener, err, count)
        pool_lines = finish_listener(pooled, pool_err, count)
        for name, got in (('listen.py', lines), ('listen.py --pool', pool_lines)):
            events = [json.loads(l)['event_type'] for l in got]
            if events != [e for _s, _c, e, _n in expected]:
                raise RuntimeError('%s saw %s' % (name, events))
        path = os.path.join(out_dir, 'listener-seen.jsonl')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')
        log('wrote %s (%s)' % (os.path.relpath(path, ROOT), ' '.join(cmd)))
        log('listen.py --pool hyperstatus-listen saw the same %d notifications' % count)
        timeout_cmd = listen + ['--url', url, '--count', '1', '--timeout', '3']
        proc = subprocess.run(timeout_cmd, capture_output=True, text=True, timeout=60)
        if proc.returncode != 1 or proc.stdout.strip():
            raise RuntimeError('%s: exit %d, stdout %r' % (' '.join(timeout_cmd), proc.returncode, proc.stdout))
        log('listen.py --count 1 --timeout 3 on a drained bus: exit status 1')
    finally:
        delete_vhost(vhost)


def package_versions():
    names = ['python3-nova', 'python3-oslo.messaging', 'python3-oslo.serialization', 'python3-oslo.context',
             'python3-oslo.versionedobjects', 'python3-kombu', 'python3-amqp', 'python3-pika', 'rabbitmq-server']
    proc = subprocess.run(['dpkg-query', '-W', '-f', '${Package} ${Version}\n'] + names,
                          capture_output=True, text=True)
    return collections.OrderedDict(line.split(' ', 1) for line in proc.stdout.splitlines())


def record_all(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    v2 = record_scenario('v2', 'messagingv2', 'versioned')
    v1 = record_scenario('v1', 'messaging', 'versioned')
    durable = record_scenario('durable', 'messagingv2', 'versioned', durable=True)
    quorum = record_scenario('quorum', 'messagingv2', 'versioned', quorum=True)
    both = record_scenario('both', 'messagingv2', 'both')
    unversioned = record_scenario('unversioned', 'messagingv2', 'unversioned')
    v1_both = record_scenario('v1-both', 'messaging', 'both')

    write_fixtures(out_dir, v2, 'messagingv2')
    write_fixtures(out_dir, v1, 'messaging')

    def summary(s):
        first = None
        for msgs in s['messages'].values():
            if msgs:
                first = msgs[0]
                break
        published = []
        for p in s['published']:
            _outer, inner = decode_body(p['body'], s['driver'])
            published.append(collections.OrderedDict([
                ('exchange', p['exchange_name']), ('routing_keys', p['routing_keys']),
                ('routed_queues', p['routed_queues']), ('event_type', inner.get('event_type')),
                ('publisher_id', inner.get('publisher_id')), ('published_properties', p['properties']),
            ]))
        return collections.OrderedDict([
            ('vhost', s['vhost']), ('driver', s['driver']), ('notification_format', s['notification_format']),
            ('amqp_durable_queues', s['amqp_durable_queues']), ('rabbit_quorum_queue', s['rabbit_quorum_queue']),
            ('nova_conf', s['nova_conf']),
            ('steps', [collections.OrderedDict((k, v) for k, v in st.items() if k in ('step', 'clock'))
                       for st in s['steps']]),
            ('declarations', s['declarations']),
            ('messages_per_queue', collections.OrderedDict((q, len(m)) for q, m in s['messages'].items())),
            ('first_message_delivered_properties', first and first['properties']),
            ('published_in_vhost', published),
        ])

    def observation(s):
        obs = summary(s)
        obs['note'] = ('the legacy "%s" message is a control sent through nova.rpc.LEGACY_NOTIFIER after the service '
                       'steps (to show the firehose would have seen a legacy notification); it is not a Nova service '
                       'notification' % CONTROL_EVENT)
        return obs

    decl = collections.OrderedDict([
        ('recorded_with', 'conformance/notifications/record-nova.py'),
        ('packages', package_versions()),
        ('rabbitmqctl', [
            'rabbitmqctl list_exchanges -p VHOST name type durable auto_delete internal arguments',
            'rabbitmqctl list_queues -p VHOST name type durable auto_delete exclusive arguments messages',
            'rabbitmqctl list_bindings -p VHOST source_name source_kind destination_name destination_kind '
            'routing_key arguments',
            '(RabbitMQ\'s own "" and amq.* exchanges, present in every vhost, are left out)']),
        ('published_in_vhost', 'every message published in the vhost while the steps ran, seen by RabbitMQ\'s '
                               'firehose (rabbitmqctl trace_on; a queue record-firehose bound to amq.rabbitmq.trace '
                               'with publish.#, left out of the declarations)'),
        ('default', summary(v2)),
        ('messaging_driver', summary(v1)),
        ('amqp_durable_queues=true', summary(durable)),
        ('rabbit_quorum_queue=true', summary(quorum)),
        ('notification_format=both', observation(both)),
        ('notification_format=unversioned', observation(unversioned)),
        ('notification_format=both,driver=messaging', observation(v1_both)),
    ])
    write_json(os.path.join(out_dir, 'declarations.json'), decl)
    listener_test(out_dir)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--out', default=DEFAULT_OUT, help='where the fixtures go (default: %(default)s)')
    p.add_argument('--emit', action='store_true', help="only run Nova's steps against --vhost")
    p.add_argument('--vhost', help='with --emit: an existing vhost')
    p.add_argument('--driver', default='messagingv2', choices=['messagingv2', 'messaging'])
    p.add_argument('--format', default='versioned', choices=['versioned', 'both', 'unversioned'])
    p.add_argument('--durable', action='store_true', help='[oslo_messaging_rabbit] amqp_durable_queues = true')
    p.add_argument('--quorum', action='store_true', help='[oslo_messaging_rabbit] rabbit_quorum_queue = true')
    args = p.parse_args()
    if args.emit:
        if not args.vhost:
            p.error('--emit needs --vhost')
        emit(args)
    else:
        record_all(os.path.abspath(args.out))


if __name__ == '__main__':
    main()
