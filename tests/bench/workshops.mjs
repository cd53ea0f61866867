// The benchmark's workshop section (issue 22): workshops of 100, 1,000 and 10,000 people,
// stored and then opened: the app interactive after a reload, the answer grid (a page of
// people at a time), the workshop page (and one answer there until it is saved; the save
// waits 0.4 s, counted in its time) and the results, each with the longest task the
// main thread ran; and pasting answer links (100 and 1,000, with repeats). Prints figures
// for docs/figures.md; not a test (machines are noisy). Run by scripts/bench.sh, or alone:
// `cd tests/e2e && node ../bench/workshops.mjs` after a release build.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../e2e/harness.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIZES = (process.env.BENCH_PEOPLE || '100,1000,10000').split(',').map(Number);
const PASTES = (process.env.BENCH_LINKS || '100,1000').split(',').map(Number);
const aas = JSON.parse(readFileSync(join(ROOT, 'content/aas.json'), 'utf8'));
const PRACTICES = aas.areas.flatMap((a) => a.parts.flatMap((p) => ['standardised', 'aligned', 'autonomy'].flatMap((c) => p[c].map((s) => s.id))));
// Four practices chosen for the meeting, so 10,000 people's answers fit in storage.
const CHOSEN = PRACTICES.slice(0, 4);
const POSITIONS = ['autonomous', 'partly_aligned', 'aligned', 'largely_standardised', 'standardised'];
let fingerprint = 0x811c9dc5;
for (const id of PRACTICES) for (const b of Buffer.from(`${id}\n`)) fingerprint = Math.imul(fingerprint ^ b, 0x01000193) >>> 0;
const FP = fingerprint.toString(16).padStart(8, '0');

export function records(people) {
  const respondents = Array.from({ length: people }, (_, n) => ({
    id: `r${n}`, name: `Person ${n + 1}`, role: 'Board member',
    placings: Object.fromEntries(CHOSEN.map((p, i) => [p, { now: POSITIONS[(n + i) % 5], desired: POSITIONS[(n + 2 * i) % 5] }])),
  }));
  return {
    'waypoint.meta': JSON.stringify({ format: 'waypoint', schema: 5, schools: [], trusts: [{ id: 't1', name: 'Bench Trust', created_ms: 1, updated_ms: 1 }] }),
    'waypoint.workshop.w1': JSON.stringify({ id: 'w1', trust_id: 't1', academy: '', date: '2026-11-23', respondents, created_ms: 1, updated_ms: 1, practices: CHOSEN }),
  };
}

export function link(base, n) {
  const a = PRACTICES.map((p, i) => (CHOSEN.includes(p) ? `${(n + i) % 5}${(n + 2 * i) % 5}` : '--')).join('');
  const payload = { f: 'waypoint-answers', v: 1, k: FP, w: 'w1', r: `m${n}`, n: `Member ${n + 1}`, a, o: 'Board member' };
  return `${base}#/answers/${deflateRawSync(Buffer.from(JSON.stringify(payload))).toString('base64url')}`;
}

const watch = () => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

async function main() {
const server = await serve();
const browser = await launch();
console.log('Workshops (longest task on the main thread in brackets)');
for (const people of SIZES) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 1000 } });
  const errors = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await context.addInitScript(watch);
  await page.goto(server.url);
  await page.waitForSelector('.site-footer');
  await page.evaluate((r) => { localStorage.clear(); for (const [k, v] of Object.entries(r)) localStorage.setItem(k, v); }, records(people));
  const chars = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  const timed = async (path, ready) => {
    const t0 = Date.now();
    await page.goto(server.url + path);
    // A new document each time (a change of the fragment alone would not reload).
    await page.reload();
    await page.waitForSelector(ready, { timeout: 300_000 });
    const ms = Date.now() - t0;
    const longest = await page.evaluate(() => window.__longest);
    return `${ms} ms (${Math.round(longest)} ms)`;
  };
  const home = await timed('', '.site-footer');
  const grid = await timed('#/workshop/w1/grid', 'table.answer-grid select');
  const t0 = Date.now();
  if (people > 8) {
    await page.getByRole('button', { name: 'Next members' }).click();
    await page.getByText(`Members 9 to 16 of`).waitFor();
  }
  const turn = Date.now() - t0;
  const workshop = await timed('#/workshop/w1', 'main h1');
  // One answer on the workshop page, until it is saved (the whole record is written).
  await page.locator('label.member-chip').first().click();
  await page.locator('.answering-as strong').waitFor();
  await page.evaluate(() => { window.__longest = 0; window.__stored = localStorage.getItem('waypoint.workshop.w1'); });
  const a0 = Date.now();
  const choice = page.locator('fieldset.practice input[type=radio]:not(:checked)').first();
  const choiceId = await choice.getAttribute('id');
  await page.locator(`label[for="${choiceId}"]`).click();
  await page.waitForFunction(() => localStorage.getItem('waypoint.workshop.w1') !== window.__stored, null, { timeout: 300_000 });
  const answered = `${Date.now() - a0} ms (${Math.round(await page.evaluate(() => window.__longest))} ms)`;
  const results = await timed('#/workshop/w1/results', 'main h1');
  console.log(`  ${people.toLocaleString('en-GB')} people (${(chars / 1e6).toFixed(2)} M characters): reload ${home}; grid ${grid}, next page ${turn} ms; workshop ${workshop}, an answer saved ${answered}; results ${results}${errors.length ? `; ERRORS: ${errors.join(' | ')}` : ''}`);
  await context.close();
}
for (const count of PASTES) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(watch);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.site-footer');
  await page.evaluate((r) => { localStorage.clear(); for (const [k, v] of Object.entries(r)) localStorage.setItem(k, v); }, records(0));
  await page.goto(server.url + '#/workshop/w1');
  await page.reload();
  await page.waitForSelector('#answer-links');
  const links = Array.from({ length: count }, (_, n) => link(server.url, n));
  const repeats = Math.max(1, Math.floor(count / 50));
  await page.getByLabel(/Paste answer links/).fill([...links, ...links.slice(0, repeats)].join('\n'));
  await page.evaluate(() => { window.__longest = 0; });
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Add these answers' }).click();
  await page.locator('.import-messages li', { hasText: /added \d+ (people|members)|added Member/ }).last().waitFor({ timeout: 600_000 });
  const ms = Date.now() - t0;
  const longest = await page.evaluate(() => window.__longest);
  console.log(`  ${count.toLocaleString('en-GB')} pasted answer links (+${repeats} repeats): merged in ${ms} ms (${Math.round(longest)} ms)`);
  await context.close();
}
await browser.close();
await server.close();
}
