// The two timings of bench/dashboard.sh, taken in Chromium against a server that already has its hosts up:
//   first 1,000 rows: from the navigation to hypervisors.html?limit=1000 until its table holds 1,000 rows and a frame
//                     has been painted after that (the page's own clock: performance.now() from navigation start);
//   state change:     from the moment the force-down (or force-up) request is sent until the row of that host, on a
//                     page opened before, shows the new state (both on this machine's clock).
// Prints each round, then the median and the worst of each.
import { parseArgs } from 'node:util';
import { Api } from '../lib/api.js';
import { BASE_URL, launch, openPage, signIn, tokenFields } from '../lib/browser.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '10' }, hosts: { type: 'string' } } });
const rounds = Number(values.rounds);
const ROWS = 1000;
const api = new Api(BASE_URL, 'admin:admin');

function summary(name, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`${name}: median ${median.toFixed(0)} ms, worst ${sorted.at(-1).toFixed(0)} ms, ` +
    `best ${sorted[0].toFixed(0)} ms (${samples.length} rounds)`);
}

async function firstRows(page) {
  await page.goto(`/dashboard/hypervisors.html?limit=${ROWS}`, { waitUntil: 'commit' });
  // Polled at each animation frame: true in the first frame that has the rows.
  await page.waitForFunction(
    (rows) => document.querySelectorAll('table#hypervisors > tbody > tr[data-hostname]').length >= rows,
    ROWS,
    { polling: 'raf', timeout: 30_000 },
  );
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
    const painted = performance.now();
    // Where the time went: the list's request (started after the page's other calls) and its answer.
    const list = performance.getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/hyperstatus/v1/hypervisors?'));
    const last = list.at(-1);
    resolve({ painted, requested: last?.startTime ?? NaN, answered: last?.responseEnd ?? NaN });
  })));
}

// Watches the row for the state text, in the page, and gives the wall-clock time it appeared.
async function armWatch(page, hostname, state) {
  await page.evaluate(([name, wanted]) => {
    window.benchSeen = new Promise((resolve) => {
      const badge = `tr[data-hostname="${name}"] td.state .badge`;
      const shows = () => document.querySelector(badge)?.textContent.trim() === wanted;
      const observer = new MutationObserver(() => {
        if (shows()) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
        }
      });
      observer.observe(document.querySelector('table#hypervisors'),
        { childList: true, subtree: true, characterData: true });
    });
  }, [hostname, state]);
}

const browser = await launch();
try {
  const page = await openPage(browser);
  page.setDefaultTimeout(30_000);
  await signIn(page, tokenFields('admin:admin'));

  const loads = [];
  for (let round = 1; round <= rounds; round++) {
    const { painted, requested, answered } = await firstRows(page);
    loads.push(painted);
    console.log(`round ${round}: first ${ROWS} rows painted ${painted.toFixed(0)} ms after navigation` +
      ` (list requested at ${requested.toFixed(0)} ms, answered at ${answered.toFixed(0)} ms)`);
  }

  await firstRows(page);
  await page.waitForSelector('#live-status.on');
  const shown = await page.$$eval('table#hypervisors > tbody > tr[data-hostname]',
    (rows) => rows.map((row) => ({ hostname: row.dataset.hostname, host: row.dataset.host })));
  const changes = [];
  for (let round = 1; round <= rounds; round++) {
    // Rows spread over the page, not only its first screen.
    const row = shown[(round * 97) % shown.length];
    const service = await api.computeService(row.host);
    for (const [forced, state] of [[true, 'down'], [false, 'up']]) {
      await armWatch(page, row.hostname, state);
      const sent = Date.now();
      await api.updateService(service.id, { forced_down: forced });
      const seen = await page.evaluate(() => window.benchSeen);
      changes.push(seen - sent);
      console.log(`round ${round}: ${row.hostname} forced ${state},` +
        ` shown ${(seen - sent).toFixed(0)} ms after the request was sent`);
    }
  }
  summary(`first ${ROWS} rows of ${values.hosts ?? '?'} hosts`, loads);
  summary('state change to row', changes);
  if (page.errors.length) {
    console.log(`script errors in the page: ${page.errors.join('; ')}`);
  }
} finally {
  await browser.close();
}
