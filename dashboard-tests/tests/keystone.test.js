// The dashboard with auth_strategy = keystone, behind the Keystone of dashboard-tests/run.sh --keystone (the users
// of scripts/keystone.sh): the server exchanges user name, password, project and domain for a Keystone token.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Api, keystoneToken } from '../lib/api.js';
import {
  BASE_URL, hypervisorRows, keystoneFields, launch, openDashboardPage, openPage, required, seriousViolations, signIn,
} from '../lib/browser.js';
import { HOSTS, applyFixture, expectedRows, hostnameOf } from '../lib/fixture.js';
import { actionButtons, assertNoScriptErrors, waitForText } from '../lib/pages.js';

const KEYSTONE_URL = required('HYPERSTATUS_KEYSTONE_URL');
const ADMIN = {
  username: 'admin', password: process.env.HYPERSTATUS_KEYSTONE_ADMIN_PASSWORD || 'keystone-admin',
  project: 'admin', domain: 'Default',
};
const READER = {
  username: 'reader', password: process.env.HYPERSTATUS_KEYSTONE_READER_PASSWORD || 'reader-secret',
  project: 'demo', domain: 'Default',
};
// No test may hold up the others for long: each is stopped after this.
const BOUNDED = { timeout: 90_000 };
let browser;
let api;

before(async () => {
  browser = await launch();
  api = new Api(BASE_URL, await keystoneToken(KEYSTONE_URL, ADMIN));
  await applyFixture(api, 90_000);
});

after(async () => {
  await browser?.close();
});

async function session(page) {
  const response = await page.context().request.get('/dashboard/session');
  return { status: response.status(), body: response.status() === 200 ? (await response.json()).session : null };
}

test(
  'the login page asks for user name, password, project and domain, the domain Default unless changed',
  BOUNDED,
  async () => {
  const page = await openPage(browser);
  const config = await (await page.context().request.get('/dashboard/config.json')).json();
  assert.equal(config.auth_strategy, 'keystone');
  await openDashboardPage(page, 'login');
  for (const field of ['#username', '#password', '#project', '#domain']) {
    assert.equal(await page.isVisible(field), true, field);
  }
  assert.equal(await page.isVisible('#token'), false);
  assert.equal(await page.inputValue('#domain'), 'Default');
  assert.equal(await page.getAttribute('#password', 'type'), 'password');
  assert.deepEqual(await seriousViolations(page), []);
  await page.context().close();
});

test('signing in through Keystone returns to the page asked for, which shows every fixture host', BOUNDED, async () => {
  const page = await openPage(browser);
  await signIn(page, keystoneFields(ADMIN), '/dashboard/hypervisors.html');
  assert.equal(new URL(page.url()).pathname, '/dashboard/hypervisors.html');
  const { status, body } = await session(page);
  assert.equal(status, 200);
  assert.ok(body.roles.includes('admin'), body.roles.join(' '));
  assert.equal(body.allowed['os_compute_api:os-services:update'], true);
  await waitForText(page, '#whoami', body.user_id);
  await openDashboardPage(page, 'hypervisors');
  assert.deepEqual(await hypervisorRows(page), expectedRows());
  await waitForText(page, '#total', new RegExp(`^${HOSTS.length} hypervisors\\b`));
  assertNoScriptErrors(page);
  await page.context().close();
});

test('a wrong Keystone password is refused on the login page, with no session', BOUNDED, async () => {
  const page = await openPage(browser);
  await openDashboardPage(page, 'login');
  for (const [selector, value] of keystoneFields({ ...ADMIN, password: 'not-the-password' })) {
    await page.fill(selector, value);
  }
  await page.click('form#sign-in button[type=submit]');
  await page.waitForSelector('#sign-in-error[role="alert"]', { state: 'visible' });
  assert.equal(new URL(page.url()).pathname, '/dashboard/login.html');
  assert.equal((await session(page)).status, 401);
  await page.context().close();
});

test('a Keystone reader sees the host page but no action buttons', BOUNDED, async () => {
  const page = await openPage(browser);
  await signIn(page, keystoneFields(READER));
  const { body } = await session(page);
  assert.deepEqual([body.roles.includes('reader'), body.roles.includes('admin')], [true, false]);
  await openDashboardPage(page, 'overview');
  await openDashboardPage(page, 'host', await api.hypervisorId(hostnameOf('dash-01')));
  await waitForText(page, '#host-name', hostnameOf('dash-01'));
  assert.deepEqual(await actionButtons(page), []);
  assertNoScriptErrors(page);
  await page.context().close();
});
