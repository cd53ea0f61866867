// Runs Lighthouse (mobile, its default throttling) on every landing route of the release
// build served compressed, with Debian's Chromium, and prints a table per route: what the
// browser fetched (compressed), the performance and accessibility scores, FCP, LCP and
// time to interactive. Several runs a route (LIGHTHOUSE_RUNS, default 3): the median and
// the range, since one machine shared with others is noisy. LIGHTHOUSE_ROUTES picks routes
// by name (comma-separated words, e.g. "join,answer").
import { spawn } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { landingRoutes } from './links.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = process.argv[2] || join(ROOT, 'dist');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
const OUT = join(ROOT, 'tests/e2e/artifacts');
const PICK = (process.env.LIGHTHOUSE_ROUTES || '').split(',').map((w) => w.trim()).filter(Boolean);
const routes = landingRoutes().filter((r) => PICK.length === 0 || PICK.some((w) => r.name.includes(w)));

const server = spawn(process.execPath, [fileURLToPath(new URL('./serve.mjs', import.meta.url)), DIST], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim())));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  await mkdir(OUT, { recursive: true });
  for (const route of routes) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(url + route.hash, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const lhr = result.lhr;
      const metric = (id) => lhr.audits[id]?.numericValue;
      // What the page itself fetched, compressed: the service worker's background copy of
      // the rest of the app for offline use is not part of the first visit's wait.
      const items = lhr.audits['network-requests']?.details?.items ?? [];
      const fetched = items.filter((r) => r.sessionTargetType !== 'worker' && r.sessionTargetType !== 'service_worker');
      runs.push({
        performance: lhr.categories.performance.score,
        accessibility: lhr.categories.accessibility.score,
        fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'),
        tti: metric('interactive'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'),
        bytes: fetched.reduce((sum, r) => sum + (r.transferSize || 0), 0),
        failing: Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable').map((a) => `${a.id} (${a.displayValue ?? a.score})`),
      });
      await writeFile(join(OUT, `lighthouse-${route.name.replace(/\W+/g, '-')}-${i + 1}.json`), result.report);
    }
    results.push({ route, runs });
  }
} finally {
  await chrome.kill();
  server.kill();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const show = (runs, key, f) => {
  const xs = runs.map((r) => r[key]).filter((x) => typeof x === 'number');
  if (xs.length === 0) return '–';
  const [lo, mid, hi] = [Math.min(...xs), median(xs), Math.max(...xs)];
  return lo === hi ? f(mid) : `${f(mid)} (${f(lo)}–${f(hi)})`;
};
const ms = (x) => `${Math.round(x)} ms`;
const score = (x) => x.toFixed(2);
const kb = (x) => `${Math.round(x / 1024)} KB`;
console.log(`Lighthouse, mobile, files served with brotli from ${DIST}; median (range) of ${RUNS} run(s) a route`);
console.log('| route | fetched (compressed) | performance | accessibility | FCP | LCP | time to interactive | TBT |');
console.log('|---|---|---|---|---|---|---|---|');
for (const { route, runs } of results) {
  console.log(`| ${route.name} | ${show(runs, 'bytes', kb)} | ${show(runs, 'performance', score)} | ${show(runs, 'accessibility', score)} | ${show(runs, 'fcp', ms)} | ${show(runs, 'lcp', ms)} | ${show(runs, 'tti', ms)} | ${show(runs, 'tbt', ms)} |`);
}
for (const { route, runs } of results) {
  const failing = [...new Set(runs.flatMap((r) => r.failing))];
  if (failing.length) console.log(`${route.name}: audits below 0.9 in some run: ${failing.join(', ')}`);
}
