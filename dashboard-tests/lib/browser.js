// Debian's Chromium driven by playwright-core, and what the tests do with a page: sign in, wait until a page has
// loaded its data, read its rows, run axe-core, take a screenshot.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE_URL = required('HYPERSTATUS_DASHBOARD_URL');
const CHROMIUM = process.env.HYPERSTATUS_CHROMIUM || '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const VIEWPORT = { width: 1280, height: 800 };
// Every wait in a page is bounded by this unless the test says otherwise.
export const TIMEOUT_MS = 15_000;

export function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the tests with dashboard-tests/run.sh`);
  }
  return value;
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: 60_000 });
}

// A browser context of its own (its own cookies: one user's session) and a page in it. The page's uncaught script
// errors are collected in page.errors, so that a test can say there were none.
export async function openPage(browser, { colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: VIEWPORT, colorScheme });
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  return page;
}

// Signs in through the login page, as a person would: fields is a list of [selector, value] pairs.
export async function signIn(page, fields, start = '/dashboard/') {
  await page.goto(start);
  await page.waitForURL((url) => url.pathname === '/dashboard/login.html');
  for (const [selector, value] of fields) {
    await page.fill(selector, value);
  }
  await page.click('form#sign-in button[type=submit]');
  await page.waitForURL((url) => url.pathname !== '/dashboard/login.html');
}

export function tokenFields(token) {
  return [['#token', token]];
}

export function keystoneFields({ username, password, project, domain }) {
  return [['#username', username], ['#password', password], ['#project', project], ['#domain', domain]];
}

// Each page, with what shows that it has loaded its data.
export const PAGES = {
  login: { path: () => '/dashboard/login.html', ready: 'form#sign-in' },
  overview: { path: () => '/dashboard/', ready: 'table#zone-counts tr[data-zone]' },
  hypervisors: { path: () => '/dashboard/hypervisors.html', ready: 'table#hypervisors[aria-busy="false"]' },
  host: { path: (id) => `/dashboard/host.html?id=${id}`, ready: 'ol#history > li' },
  events: { path: () => '/dashboard/events.html', ready: 'table#events > tbody > tr' },
};

export async function openDashboardPage(page, name, id) {
  const response = await page.goto(PAGES[name].path(id));
  await page.waitForSelector(PAGES[name].ready);
  return response;
}

export async function hypervisorsLoaded(page) {
  await page.waitForSelector('table#hypervisors[aria-busy="false"]');
}

// The rows of table#hypervisors, keyed by hostname, each cell as its text.
export function hypervisorRows(page) {
  return page.$$eval('table#hypervisors > tbody > tr[data-hostname]', (rows) => {
    const text = (row, selector) => {
      const cell = row.querySelector(selector);
      // A cell with nothing to say may show a dash.
      return cell ? cell.textContent.trim().replace(/^[-\u2013\u2014]$/, '') : null;
    };
    return Object.fromEntries(
      rows.map((row) => [
        row.dataset.hostname,
        {
          state: text(row, 'td.state .badge'),
          status: text(row, 'td.status .badge'),
          reason: text(row, 'td.reason'),
          zone: text(row, 'td.zone'),
          aggregates: text(row, 'td.aggregates'),
          type: text(row, 'td.type'),
          instances: text(row, 'td.instances'),
        },
      ]),
    );
  });
}

// The serious and critical violations axe-core finds in the page as it is. axe is evaluated through the DevTools
// protocol, which the page's Content-Security-Policy (no inline script) does not govern.
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      }));
  });
}

export async function screenshot(page, name) {
  const folder = required('HYPERSTATUS_SCREENSHOTS');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// Width and height of a PNG file, from its IHDR chunk.
export function pngSize(path) {
  const bytes = readFileSync(path);
  if (bytes.toString('latin1', 1, 4) !== 'PNG') {
    throw new Error(`${path} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
