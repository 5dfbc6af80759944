// The event log, newest first, filtered by host, kind and actor (in the URL), and live.
import {call, query} from './api.js';
import {start, may, showLive, showError, clearError} from './app.js';
import {badge, byId, fill, h} from './dom.js';
import {actor, describe, time} from './format.js';
import {LiveEvents} from './stream.js';

const PAGE = 100;
let view = {host: '', kind: '', actor: ''};
let older = null;
let live = null;
let session = null;

function rowOf(event) {
  const after = event.after;
  return h('tr', {'data-kind': event.kind, 'data-host': event.service ? event.service.host : '', 'data-id': event.id},
    h('td', {}, h('time', {datetime: event.time}, time(event.time))),
    h('td', {}, event.kind),
    h('td', {}, event.service ? event.service.host : ''),
    h('td', {}, event.zone ?? ''),
    h('td', {}, describe(event)),
    h('td', {}, after ? [badge(after.state), ' ', badge(after.status)] : ''),
    h('td', {}, actor(event)));
}

function parameters() {
  const p = {};
  for (const [name, value] of Object.entries(view)) if (value) p[name] = value;
  return p;
}

async function load() {
  const table = byId('events');
  table.setAttribute('aria-busy', 'true');
  if (live) live.close();
  try {
    const page = await call(`/hyperstatus/v1/events${query({...parameters(), limit: PAGE})}`);
    fill(table.tBodies[0], page.events.map(rowOf));
    older = nextLink(page);
    byId('older').hidden = older === null;
    clearError();
    if (may(session, 'hyperstatus:events:stream')) {
      const newest = page.events.length ? page.events[0].id : await newest0();
      const filters = {host: view.host, kind: view.kind};
      live = new LiveEvents({filters, since: newest, onStatus: showLive, onEvent: prepend}).open();
    }
  } catch (failure) {
    showError(failure);
  } finally {
    table.setAttribute('aria-busy', 'false');
  }
}

/** With no event matching the filters, the stream resumes after the newest event of all. */
async function newest0() {
  const page = await call('/hyperstatus/v1/events?limit=1');
  return page.events.length ? page.events[0].id : 0;
}

function prepend(event) {
  // The stream filters by host and kind; the actor filter is the page's own.
  if (view.actor && !matchesActor(event)) return;
  byId('events').tBodies[0].prepend(rowOf(event));
}

function matchesActor(event) {
  const a = event.actor || {};
  return a.kind === view.actor || a.user_id === view.actor;
}

function nextLink(page) {
  const next = (page.events_links || []).find(link => link.rel === 'next');
  if (!next) return null;
  const url = new URL(next.href, location.href);
  return `/hyperstatus/v1/events${url.search}`;
}

async function main() {
  session = await start('/dashboard/events.html');
  const search = new URLSearchParams(location.search);
  for (const name of Object.keys(view)) view[name] = search.get(name) ?? '';
  const form = byId('filters');
  for (const element of form.elements) if (element.name) element.value = view[element.name];
  form.addEventListener('submit', submit => submit.preventDefault());
  form.addEventListener('change', change => {
    if (!change.target.name) return;
    view[change.target.name] = change.target.value.trim();
    history.replaceState(null, '', `${location.pathname}${query(parameters())}`);
    load();
  });
  byId('older').addEventListener('click', async () => {
    if (!older) return;
    try {
      const page = await call(older);
      byId('events').tBodies[0].append(...page.events.map(rowOf));
      older = nextLink(page);
      byId('older').hidden = older === null;
    } catch (failure) {
      showError(failure);
    }
  });
  await load();
}

main();
