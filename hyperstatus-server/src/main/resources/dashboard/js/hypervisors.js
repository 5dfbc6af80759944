// Hypervisors: filtered, sorted and paged by the server (so 100,000 hosts cost one page), the filters in the URL,
// each row kept current by the event stream, heartbeat ages counted against the server's clock.
import {call, query} from './api.js';
import {start, may, showLive, showError, clearError} from './app.js';
import {byId, fill, h} from './dom.js';
import {count, duration, ServerClock, time} from './format.js';
import {LiveEvents, newestEventId} from './stream.js';

const FILTERS = ['q', 'state', 'status', 'zone', 'aggregate'];
const DEFAULTS = {sort: 'hostname', dir: 'asc', limit: '100', offset: '0'};
/** Kinds after which the page is read again: a row may have joined or left it, or its order changed. */
const RELOADING = new Set(['created', 'deleted']);

const clock = new ServerClock();
let view = {};
let rows = new Map();
let config = {service_down_time: 60};
let reload = null;

function readUrl() {
  const search = new URLSearchParams(location.search);
  const read = {};
  for (const name of [...FILTERS, ...Object.keys(DEFAULTS)]) read[name] = search.get(name) ?? DEFAULTS[name] ?? '';
  return read;
}

function writeUrl() {
  const shown = {};
  for (const [name, value] of Object.entries(view)) if (value !== '' && value !== DEFAULTS[name]) shown[name] = value;
  history.replaceState(null, '', `${location.pathname}${query(shown)}`);
}

async function fillChoices() {
  const zones = await call('/hyperstatus/v1/zones/summary').then(s => s.zones.map(z => z.zone), () => []);
  const aggregates = await call('/v2.1/os-aggregates').then(a => a.aggregates.map(x => x.name).sort(), () => []);
  for (const [id, names] of [['filter-zone', zones], ['filter-aggregate', aggregates]]) {
    const select = byId(id);
    const wanted = view[select.name];
    if (wanted && !names.includes(wanted)) names.push(wanted);
    select.append(...names.map(name => h('option', {value: name}, name)));
  }
}

function showFilters() {
  for (const element of byId('filters').elements) {
    if (element.name) element.value = view[element.name] ?? '';
  }
  for (const th of document.querySelectorAll('#hypervisors th[data-sort]')) {
    th.setAttribute('aria-sort', th.dataset.sort === view.sort ? (view.dir === 'desc' ? 'descending' : 'ascending') : 'none');
  }
}

function heartbeatText(row) {
  if (!row.last_heartbeat) return 'never';
  const age = clock.secondsSince(row.last_heartbeat);
  // An up service has heartbeated since the page read it, or the detector would have said otherwise: past
  // service_down_time its age is no longer known here, only bounded.
  if (row.state === 'up' && age > config.service_down_time) return `within ${duration(config.service_down_time)}`;
  return `${duration(age)} ago`;
}

/**
 * A row is a copy of one built once, its texts and links filled in: a page of 1,000 rows costs 1,000 deep copies
 * rather than 10,000 elements built one attribute at a time.
 */
const ROW = h('tr', {},
  h('th', {scope: 'row'}, h('a', {})),
  h('td', {class: 'state'}, h('span', {})),
  h('td', {class: 'status'}, h('span', {})),
  h('td', {class: 'reason'}),
  h('td', {class: 'heartbeat'}),
  h('td', {class: 'zone'}),
  h('td', {class: 'aggregates'}),
  h('td', {class: 'type'}),
  h('td', {class: 'instances num'}));

function setBadge(span, word) {
  span.className = `badge ${word}`;
  span.textContent = word;
}

function rowOf(hypervisor) {
  const tr = ROW.cloneNode(true);
  tr.dataset.hostname = hypervisor.hypervisor_hostname;
  tr.dataset.host = hypervisor.host;
  tr.dataset.id = hypervisor.id;
  const cells = tr.children;
  const link = cells[0].firstChild;
  link.href = `/dashboard/host.html?id=${encodeURIComponent(hypervisor.id)}`;
  link.textContent = hypervisor.hypervisor_hostname;
  setBadge(cells[1].firstChild, hypervisor.state);
  setBadge(cells[2].firstChild, hypervisor.status);
  cells[3].textContent = hypervisor.disabled_reason ?? '';
  cells[4].title = time(hypervisor.last_heartbeat);
  cells[4].textContent = heartbeatText(hypervisor);
  cells[5].textContent = hypervisor.zone ?? '';
  cells[6].textContent = hypervisor.aggregates.join(', ');
  cells[7].textContent = hypervisor.hypervisor_type ?? '';
  cells[8].textContent = String(hypervisor.running_vms ?? '');
  return tr;
}

async function load() {
  const table = byId('hypervisors');
  table.setAttribute('aria-busy', 'true');
  const parameters = {};
  for (const [name, value] of Object.entries(view)) if (value !== '') parameters[name] = value;
  try {
    const page = await call(`/hyperstatus/v1/hypervisors${query(parameters)}`);
    clock.sync(page.now);
    rows = new Map();
    const trs = page.hypervisors.map(hypervisor => {
      const tr = rowOf(hypervisor);
      rows.set(hypervisor.id, {data: hypervisor, tr});
      return tr;
    });
    fill(table.tBodies[0], trs.length ? trs : [h('tr', {}, h('td', {colspan: 9, class: 'muted'}, 'No hypervisor matches.'))]);
    const offset = Number(page.offset);
    byId('total').textContent = page.total === 0 ? '0 hypervisors'
      : `${count(page.total)} hypervisor${page.total === 1 ? '' : 's'} (${count(offset + 1)}–${count(offset + page.hypervisors.length)} shown)`;
    byId('page-prev').disabled = offset === 0;
    byId('page-next').disabled = offset + page.hypervisors.length >= page.total;
    clearError();
  } catch (failure) {
    showError(failure);
  } finally {
    table.setAttribute('aria-busy', 'false');
  }
}

function reloadSoon() {
  if (!reload) reload = setTimeout(() => { reload = null; load(); }, 500);
}

/** An event changes the rows of its host in place; the filters may then no longer hold for it, so read again. */
function apply(event) {
  if (!event.service || event.service.binary !== 'nova-compute') return;
  if (RELOADING.has(event.kind)) {
    reloadSoon();
    return;
  }
  const after = event.after;
  if (!after) return;
  for (const row of rows.values()) {
    if (row.data.host !== event.service.host) continue;
    Object.assign(row.data, {state: after.state, status: after.status, disabled_reason: after.disabled_reason,
      forced_down: after.forced_down});
    if (event.kind === 'came_up') row.data.last_heartbeat = event.time;
    const fresh = rowOf(row.data);
    row.tr.replaceWith(fresh);
    row.tr = fresh;
  }
  if (view.state || view.status || view.sort === 'state' || view.sort === 'status') reloadSoon();
}

function listen() {
  byId('filters').addEventListener('submit', submit => submit.preventDefault());
  byId('filters').addEventListener('input', change => {
    const element = change.target;
    if (!element.name) return;
    view[element.name] = element.value;
    view.offset = '0';
    writeUrl();
    if (element.type === 'search') {
      clearTimeout(listen.typing);
      listen.typing = setTimeout(load, 250);
    } else {
      load();
    }
  });
  for (const th of document.querySelectorAll('#hypervisors th[data-sort]')) {
    th.querySelector('button').addEventListener('click', () => {
      view.dir = view.sort === th.dataset.sort && view.dir === 'asc' ? 'desc' : 'asc';
      view.sort = th.dataset.sort;
      view.offset = '0';
      writeUrl();
      showFilters();
      load();
    });
  }
  const move = step => {
    view.offset = String(Math.max(0, Number(view.offset) + step * Number(view.limit)));
    writeUrl();
    load();
  };
  byId('page-prev').addEventListener('click', () => move(-1));
  byId('page-next').addEventListener('click', () => move(1));
  // Ages count on between reads, by the server's clock.
  setInterval(() => {
    for (const row of rows.values()) {
      const cell = row.tr.querySelector('td.heartbeat');
      if (cell) cell.textContent = heartbeatText(row.data);
    }
  }, 1000);
}

async function main() {
  view = readUrl();
  // The stream's cursor, then the list: what changes in between is replayed. The session, the configuration and
  // the filters' choices are read meanwhile, not before, so that the rows come as early as they can.
  const cursor = newestEventId(call);
  const listed = cursor.then(load);
  const configured = call('/dashboard/config.json').then(read => { config = read; }, () => {});
  const session = await start('/dashboard/hypervisors.html');
  showFilters();
  listen();
  const choices = fillChoices().then(showFilters);
  await Promise.all([configured, listed]);
  const since = await cursor;
  if (since !== null && may(session, 'hyperstatus:events:stream')) {
    new LiveEvents({since, onStatus: showLive, onEvent: apply}).open();
  }
  await choices;
}

main();
