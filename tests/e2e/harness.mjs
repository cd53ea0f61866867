// Shared set-up for the end-to-end tests: a static server for the release build on
// 127.0.0.1 and Debian's Chromium driven by playwright-core. Nothing leaves the machine.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { mkdir } from 'node:fs/promises';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = process.env.WAYPOINT_DIST || join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serves the built app from `dir` on a free loopback port. */
export async function serve(dir = DIST) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/** Starts headless Chromium with the flags this machine needs (root, no network). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
      ...(process.env.CHROMIUM_FLAGS ? process.env.CHROMIUM_FLAGS.split(' ') : []),
    ],
  });
}

/** Opens the app in a fresh browser profile and waits until it has rendered. */
export async function openApp(browser, url, { viewport = { width: 1400, height: 1000 }, init, deviceScaleFactor } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...(deviceScaleFactor ? { deviceScaleFactor } : {}) });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // Privacy: the app must never ask another origin for anything. Every test ends by
  // checking `errors`, so a request anywhere else fails it.
  const origin = new URL(url).origin;
  context.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(origin) && !/^(data|blob):/.test(target)) {
      errors.push(`request to another origin: ${target}`);
    }
  });
  await page.goto(url);
  // The footer is the app's own: index.html's first screen has none.
  await page.waitForSelector('.site-footer');
  return { context, page, errors };
}

const AXE_SOURCE = await readFile(join(ROOT, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.0–2.2 A and AA, and best practice) on the page as it is now;
 *  returns the violations as readable lines. Evaluated through the driver, so the app's
 *  Content-Security-Policy stays in force. */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return violations;
}

/** A page script (for openApp's `init`): this tab's storage refuses every write, as a
 *  full quota does, while its session holds `fill-quota` = `yes`. */
export function refuseWritesWhenAsked() {
  const real = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (sessionStorage.getItem('fill-quota') === 'yes' && this === localStorage) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return real.call(this, key, value);
  };
}

/** Creates an assessment through the form and waits for its page. */
export async function createAssessment(page, { school, scope = 'whole_school', scopeName = '', date = '2026-11-23', assessors = '' }) {
  await page.getByRole('link', { name: /new assessment|start your first/i }).first().click();
  await page.waitForSelector('form.details-form');
  // Exact: the home page's search box is labelled "Find a school, team or date".
  await page.getByLabel('School', { exact: true }).fill(school);
  await page.getByLabel('What are you assessing?').selectOption(scope);
  if (scopeName) await page.getByLabel(/^Name of the/).fill(scopeName);
  await page.getByLabel('Date').fill(date);
  if (assessors) await page.getByLabel(/Assessed by/).fill(assessors);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.waitForSelector('.assessment-layout');
}

/** On a narrow screen the assessment page shows the questions or the result, chosen by
 *  a switch at its top: shows the result (nothing to do on a wide screen). */
export async function showResult(page) {
  const button = page.locator('.view-switch').getByRole('button', { name: /^Result/ });
  if (await button.isVisible() && (await button.getAttribute('aria-pressed')) !== 'true') {
    await button.click();
    await page.locator('#result-heading').waitFor();
  }
}

/** Shows the questions, when a narrow screen shows the result in their place. */
export async function showQuestions(page) {
  const button = page.locator('.view-switch').getByRole('button', { name: /^Questions/ });
  if (await button.isVisible() && (await button.getAttribute('aria-pressed')) !== 'true') {
    await button.click();
    await page.locator('#questions-heading').waitFor();
  }
}

/** Shows one part of the questionnaire (a stage or a theme, by its name), which is
 *  answered a part at a time. */
export async function showPart(page, name) {
  const button = page.locator('.step-button').filter({ has: page.locator('.step-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  if ((await button.getAttribute('aria-current')) !== 'step') await button.click();
}

/** Answers a feature (by id, e.g. "repair-3") with a level label such as "Clearly",
 *  showing its stage (or, with a theme's id as `context`, its theme) first if need be. */
export async function answer(page, featureId, level, context = 's') {
  const levelId = { 'Not seen': 'not_seen', Partly: 'partly', Clearly: 'clearly', 'Not applicable': 'not_applicable' }[level];
  await showQuestions(page);
  const label = page.locator(`label[for="${context}-${featureId}-${levelId}"]`);
  if ((await label.count()) === 0) {
    const stage = featureId.split('-')[0];
    await showPart(page, context === 's' ? stage[0].toUpperCase() + stage.slice(1) : THEME_NAMES[context]);
  }
  await label.click();
}

/** A feature's evidence note (a textarea), shown: its part of the questionnaire on
 *  screen and its "Add a note" opened. */
export async function noteField(page, featureId, context = 's') {
  await showQuestions(page);
  const field = page.locator(`#${context}-${featureId}-note`);
  if ((await field.count()) === 0) {
    const stage = featureId.split('-')[0];
    await showPart(page, context === 's' ? stage[0].toUpperCase() + stage.slice(1) : THEME_NAMES[context]);
  }
  if (!(await field.isVisible())) {
    await page.locator(`fieldset[data-feature="${featureId}"] details.note-box > summary`).click();
  }
  return field;
}

/** The "3 of 8 answered" of one part of the questionnaire, from the list of parts. */
export function partCount(page, name) {
  return page.locator('.step-button').filter({ has: page.locator('.step-name', { hasText: new RegExp(`^${name}$`) }) }).locator('.group-count');
}

/** Opens the stage profile's table (behind "The same figures as a table" beside the chart). */
export async function showFigures(page) {
  const details = page.locator('details.figures').first();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

/** Opens the folded "What would move you on" on the assessment page. */
export async function showNextSteps(page) {
  const details = page.locator('details.next-steps-fold').first();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

/** The id in the page's address (`#/assessment/ID`, `#/school/ID`, …). */
export function idInUrl(page) {
  return new URL(page.url()).hash.split('/')[2];
}

/** Every stored record of one kind ("assessment", "workshop", "trajectory" or "plan"),
 *  parsed, from the keys `waypoint.<kind>.<id>`. */
export async function storedRecords(page, kind = 'assessment') {
  return page.evaluate((prefix) => Object.keys(localStorage)
    .filter((k) => k.startsWith(prefix))
    .sort()
    .map((k) => JSON.parse(localStorage.getItem(k))), `waypoint.${kind}.`);
}

/** One stored assessment record, parsed (null when there is none). */
export async function storedAssessment(page, id) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) || 'null'), `waypoint.assessment.${id}`);
}

/** The stored meta record (schools, trusts and bookkeeping), parsed. */
export async function storedMeta(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('waypoint.meta') || 'null'));
}

const FRAMEWORK = JSON.parse(await readFile(join(ROOT, 'content/four_stages.json'), 'utf8'));
const FEATURE_IDS = FRAMEWORK.features.map((f) => f.id);
const THEME_NAMES = Object.fromEntries(FRAMEWORK.themes.map((t) => [t.id, t.name]));
const LEVEL_LETTERS = { c: 'clearly', p: 'partly', n: 'not_seen', x: 'not_applicable' };

/** One feature's answer in a stored or exported assessment, `{ level, note }` (null when
 *  unanswered), whichever way the answers are written: one entry per feature, or the
 *  compact `{"levels": "cpn-x…", "notes": {…}}` (one letter per feature, in order). */
export function answerOf(record, feature) {
  const answers = record?.answers ?? {};
  if (answers[feature]) return { level: answers[feature].level ?? null, note: answers[feature].note ?? '' };
  const index = FEATURE_IDS.indexOf(feature);
  const level = LEVEL_LETTERS[(answers.levels ?? '')[index]] ?? null;
  const note = answers.notes?.[feature] ?? '';
  return level || note ? { level, note } : null;
}

/** Polls `check` (async, run in node) until it returns something truthy; returns that. */
/** Waits until the service worker has kept the release, then until it controls the page.
 *  A page that started while the worker was installing is not always claimed (the claim can
 *  fall between two documents, and then this page stays uncontrolled for good): such a page
 *  is reloaded, as a user's next visit would be, and that visit is served by the worker. */
export async function controlledByWorker(page, { timeout = 200_000 } = {}) {
  const kept = await page.evaluate((timeout) => Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), timeout)),
  ]), timeout);
  if (!kept) throw new Error('the service worker did not finish keeping the release');
  if (await page.evaluate(() => navigator.serviceWorker.controller === null)) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout });
  }
}

export async function waitUntil(check, { timeout = 10000, interval = 50, what = 'the condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until the app has written every change made on the page: its own count of
 *  records waiting to be saved (`data-unsaved` on the root element) is 0. */
export async function waitForSaved(page) {
  await page.waitForFunction(() => (document.documentElement.dataset.unsaved ?? '0') === '0', null, { timeout: 200_000 });
}

/** How many saves the app has tried since the page opened (`data-save-attempts`). */
export async function saveAttempts(page) {
  return page.evaluate(() => Number(document.documentElement.dataset.saveAttempts || 0));
}

/** Waits until the app has tried to save again since `before` (see `saveAttempts`),
 *  whether or not it could: for checking what a held save did not write. */
export async function waitForSaveAttempt(page, before) {
  await page.waitForFunction((n) => Number(document.documentElement.dataset.saveAttempts || 0) > n, before, { timeout: 200_000 });
}

/** Waits until the page has drawn two more frames (what a change has redrawn is on screen). */
export async function nextFrames(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Waits until the stored record of assessment `id` has `feature` answered as `want`
 *  says (`{ level }` and/or `{ note }`); returns the record. */
export async function waitForStoredAnswer(page, id, feature, want, options = {}) {
  return waitUntil(async () => {
    const record = await storedAssessment(page, id);
    const got = answerOf(record, feature);
    const ok = got && (want.level === undefined || got.level === want.level) && (want.note === undefined || got.note === want.note);
    return ok ? record : null;
  }, { what: `${feature} stored as ${JSON.stringify(want)}`, ...options });
}

/** Every `waypoint.*` key and its text, to show that nothing changed. */
export async function storageSnapshot(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('waypoint.'))
    .sort()
    .map((k) => [k, localStorage.getItem(k)])));
}

/** The keys of data kept aside because it could not be read. */
export async function unreadableKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waypoint.unreadable.')));
}

/** A date as the app shows it: "23 Nov 2026", with no-break spaces (it never splits). */
export function shownDate(iso) {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}\u00a0${months[m - 1]}\u00a0${y}`;
}

/** Today in this machine's time zone, yyyy-mm-dd (the browser's "today"). */
export function todayIso() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Counts the canvas pixels that are not white: proof the chart drew something. */
export async function drawnPixels(page, selector = 'canvas.chart') {
  return page.$eval(selector, (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245)) count++;
    }
    return count;
  });
}

/** The chart's current image, to tell whether it was redrawn differently. */
export async function chartImage(page, selector = 'canvas.chart') {
  return page.$eval(selector, (canvas) => canvas.toDataURL());
}

/** Registers set-up and tear-down for a test file: one server and one browser for all its
 *  tests. Returns an object whose `server` and `browser` are filled in before the tests run. */
export function useApp() {
  const app = {};
  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    app.server = await serve();
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
