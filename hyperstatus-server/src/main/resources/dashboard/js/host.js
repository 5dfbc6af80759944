// One hypervisor: every detail field, its instances, its history (live), its availability over 7 and 30 days,
// and the actions the policy allows, each confirmed and each seen at once in the history.
import {call, query} from './api.js';
import {start, may, showLive, showError, clearError} from './app.js';
import {badge, byId, fill, h} from './dom.js';
import {duration, percent, time} from './format.js';
import {LiveEvents, newestEventId} from './stream.js';
import {eventItem} from './timeline.js';

/** 2.53: hypervisors and services by UUID, and every field of a hypervisor's detail (2.88 drops many). */
const COMPUTE = '2.53';
const HISTORY = 100;

let hypervisor = null;
let service = null;
let session = null;

async function readHost(id) {
  const shown = await call(`/v2.1/os-hypervisors/${encodeURIComponent(id)}?with_servers=true`, {compute: COMPUTE});
  hypervisor = shown.hypervisor;
  const services = await call(`/v2.1/os-services${query({host: hypervisor.service.host, binary: 'nova-compute'})}`,
    {compute: COMPUTE});
  service = services.services.find(s => s.id === hypervisor.service.id) ?? services.services[0] ?? null;
}

function drawHost() {
  if (service) {
    // The service is what changes; the detail read at first shows it as it is now.
    Object.assign(hypervisor, {state: service.state, status: service.status});
    hypervisor.service.disabled_reason = service.disabled_reason;
  }
  document.title = `${hypervisor.hypervisor_hostname} · hyperstatus`;
  byId('host-name').textContent = hypervisor.hypervisor_hostname;
  fill(byId('host-state'), badge(service ? service.state : hypervisor.state));
  fill(byId('host-status'), badge(service ? service.status : hypervisor.status));
  const reason = service ? service.disabled_reason : hypervisor.service.disabled_reason;
  byId('host-reason').textContent = reason ? `Reason: ${reason}` : '';
  const fields = [];
  for (const [name, value] of Object.entries(hypervisor)) {
    if (name === 'servers' || name === 'service') continue;
    fields.push([name, typeof value === 'object' && value !== null ? JSON.stringify(value) : value]);
  }
  if (service) {
    fields.push(['service.id', service.id], ['service.host', service.host], ['zone', service.zone],
      ['forced_down', service.forced_down], ['updated_at (last heartbeat)', service.updated_at]);
  }
  fill(byId('details'), fields.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value === null ? '—' : String(value))]));
  const servers = hypervisor.servers ?? [];
  fill(document.querySelector('#instances tbody'), servers.length
    ? servers.map(server => h('tr', {}, h('td', {}, server.name), h('td', {}, server.uuid)))
    : [h('tr', {}, h('td', {colspan: 2, class: 'muted'}, 'No instances.'))]);
  drawActions();
}

function drawActions() {
  const actions = [];
  if (service && may(session, 'os_compute_api:os-services:update')) {
    if (service.status === 'enabled') {
      actions.push(action('action-disable', 'Disable…', 'Disable', `Disable ${service.host}? The scheduler places no new instances on it.`,
        reason => ({status: 'disabled', disabled_reason: reason}), true));
    } else {
      actions.push(action('action-enable', 'Enable…', 'Enable', `Enable ${service.host}?`, () => ({status: 'enabled'})));
    }
    if (service.forced_down) {
      actions.push(action('action-force-up', 'Force up…', 'Force up', `Clear the forced down of ${service.host}? Its state follows its heartbeats again.`,
        () => ({forced_down: false})));
    } else {
      actions.push(action('action-force-down', 'Force down…', 'Force down', `Force ${service.host} down? It shows down whatever its heartbeats, so that its instances can be evacuated.`,
        () => ({forced_down: true})));
    }
  }
  if (service && may(session, 'os_compute_api:os-services:delete')) {
    const remove = h('button', {id: 'action-delete', type: 'button', class: 'danger'}, 'Delete…');
    remove.addEventListener('click', () => confirmThen(`Delete the compute service of ${service.host} and its compute nodes? This cannot be undone.`, false, 'Delete', async () => {
      await call(`/v2.1/os-services/${encodeURIComponent(service.id)}`, {method: 'DELETE', compute: COMPUTE});
      location.assign('/dashboard/hypervisors.html');
    }));
    actions.push(remove);
  }
  fill(byId('actions'), actions);
}

function action(id, label, verb, question, body, withReason = false) {
  const button = h('button', {id, type: 'button'}, label);
  button.addEventListener('click', () => confirmThen(question, withReason, verb, async reason => {
    const answer = await call(`/v2.1/os-services/${encodeURIComponent(service.id)}`,
      {method: 'PUT', compute: COMPUTE, body: body(reason)});
    Object.assign(service, answer.service);
    drawHost();
  }));
  return button;
}

/** The confirmation dialog; {@code run} gets the reason typed, if asked for. */
function confirmThen(question, withReason, verb, run) {
  const dialog = byId('confirm');
  byId('confirm-title').textContent = `${verb}?`;
  byId('confirm-text').textContent = question;
  byId('confirm-reason-label').hidden = !withReason;
  byId('confirm-reason').value = '';
  byId('confirm-ok').textContent = verb;
  const cancel = byId('confirm-cancel');
  const form = byId('confirm-form');
  const done = () => {
    form.onsubmit = null;
    cancel.onclick = null;
    dialog.close();
  };
  cancel.onclick = done;
  form.onsubmit = async submit => {
    submit.preventDefault();
    const reason = byId('confirm-reason').value.trim();
    done();
    try {
      await run(reason === '' ? null : reason);
      clearError();
    } catch (failure) {
      showError(failure);
    }
  };
  dialog.showModal();
  (withReason ? byId('confirm-reason') : cancel).focus();
}

async function drawHistory() {
  if (!service || !may(session, 'hyperstatus:events:list')) return;
  const page = await call(`/hyperstatus/v1/services/${encodeURIComponent(service.id)}/events?limit=${HISTORY}`);
  fill(byId('history'), page.events.length ? page.events.map(eventItem) : [h('li', {class: 'muted'}, 'No events.')]);
}

async function drawAvailability(days) {
  const area = byId(`availability-${days}d`);
  if (!service || !may(session, 'hyperstatus:events:availability')) return;
  const a = (await call(`/hyperstatus/v1/services/${encodeURIComponent(service.id)}/availability?window=${days}d`)).availability;
  const start = Date.parse(a.start);
  const span = Math.max(1, Date.parse(a.end) - start);
  const bars = a.periods.map(period => {
    const from = Date.parse(period.start);
    const to = period.end ? Date.parse(period.end) : Date.parse(a.end);
    const x = ((from - start) / span) * 1000;
    const width = Math.max(2, ((to - from) / span) * 1000);
    return h('rect', {class: 'out', x: x.toFixed(1), y: 2, width: width.toFixed(1), height: 24},
      h('title', {}, `down ${time(period.start)} – ${period.end ? time(period.end) : 'now'} (${duration(period.seconds)})`));
  });
  const summary = `${percent(a.up_fraction)} up over ${days} days; ${a.down_periods} down period${a.down_periods === 1 ? '' : 's'}`
    + (a.down_periods ? `, the longest ${duration(a.longest_down_seconds)}` : '');
  fill(area,
    h('p', {}, h('strong', {}, `Last ${days} days: `), summary),
    h('svg', {viewBox: '0 0 1000 28', preserveAspectRatio: 'none', role: 'img', 'aria-label': `Down periods over the last ${days} days: ${summary}`},
      h('rect', {class: 'span', x: 0, y: 2, width: 1000, height: 24}), bars));
}

async function main() {
  session = await start('/dashboard/hypervisors.html');
  const id = new URLSearchParams(location.search).get('id');
  if (!id) {
    showError(new Error('No hypervisor was named: open this page from the list of hypervisors.'));
    return;
  }
  const since = may(session, 'hyperstatus:events:stream') ? await newestEventId(call) : null;
  try {
    await readHost(id);
    drawHost();
    await drawHistory();
    await Promise.all([drawAvailability(7), drawAvailability(30)]);
  } catch (failure) {
    showError(failure);
    return;
  }
  if (since === null || !service) return;
  let pending = null;
  new LiveEvents({
    filters: {host: service.host, binary: 'nova-compute'},
    since,
    onStatus: showLive,
    onEvent: event => {
      const history = byId('history');
      history.querySelector('li.muted')?.remove();
      if (!history.querySelector(`li[data-id="${event.id}"]`)) history.prepend(eventItem(event));
      if (event.after) {
        Object.assign(service, {state: event.after.state, status: event.after.status,
          disabled_reason: event.after.disabled_reason, forced_down: event.after.forced_down});
        drawHost();
      }
      if (!pending) {
        pending = setTimeout(() => {
          pending = null;
          Promise.all([drawAvailability(7), drawAvailability(30)]).catch(showError);
        }, 1000);
      }
    },
  }).open();
}

main();
