// The dashboard with auth_strategy = noauth2, against the server and agents of dashboard-tests/run.sh. The tests run
// in the order written (node:test runs a file's top-level tests one after another): those that read the fixture as
// applyFixture left it come before those that change it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Api } from '../lib/api.js';
import {
  BASE_URL, PAGES, VIEWPORT, hypervisorRows, hypervisorsLoaded, launch, openDashboardPage, openPage, pngSize,
  required, screenshot, seriousViolations, signIn, tokenFields,
} from '../lib/browser.js';
import {
  AGENT_B_HOSTS, AGGREGATES, DISABLED_HOST, DISABLED_REASON, FORCED_DOWN_HOST, HOSTS, expectedRows,
  expectedZoneCounts, hostnameOf, applyFixture,
} from '../lib/fixture.js';
import {
  actionButtons, assertNoScriptErrors, assertSameDocument, including, markDocument, waitForHostnames, waitForQuery,
  waitForText,
  zoneCounts,
} from '../lib/pages.js';

const ADMIN = 'admin:admin';
const READER = 'reader:demo';
const SERVICE_DOWN_TIME_MS = Number(required('HYPERSTATUS_SERVICE_DOWN_TIME')) * 1000;
const api = new Api(BASE_URL, ADMIN);
// No test may hold up the others for long: each is stopped after this.
const BOUNDED = { timeout: 90_000 };
let browser;

before(async () => {
  browser = await launch();
  await applyFixture(api, 90_000);
});

after(async () => {
  await browser?.close();
});

// A test on a page in a browser context of its own (its own session), signed in with options.token (default admin's;
// null: not signed in). An uncaught script error in the page fails the test; the context is closed however it ends.
function pageTest(name, ...rest) {
  const body = rest.pop();
  const { token = ADMIN } = rest[0] ?? {};
  test(name, BOUNDED, async () => {
    const page = await openPage(browser);
    try {
      if (token) {
        await signIn(page, tokenFields(token));
      }
      await body(page);
      assertNoScriptErrors(page);
    } finally {
      await page.context().close();
    }
  });
}

pageTest('a noauth2 token signs in, back to the page asked for, naming the user', { token: null }, async (page) => {
  const asked = '/dashboard/hypervisors.html?state=up';
  await page.goto(asked);
  await page.waitForURL((url) => url.pathname === '/dashboard/login.html');
  const next = new URL(page.url()).searchParams.get('next');
  assert.equal(new URL(next, BASE_URL).href, new URL(asked, BASE_URL).href);
  assert.equal(await page.isVisible('#sign-in-error'), false);

  await page.fill('#token', ADMIN);
  await page.click('form#sign-in button[type=submit]');
  await page.waitForURL((url) => url.pathname === '/dashboard/hypervisors.html');
  assert.equal(new URL(page.url()).searchParams.get('state'), 'up');
  await waitForText(page, '#whoami', 'admin');
  const links = await page.$$eval('nav a', (anchors) => anchors.map((a) => [a.textContent.trim(), a.pathname]));
  assert.deepEqual(
    links.filter(([name]) => ['Overview', 'Hypervisors', 'Events'].includes(name)),
    [['Overview', '/dashboard/'], ['Hypervisors', '/dashboard/hypervisors.html'], ['Events', '/dashboard/events.html']],
  );
  const session = await page.context().request.get('/dashboard/session');
  assert.equal(session.status(), 200);
  assert.equal((await session.json()).session.user_id, 'admin');
});

pageTest('the session cookie is HttpOnly and SameSite=Strict; pages send a strict CSP, nosniff', async (page) => {
  const cookies = Object.fromEntries((await page.context().cookies()).map((cookie) => [cookie.name, cookie]));
  assert.deepEqual(
    [cookies.hyperstatus_session?.httpOnly, cookies.hyperstatus_session?.sameSite, cookies.hyperstatus_session?.path],
    [true, 'Strict', '/'],
  );
  assert.deepEqual([cookies.hyperstatus_csrf?.httpOnly, cookies.hyperstatus_csrf?.sameSite], [false, 'Strict']);
  const id = await api.hypervisorId(hostnameOf('dash-01'));
  for (const [name, { path }] of Object.entries(PAGES)) {
    const response = await page.context().request.get(path(id));
    assert.equal(response.status(), 200, name);
    const headers = response.headers();
    const policy = headers['content-security-policy'] ?? '';
    assert.match(policy, /frame-ancestors 'none'/, `${name}: ${policy}`);
    assert.match(policy, /(script-src|default-src) [^;]*'self'/, `${name}: ${policy}`);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/, `${name}: ${policy}`);
    assert.equal(headers['x-content-type-options'], 'nosniff', name);
  }
});

pageTest('the overview counts each zone\'s hosts by state and status and lists the latest events', async (page) => {
  await openDashboardPage(page, 'overview');
  assert.deepEqual(await zoneCounts(page), expectedZoneCounts());
  assert.equal(await page.isVisible('#disruption'), false);
  await page.waitForSelector(`ol#latest-events > li[data-kind="disabled"][data-host="${DISABLED_HOST}"]`);
  await page.waitForSelector(`ol#latest-events > li[data-kind="forced_down"][data-host="${FORCED_DOWN_HOST}"]`);
  await waitForText(page, '#whoami', 'admin');
});

pageTest('the hypervisors page shows each fixture host\'s state, status, reason, zone, aggregates', async (page) => {
  await openDashboardPage(page, 'hypervisors');
  assert.deepEqual(await hypervisorRows(page), expectedRows());
  await waitForText(page, '#total', new RegExp(`^${HOSTS.length} hypervisors\\b`));
});

pageTest('filtering to down puts state=down in the URL and shows only down hosts, also reopened', async (page) => {
  await openDashboardPage(page, 'hypervisors');
  const down = Object.entries(expectedRows()).filter(([, row]) => row.state === 'down').map(([name]) => name);
  assert.deepEqual(down, [hostnameOf(FORCED_DOWN_HOST)]);
  await page.selectOption('select#filter-state', 'down');
  await waitForQuery(page, 'state', 'down');
  await waitForHostnames(page, down);
  const rows = await hypervisorRows(page);
  assert.deepEqual(Object.values(rows).map((row) => row.state), down.map(() => 'down'));

  // The URL is the view: opened afresh, it shows the same rows with the filter selected.
  const shared = page.url();
  const again = await page.context().newPage();
  await again.goto(shared);
  await hypervisorsLoaded(again);
  assert.deepEqual(await hypervisorRows(again), rows);
  assert.equal(await again.inputValue('select#filter-state'), 'down');
});

pageTest('filtering by zone and by text leaves only the matching hosts', async (page) => {
  await openDashboardPage(page, 'hypervisors');
  const [rackA] = AGGREGATES;
  await page.selectOption('select#filter-zone', rackA.zone);
  await waitForQuery(page, 'zone', rackA.zone);
  await waitForHostnames(page, rackA.hosts.map(hostnameOf));
  await page.selectOption('select#filter-zone', '');
  await page.fill('input#filter-text', 'dash-07');
  await waitForQuery(page, 'q', 'dash-07');
  await waitForHostnames(page, [hostnameOf('dash-07')]);
});

pageTest('disabling a host with a reason on its host page shows at once and is what the API says', async (page) => {
  const host = 'dash-05';
  const reason = 'firmware upgrade, change 2231';
  await openDashboardPage(page, 'hypervisors');
  await page.click(`tr[data-hostname="${hostnameOf(host)}"] a`);
  await page.waitForURL((url) => url.pathname === '/dashboard/host.html');
  assert.equal(new URL(page.url()).searchParams.get('id'), await api.hypervisorId(hostnameOf(host)));
  await page.waitForSelector('ol#history > li');
  await waitForText(page, '#host-name', hostnameOf(host));
  await waitForText(page, '#host-status .badge', 'enabled');
  const actions = await actionButtons(page);
  assert.ok(actions.includes('action-disable') && !actions.includes('action-enable'), actions.join(' '));
  await markDocument(page);

  await page.click('button#action-disable');
  await page.waitForSelector('dialog#confirm[open]');
  await page.fill('textarea#confirm-reason', reason);
  await page.click('button#confirm-ok');
  await waitForText(page, '#host-status .badge', 'disabled');
  await waitForText(page, '#host-reason', including(reason));
  await page.waitForSelector('ol#history > li:first-child[data-kind="disabled"]');
  await assertSameDocument(page);
  assert.equal(await page.isVisible('dialog#confirm'), false);

  const service = await api.computeService(host);
  assert.deepEqual([service.status, service.disabled_reason], ['disabled', reason]);
});

pageTest('a killed agent\'s hosts turn down live, without reload, with went_down in their history', async (page) => {
  await openDashboardPage(page, 'hypervisors');
  const killed = AGENT_B_HOSTS.map((entry) => entry.hypervisor_hostname);
  for (const hostname of killed) {
    await waitForText(page, `tr[data-hostname="${hostname}"] td.state .badge`, 'up');
  }
  await markDocument(page);
  process.kill(Number(required('HYPERSTATUS_KILLABLE_AGENT_PID')), 'SIGKILL');
  // Down once service_down_time has passed since the last heartbeat, recorded within about a second after that.
  for (const hostname of killed) {
    await waitForText(page, `tr[data-hostname="${hostname}"] td.state .badge`, 'down', SERVICE_DOWN_TIME_MS + 15_000);
  }
  await assertSameDocument(page);
  const survivor = hostnameOf('dash-07');
  assert.equal((await hypervisorRows(page))[survivor].state, 'up');

  const id = await api.hypervisorId(killed[0]);
  await openDashboardPage(page, 'host', id);
  await page.waitForSelector('ol#history > li[data-kind="went_down"]');
  await waitForText(page, '#host-state .badge', 'down');
});

pageTest('the overview shows a banner while most of a zone is down', async (page) => {
  // The killed agent's hosts are two of zone-b's three.
  await openDashboardPage(page, 'overview');
  await page.waitForSelector('#disruption[role="alert"]', { state: 'visible' });
  assert.match(await page.textContent('#disruption'), /zone-b/);
  const counts = await zoneCounts(page);
  assert.deepEqual(counts['zone-b'], {
    'up-enabled': '1', 'up-disabled': '0', 'down-enabled': '2', 'down-disabled': '0', total: '3',
  });
});

pageTest('a reader sees every page but no action buttons', { token: READER }, async (page) => {
  await waitForText(page, '#whoami', 'reader');
  await openDashboardPage(page, 'overview');
  assert.equal((await zoneCounts(page))['zone-a'].total, '2');
  await openDashboardPage(page, 'hypervisors');
  assert.equal(Object.keys(await hypervisorRows(page)).length, HOSTS.length);
  for (const host of ['dash-01', DISABLED_HOST, FORCED_DOWN_HOST]) {
    await openDashboardPage(page, 'host', await api.hypervisorId(hostnameOf(host)));
    await waitForText(page, '#host-name', hostnameOf(host));
    assert.deepEqual(await actionButtons(page), [], host);
  }
  await openDashboardPage(page, 'events');
  const session = await (await page.context().request.get('/dashboard/session')).json();
  assert.equal(session.session.allowed['os_compute_api:os-services:update'], false);
  assert.equal(session.session.allowed['os_compute_api:os-hypervisors:list'], true);
});

pageTest('a request with the session cookie but no CSRF token is refused 403 and changes nothing', async (page) => {
  const request = page.context().request;
  const service = await api.computeService('dash-01');
  const [rackA] = AGGREGATES;
  const aggregate = await api.aggregate(rackA.name);
  const compute = { 'OpenStack-API-Version': 'compute 2.53' };

  const put = await request.put(`/v2.1/os-services/${service.id}`, {
    headers: compute, data: { status: 'disabled', disabled_reason: 'forged' },
  });
  assert.equal(put.status(), 403);
  assert.equal((await put.json()).forbidden.code, 403);
  const post = await request.post(`/v2.1/os-aggregates/${aggregate.id}/action`, {
    headers: compute, data: { add_host: { host: 'dash-05' } },
  });
  assert.equal(post.status(), 403);
  assert.equal((await post.json()).forbidden.code, 403);

  const settable = ({ status, disabled_reason: reason, forced_down: forced }) => ({ status, reason, forced });
  assert.deepEqual(settable(await api.computeService('dash-01')), settable(service));
  assert.deepEqual((await api.aggregate(rackA.name)).hosts, aggregate.hosts);

  // The same cookie with the CSRF token is the signed-in user: the refusal was the missing token's.
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'hyperstatus_csrf').value;
  const allowed = await request.put(`/v2.1/os-services/${service.id}`, {
    headers: { ...compute, 'X-CSRF-Token': csrf }, data: { status: 'enabled' },
  });
  assert.equal(allowed.status(), 200);
});

pageTest('the events page filters by host and kind and shows a new event at the top, live', async (page) => {
  await openDashboardPage(page, 'events');
  await page.fill('input#filter-host', FORCED_DOWN_HOST);
  await page.press('input#filter-host', 'Enter');
  await waitForQuery(page, 'host', FORCED_DOWN_HOST);
  await page.waitForSelector(`table#events > tbody > tr[data-kind="forced_down"][data-host="${FORCED_DOWN_HOST}"]`);
  assert.deepEqual(
    [...new Set(await page.$$eval('table#events > tbody > tr', (rows) => rows.map((row) => row.dataset.host)))],
    [FORCED_DOWN_HOST],
  );
  await markDocument(page);
  const service = await api.computeService(FORCED_DOWN_HOST);
  await api.updateService(service.id, { forced_down: false });
  await page.waitForSelector(
    `table#events > tbody > tr:first-child[data-kind="forced_up"][data-host="${FORCED_DOWN_HOST}"]`,
  );
  await assertSameDocument(page);
  await api.updateService(service.id, { forced_down: true });
  await page.waitForSelector(
    `table#events > tbody > tr:first-child[data-kind="forced_down"][data-host="${FORCED_DOWN_HOST}"]`,
  );

  await page.selectOption('select#filter-kind', 'forced_up');
  await waitForQuery(page, 'kind', 'forced_up');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('table#events > tbody > tr')];
    return rows.length > 0 && rows.every((row) => row.dataset.kind === 'forced_up');
  });
});

// Every page, signed in as admin, in the given colour scheme; visit(page, name) is called on each once it is loaded.
async function everyPage(colorScheme, visit) {
  const page = await openPage(browser, { colorScheme });
  await openDashboardPage(page, 'login');
  await visit(page, 'login');
  await signIn(page, tokenFields(ADMIN));
  for (const name of ['overview', 'hypervisors', 'host', 'events']) {
    await openDashboardPage(page, name, await api.hypervisorId(hostnameOf(DISABLED_HOST)));
    await visit(page, name);
  }
  assertNoScriptErrors(page);
  await page.context().close();
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no serious or critical violation on any page (${colorScheme})`, BOUNDED, async () => {
    const found = [];
    await everyPage(colorScheme, async (page, name) => {
      for (const violation of await seriousViolations(page)) {
        found.push({ page: name, ...violation });
      }
    });
    assert.deepEqual(found, []);
  });
}

test('a screenshot of every page at 1280x800 is written to docs/dashboard', BOUNDED, async () => {
  const written = [];
  await everyPage('light', async (page, name) => {
    if (name === 'host') {
      await waitForText(page, '#host-reason', including(DISABLED_REASON));
    }
    written.push([name, pngSize(await screenshot(page, name))]);
  });
  assert.deepEqual(written, ['login', 'overview', 'hypervisors', 'host', 'events'].map((name) => [name, VIEWPORT]));
});

pageTest('signing out clears the session: the pages ask to sign in again', async (page) => {
  await page.click('button#sign-out');
  await page.waitForURL((url) => url.pathname === '/dashboard/login.html');
  assert.deepEqual((await page.context().cookies()).map((cookie) => cookie.name), []);
  assert.equal((await page.context().request.get('/dashboard/session')).status(), 401);
  await page.goto('/dashboard/hypervisors.html');
  await page.waitForURL((url) => url.pathname === '/dashboard/login.html');
});
