// Waits and reads shared by the noauth2 and the Keystone passes.
import assert from 'node:assert/strict';
import { TIMEOUT_MS } from './browser.js';

// Waits until the element's trimmed text is the one given, or matches it when it is a RegExp.
export async function waitForText(page, selector, expected, timeoutMs = TIMEOUT_MS) {
  const pattern = expected instanceof RegExp ? [expected.source, expected.flags] : null;
  try {
    await page.waitForFunction(
      ([s, text, regexp]) => {
        const shown = document.querySelector(s)?.textContent.trim();
        return shown !== undefined && (regexp ? new RegExp(...regexp).test(shown) : shown === text);
      },
      [selector, pattern ? null : expected, pattern],
      { timeout: timeoutMs },
    );
  } catch (error) {
    const shown = await page.$eval(selector, (element) => element.textContent.trim()).catch(() => '(no such element)');
    throw new Error(`${selector} shows "${shown}", not ${expected}, after ${timeoutMs} ms`, { cause: error });
  }
}

// A RegExp that matches any text containing the given one.
export function including(text) {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

// Waits until the set of hypervisor rows is the one given (the rows of a filter, which the page loads anew).
export async function waitForHostnames(page, hostnames, timeoutMs = TIMEOUT_MS) {
  const wanted = [...hostnames].sort();
  try {
    await page.waitForFunction(
      (expected) => {
        const table = document.querySelector('table#hypervisors');
        if (!table || table.getAttribute('aria-busy') !== 'false') {
          return false;
        }
        const shown = [...table.querySelectorAll('tbody > tr[data-hostname]')].map((row) => row.dataset.hostname);
        return JSON.stringify(shown.sort()) === JSON.stringify(expected);
      },
      wanted,
      { timeout: timeoutMs },
    );
  } catch (error) {
    const shown = await page.$$eval('table#hypervisors > tbody > tr[data-hostname]', (rows) =>
      rows.map((row) => row.dataset.hostname).sort());
    assert.deepEqual(shown, wanted, `the rows shown after ${timeoutMs} ms`);
    throw error;
  }
}

// Waits until the page's URL has the query parameter (pages write their filters with history.replaceState, which
// is no navigation).
export async function waitForQuery(page, name, value, timeoutMs = TIMEOUT_MS) {
  try {
    await page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n) === v, [name, value],
      { timeout: timeoutMs });
  } catch (error) {
    throw new Error(`the URL ${page.url()} has no ${name}=${value} after ${timeoutMs} ms`, { cause: error });
  }
}

// Marks the document, so that a test can tell later that what it sees came without a reload or a navigation.
export async function markDocument(page) {
  await page.evaluate(() => {
    window.hyperstatusTestMark = true;
  });
}

export async function assertSameDocument(page) {
  assert.equal(await page.evaluate(() => window.hyperstatusTestMark === true), true, 'the page was reloaded');
}

export function assertNoScriptErrors(page) {
  assert.deepEqual(page.errors, [], 'uncaught script errors in the page');
}

// The overview's counts, zone by zone, each cell as its text.
export function zoneCounts(page) {
  return page.$$eval('table#zone-counts tr[data-zone]', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.dataset.zone,
        Object.fromEntries([...row.querySelectorAll('td[data-count]')].map((cell) =>
          [cell.dataset.count, cell.textContent.trim()])),
      ]),
    ));
}

// The action buttons of the host page that are in the document.
export function actionButtons(page) {
  return page.$$eval('button[id^="action-"]', (buttons) => buttons.map((button) => button.id).sort());
}
