// One event as a line of a timeline (the overview's latest events, a host's history).
import {h, badge} from './dom.js';
import {actor, describe, time} from './format.js';

export function eventItem(event) {
  const host = event.service ? event.service.host : null;
  const after = event.after;
  return h('li', {'data-kind': event.kind, 'data-host': host, 'data-id': event.id},
    h('span', {class: 'when'}, h('time', {datetime: event.time}, time(event.time)), ` · ${actor(event)}`),
    host ? h('a', {href: `/dashboard/events.html?host=${encodeURIComponent(host)}`}, host) : h('strong', {}, event.zone ?? ''),
    ' ', describe(event),
    after && event.kind !== 'deleted' ? [' ', badge(after.state), ' ', badge(after.status)] : null);
}
