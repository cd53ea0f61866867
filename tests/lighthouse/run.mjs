// Runs Lighthouse (mobile, its default throttling) on the release build served compressed,
// with Debian's Chromium, and prints the scores and the metrics behind them. Several runs
// (LIGHTHOUSE_RUNS, default 3): the median and the range are printed, since one machine
// shared with others is noisy.
import { spawn } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = process.argv[2] || join(ROOT, 'dist');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
const OUT = join(ROOT, 'tests/e2e/artifacts');

const server = spawn(process.execPath, [fileURLToPath(new URL('./serve.mjs', import.meta.url)), DIST], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim())));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const lhr = result.lhr;
    const metric = (id) => lhr.audits[id]?.numericValue;
    runs.push({
      performance: lhr.categories.performance.score,
      accessibility: lhr.categories.accessibility.score,
      fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'), si: metric('speed-index'),
      bytes: metric('total-byte-weight'),
      failing: Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable').map((a) => `${a.id} (${a.displayValue ?? a.score})`),
    });
    await mkdir(OUT, { recursive: true });
    await writeFile(join(OUT, `lighthouse-${i + 1}.json`), result.report);
  }
} finally {
  await chrome.kill();
  server.kill();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const show = (key, f = (x) => x) => {
  const xs = runs.map((r) => r[key]);
  return `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
};
const ms = (x) => `${Math.round(x)} ms`;
console.log(`Lighthouse ${runs.length} runs, mobile, served with brotli from ${DIST}`);
console.log(`  performance ${show('performance', (x) => x.toFixed(2))}, accessibility ${show('accessibility', (x) => x.toFixed(2))}`);
console.log(`  FCP ${show('fcp', ms)}, LCP ${show('lcp', ms)}, TBT ${show('tbt', ms)}, CLS ${show('cls', (x) => x.toFixed(3))}, Speed Index ${show('si', ms)}`);
console.log(`  transferred ${show('bytes', (x) => `${(x / 1024).toFixed(0)} KB`)}`);
const failing = [...new Set(runs.flatMap((r) => r.failing))];
if (failing.length) console.log(`  audits below 0.9 in some run: ${failing.join(', ')}`);
