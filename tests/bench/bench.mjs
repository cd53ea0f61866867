// The benchmark: download size, first render against a static page, answer-to-chart
// time, share-link length, and import of a 200-school trust file. Prints figures; it is
// not a test (machines are noisy), but the budgets from issue #6 are shown beside them.
import { readdir, readFile, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, openApp, createAssessment, DIST, ARTIFACTS } from '../e2e/harness.mjs';
import { landingRoutes } from '../lighthouse/links.mjs';

const ANSWERS = Number(process.env.BENCH_ANSWERS || 300);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

// 1. Download size of what the app loads.
// The first download is the app's own files; the QR workers load only with the pages that
// need them (the encoder where a code is shown, the scanner when the facilitator opens it),
// and are shown apart.
const worker = (f) => f.startsWith('scanner') || f.startsWith('encoder') || f.startsWith('member');
// The parts of the split app (scripts/split.mjs), each fetched with its pages (section 1b).
const part = (f) => /-(chunk|split)_[\w]+\.wasm$/.test(f);
const files = (await readdir(DIST)).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'sw.js' && !worker(f) && !part(f));
const lazy = (await readdir(DIST)).filter((f) => worker(f) && /\.(wasm|js)$/.test(f));
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log('Download size (raw / gzip / brotli)');
for (const f of files) {
  const body = await readFile(join(DIST, f));
  const sizes = {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += sizes[k];
  console.log(`  ${f.replace(/-[0-9a-f]{12,}/, '')}: ${kb(sizes.raw)} / ${kb(sizes.gzip)} / ${kb(sizes.brotli)}`);
}
console.log(`  total: ${kb(total.raw)} / ${kb(total.gzip)} / ${kb(total.brotli)}  (budget 350 KB brotli)`);
{
  const parts = (await readdir(DIST)).filter(part);
  let brotli = 0;
  for (const f of parts) brotli += brotliCompressSync(await readFile(join(DIST, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (parts.length) console.log(`  loaded with their pages (the split app's parts): ${parts.length} files, ${kb(brotli)} brotli in all`);
}
for (const f of lazy) {
  const body = await readFile(join(DIST, f));
  const when = f.startsWith('member') ? "instead of the app, for a board member's join and answer links" : `only with the QR ${f.startsWith('scanner') ? 'scanner' : 'codes shown'}`;
  console.log(`  loaded ${when}: ${f.replace(/-[0-9a-f]{12,}/, '')}: ${kb(body.length)} / ${kb(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)} brotli`);
}

// 1b. What each landing route fetches on a first visit (service worker blocked, so only the
// page's own requests), brotli as a static host serves it, and when the app has drawn it.
const brotliOf = async (path) => brotliCompressSync(await readFile(join(DIST, path)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
{
  const routeServer = await serve();
  const routeBrowser = await launch();
  const budgets = { home: 350, 'an assessment (deep link)': 350, 'join link': 150, 'answer link': 150 };
  console.log('\nFirst visit by route (brotli; median of 3 cold loads for the time)');
  console.log('| route | fetched before drawn | files | app drawn | budget |');
  console.log('|---|---|---|---|---|');
  for (const route of landingRoutes()) {
    let bytes = 0, names = [], times = [];
    for (let i = 0; i < 3; i++) {
      const context = await routeBrowser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const paths = [];
      page.on('request', (r) => { const u = new URL(r.url()); if (u.origin + '/' === routeServer.url) paths.push(u.pathname === '/' ? 'index.html' : u.pathname.slice(1)); });
      await page.goto(routeServer.url + route.hash);
      await page.waitForSelector('.site-footer');
      times.push(await page.evaluate(() => performance.now()));
      if (i === 0) {
        names = [...new Set(paths)];
        bytes = 0;
        for (const p of names) bytes += await brotliOf(p);
      }
      await context.close();
    }
    const shown = names.filter((n) => /\.(wasm|js|css)$/.test(n)).map((n) => n.replace(/-[0-9a-f]{12,}/, '')).join(', ');
    console.log(`| ${route.name} | ${kb(bytes)} | ${shown} | ${median(times).toFixed(0)} ms | ${budgets[route.name] ? `${budgets[route.name]} KB` : ''} |`);
  }
  await routeBrowser.close();
  await routeServer.close();
}

// 2. First render: navigation to the main heading, cold (fresh profile each time). A first
// visit sees index.html's own first screen (the home page, before the app has loaded), so
// the app's own render is timed too: when its footer (which the first screen lacks) is in.
const baseline = join(DIST, 'bench-static');
await mkdir(baseline, { recursive: true });
await copyFile(new URL('./static.html', import.meta.url), join(baseline, 'index.html'));
await copyFile(join(DIST, files.find((f) => f.endsWith('.css'))), join(baseline, 'static.css'));
// The floor (built by scripts/bench.sh): the same page written by a minimal WebAssembly module.
const floor = join(DIST, 'bench-floor');
const hasFloor = await readdir(floor).then((f) => f.includes('floor_bg.wasm'), () => false);
if (hasFloor) await copyFile(join(baseline, 'static.css'), join(floor, 'static.css'));
const server = await serve();
const browser = await launch();
const markHeading = () => {
  new MutationObserver((_, observer) => {
    if (!window.__firstRender && document.querySelector('main h1')) window.__firstRender = performance.now();
    if (!window.__appIn && document.querySelector('.site-footer')) window.__appIn = performance.now();
    if (window.__firstRender && window.__appIn) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
};
async function coldLoad(url, app = false) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(markHeading);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(app ? '.site-footer' : 'main h1');
  const t = await page.evaluate(() => [window.__firstRender ?? performance.now(), window.__appIn ?? performance.now()]);
  await context.close();
  return t;
}
const QUICK = process.env.BENCH_QUICK === '1';
const LOADS = Number(process.env.BENCH_LOADS || 15);
const app = [], appIn = [], plain = [], least = [];
for (let i = 0; i < (QUICK ? 0 : LOADS); i++) {
  plain.push((await coldLoad(`${server.url}bench-static/`))[0]);
  const [first, own] = await coldLoad(server.url, true);
  app.push(first);
  appIn.push(own);
  if (hasFloor) least.push((await coldLoad(`${server.url}bench-floor/`))[0]);
}
const ratio = (xs) => (median(xs) / median(plain)).toFixed(2);
if (!QUICK && LOADS > 0) {
  console.log(`\nFirst render, median of ${LOADS} cold loads: app ${median(app).toFixed(1)} ms (its first screen, from index.html), static page ${median(plain).toFixed(1)} ms, ratio ${ratio(app)}`);
  console.log(`  the app's own render (WebAssembly loaded, first screen replaced): ${median(appIn).toFixed(1)} ms, ratio ${ratio(appIn)}`);
  if (hasFloor) console.log(`  floor: the static page written by a minimal WebAssembly module (tests/bench/floor) ${median(least).toFixed(1)} ms, ratio ${ratio(least)}; first render takes ${(median(app) / median(least)).toFixed(2)}× the floor, the app's own render ${(median(appIn) / median(least)).toFixed(2)}× (budget 1.5×)`);
}

// 2b. Someone with saved data, service worker warm: the app's own render on a reload once
// the service worker keeps the release (and the browser has its compiled code cached).
if (!QUICK && LOADS > 0) {
  const context = await browser.newContext();
  await context.addInitScript(markHeading);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.site-footer');
  await createAssessment(page, { school: 'Saved Data Primary' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto(server.url + '#/');
  const warm = [];
  for (let i = 0; i < LOADS; i++) {
    await page.reload();
    await page.waitForSelector('.site-footer');
    warm.push(await page.evaluate(() => window.__appIn ?? performance.now()));
  }
  await context.close();
  console.log(`  saved data, service worker warm (reloads): the app's own render ${median(warm).toFixed(1)} ms, ratio ${ratio(warm)}${hasFloor ? `; ${(median(warm) / median(least)).toFixed(2)}× the floor (budget 1.5×)` : ''}`);
}

// 3. Answer → result and chart updated, many answers. Each answer is a click on a level
// (the radio input, as mouse and keyboard activate it), made just after a frame so the
// time is the app's work: the change, the new result and the chart redrawn, with every
// effect run. Separately: click to the next frame painted, which adds the browser's
// style, layout and paint of the page and the wait for the frame.
const STORES_ONLY = process.env.BENCH_ONLY === 'stores';
if (!STORES_ONLY) {
const { context, page } = await openApp(browser, server.url);
await createAssessment(page, { school: 'Benchmark Primary' });
// The questionnaire shows a stage at a time: the first stage's 32 radios.
const { work, painted } = await page.evaluate(async (count) => {
  const inputs = [...document.querySelectorAll('.levels input[type=radio]')];
  const settle = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const work = [], painted = [];
  for (let i = 0; i < count; i++) {
    const input = inputs[(i * 5) % inputs.length]; // 5 is coprime with the 32 inputs: every click changes an answer
    await frame();
    await settle();
    const t0 = performance.now();
    input.click();
    await settle();
    work.push(performance.now() - t0);
    await frame();
    painted.push(performance.now() - t0);
  }
  return { work, painted };
}, ANSWERS);
console.log(`Answer → result and chart redrawn, ${ANSWERS} answers: median ${median(work).toFixed(2)} ms, p95 ${pct(work, 0.95).toFixed(2)} ms (budget p95 < 4 ms)`);
console.log(`  … to the next frame (adds style, layout, paint and the wait for the frame): median ${median(painted).toFixed(1)} ms, p95 ${pct(painted, 0.95).toFixed(1)} ms`);

// 4. Share link of a full assessment with a short note on every feature.
let noted = 0;
for (const part of await page.locator('.step-button').all()) {
  await part.click();
  const closed = page.locator('details.note-box:not([open]) > summary');
  while (await closed.count()) await closed.first().click();
  for (const note of await page.locator('textarea.note').all()) await note.fill(`Evidence ${++noted}: seen in learning walks and work scrutiny.`);
}
await page.getByRole('button', { name: 'Create share link' }).click();
const link = await page.getByLabel('Share link').inputValue();
console.log(`Share link, all 28 answered with a note each: ${link.length} characters`);
const one = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download file (JSON)' }).first().click()]);
const onePath = join(ARTIFACTS, 'bench-one.json');
await one[0].saveAs(onePath);
console.log(`Export of that assessment: ${kb((await readFile(onePath)).length)}`);
await context.close();

// 5. A 200-school trust file: generate, import, time and memory.
if (QUICK) { await browser.close(); await server.close(); process.exit(0); }
const doc = JSON.parse(await readFile(onePath, 'utf8'));
const template = doc.assessments[0];
doc.assessments = []; doc.trajectories = []; doc.plans = [];
for (let s = 0; s < 200; s++) {
  const school = `Trust School ${String(s + 1).padStart(3, '0')}`;
  // Answers are stored one letter per feature: vary them from school to school.
  const letters = 'npc';
  const answers = { levels: [...template.answers.levels].map((_, k) => letters[(s + k) % 3]).join(''), notes: template.answers.notes };
  doc.assessments.push({ ...template, id: `a${s}`, school, answers });
  doc.trajectories.push({ id: `t${s}`, school, points: ['2022', '2023', '2024', '2025'].map((period, i) => ({ period, band: ['floor', 'coasting', 'national_average', 'top15'][(s + i) % 4] })), capacity: [], updated_ms: 1 });
  doc.plans.push({ id: `p${s}`, school, assessment_id: `a${s}`, kind: 'school_to_school', partner: 'Trust School 001', focus: 'Leadership', target: 'Reading at the expected standard rises to 70%', owner: 'Deputy head', start: '2026-09-07', end: '2027-02-12', review_weeks: 6, success_criteria: '70% in the summer assessments', status: 'in_progress', reviews: [], created_ms: 1, updated_ms: 1 });
}
const trustPath = join(ARTIFACTS, 'bench-trust-200.json');
await writeFile(trustPath, JSON.stringify(doc, null, 2));
const trustSize = (await readFile(trustPath)).length;
const imports = [];
let heap = 0;
for (let i = 0; i < 3; i++) {
  const { context: c, page: p } = await openApp(browser, server.url);
  const cdp = await c.newCDPSession(p);
  await cdp.send('Performance.enable');
  const metric = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const before = await metric();
  await p.evaluate(() => {
    const input = document.querySelector('#import-store-files');
    input.addEventListener('change', () => { window.__importStart = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      if (!window.__importEnd && document.querySelector('.import .import-messages li')) window.__importEnd = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await p.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(trustPath);
  await p.getByText(/imported \(600 added\)/).waitFor();
  imports.push(await p.evaluate(() => window.__importEnd - window.__importStart));
  heap = Math.max(heap, (await metric()) - before);
  await c.close();
}
console.log(`Import of a 200-school trust file (${kb(trustSize)}; 200 assessments, trajectories and plans): median ${median(imports).toFixed(0)} ms of 3 (budget 300 ms), JS heap growth ${kb(heap)}`);
}

// 6. Large stores: 200, 5,000 and 20,000 assessments (25 per school, every feature
// answered). The records are written straight into storage, then the app is reloaded.
const SIZES = (process.env.BENCH_SIZES || '200,5000,20000').split(',').map(Number);
console.log('\nLarge stores (budgets: interactive after a reload <= 300 ms, a page <= 50 ms, an answer saved <= 5 ms p95, no task over 100 ms in an import)');
const watchLongTasks = () => {
  window.__longest = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
    .observe({ entryTypes: ['longtask'] });
};
function trustDocument(count) {
  const letters = 'cpn';
  const schools = [];
  const assessments = [];
  for (let i = 0; i < count; i++) {
    const s = Math.floor(i / 25);
    if (i % 25 === 0) schools.push({ id: `s${s}`, name: `Trust School ${String(s + 1).padStart(4, '0')}`, created_ms: 1, updated_ms: 1 });
    const levels = Array.from({ length: 28 }, (_, k) => letters[(i + k * 7) % 3]).join('');
    const year = 2022 + (i % 5);
    assessments.push({ id: `a${i}`, school_id: `s${s}`, scope: i % 5 === 0 ? { kind: 'whole_school' } : { kind: 'team', name: `Team ${i % 5}` }, date: `${year}-11-2${i % 8}`, assessors: 'Head', answers: { levels }, created_ms: 1700000000000 + i, updated_ms: 1700000000000 + i });
  }
  return { format: 'waypoint', schema: 5, schools, trusts: [], assessments, workshops: [], trajectories: [], plans: [] };
}
for (const size of SIZES) {
  const doc = trustDocument(size);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.site-footer');
  const written = await page.evaluate((doc) => {
    localStorage.clear();
    try {
      for (const a of doc.assessments) localStorage.setItem(`waypoint.assessment.${a.id}`, JSON.stringify(a));
      localStorage.setItem('waypoint.meta', JSON.stringify({ format: 'waypoint', schema: 5, schools: doc.schools, trusts: [] }));
      return 'ok';
    } catch (e) { localStorage.clear(); return String(e.name); }
  }, doc);
  if (written !== 'ok') {
    console.log(`  ${size} assessments: do not fit in this browser's storage (${written}); the import refuses such a file before changing anything`);
    await context.close();
    continue;
  }
  const loads = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await page.waitForSelector('.school-group');
    loads.push(await page.evaluate(() => performance.now()));
  }
  const opens = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${server.url}#/`);
    await page.waitForSelector('.school-group');
    const t = await page.evaluate(async (id) => {
      const t0 = performance.now();
      location.hash = `#/assessment/${id}`;
      await new Promise((resolve) => { const check = () => document.querySelector('.assessment-layout') ? resolve() : requestAnimationFrame(check); check(); });
      return performance.now() - t0;
    }, `a${i * 7}`);
    opens.push(t);
  }
  const saves = await page.evaluate(async () => {
    const inputs = [...document.querySelectorAll('.levels input[type=radio]')];
    const times = [];
    for (let i = 0; i < 60; i++) {
      inputs[(i * 5) % inputs.length].click();
      const t0 = performance.now();
      window.dispatchEvent(new Event('pagehide'));
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 0));
    }
    return times;
  });
  const trust = await page.evaluate(async () => {
    const t0 = performance.now();
    location.hash = '#/trust';
    await new Promise((resolve) => { const check = () => document.querySelector('.trust-table, table') ? resolve() : requestAnimationFrame(check); check(); });
    return performance.now() - t0;
  });
  const used = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  console.log(`  ${size} assessments (${(used / 1e6).toFixed(2)} M characters stored): interactive after a reload ${median(loads).toFixed(0)} ms (median of 3); opening an assessment ${median(opens).toFixed(0)} ms; the trust overview ${trust.toFixed(0)} ms; an answer saved: median ${median(saves).toFixed(2)} ms, p95 ${pct(saves, 0.95).toFixed(2)} ms`);
  await context.close();
  // The same trust as a file, imported into an empty browser.
  const path = join(ARTIFACTS, `bench-trust-${size}.json`);
  await writeFile(path, JSON.stringify(doc));
  const { context: c, page: p } = await openApp(browser, server.url);
  await p.evaluate(watchLongTasks);
  const t0 = Date.now();
  await p.getByLabel('Choose Waypoint files, or drop them here').setInputFiles(path);
  await p.locator('.import-messages li').first().waitFor({ timeout: 120000 });
  const message = await p.locator('.import-messages li').first().innerText();
  const longest = await p.evaluate(() => window.__longest);
  console.log(`    import of the same as a file (${kb((await readFile(path)).length)}): ${Date.now() - t0} ms, longest task ${longest.toFixed(0)} ms — ${message.slice(0, 140)}`);
  await c.close();
}
await browser.close();
await server.close();
