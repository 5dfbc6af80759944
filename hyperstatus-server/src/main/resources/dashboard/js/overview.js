// Overview: up/down x enabled/disabled per zone, a banner while a zone is disrupted, the latest events, live.
import {call} from './api.js';
import {start, may, showLive, showError, clearError} from './app.js';
import {byId, fill, h} from './dom.js';
import {LiveEvents, newestEventId} from './stream.js';
import {eventItem} from './timeline.js';

const LATEST = 15;

async function drawCounts() {
  const summary = await call('/hyperstatus/v1/zones/summary');
  const rows = summary.zones.map(zone => h('tr', {'data-zone': zone.zone},
    h('th', {scope: 'row'}, h('a', {href: `/dashboard/hypervisors.html?zone=${encodeURIComponent(zone.zone)}`}, zone.zone)),
    countCell('up-enabled', zone.up.enabled, zone.zone, 'up', 'enabled'),
    countCell('up-disabled', zone.up.disabled, zone.zone, 'up', 'disabled'),
    countCell('down-enabled', zone.down.enabled, zone.zone, 'down', 'enabled'),
    countCell('down-disabled', zone.down.disabled, zone.zone, 'down', 'disabled'),
    h('td', {'data-count': 'total'}, String(zone.hypervisors))));
  fill(document.querySelector('#zone-counts tbody'),
    rows.length ? rows : [h('tr', {}, h('td', {colspan: 6, class: 'muted'}, 'No hypervisor has registered yet.'))]);
  byId('zone-counts').setAttribute('aria-busy', 'false');
  const disrupted = summary.zones.filter(zone => zone.disrupted);
  const banner = byId('disruption');
  banner.hidden = disrupted.length === 0;
  banner.textContent = disrupted.length === 0 ? ''
    : `Zone disrupted: ${disrupted.map(zone => `${zone.zone} (${zone.down.enabled + zone.down.disabled} of ${zone.hypervisors} down)`).join(', ')}`;
}

function countCell(name, value, zone, state, status) {
  const link = `/dashboard/hypervisors.html?zone=${encodeURIComponent(zone)}&state=${state}&status=${status}`;
  return h('td', {'data-count': name}, value === 0 ? '0' : h('a', {href: link, 'aria-label': `${value} ${state} and ${status} in ${zone}`}, String(value)));
}

async function main() {
  const session = await start('/dashboard/');
  const since = may(session, 'hyperstatus:events:stream') ? await newestEventId(call) : null;
  const latest = byId('latest-events');
  try {
    await drawCounts();
    if (may(session, 'hyperstatus:events:list')) {
      const page = await call(`/hyperstatus/v1/events?limit=${LATEST}`);
      fill(latest, page.events.map(eventItem));
    }
  } catch (failure) {
    showError(failure);
  }
  if (since === null) return;
  // Counts are read again after events, at most once a second: a burst of changes costs one read.
  let pending = null;
  new LiveEvents({
    since,
    onStatus: showLive,
    onEvent: event => {
      latest.prepend(eventItem(event));
      while (latest.children.length > LATEST) latest.lastElementChild.remove();
      if (!pending) {
        pending = setTimeout(() => {
          pending = null;
          drawCounts().then(clearError, showError);
        }, 300);
      }
    },
  }).open();
}

main();
