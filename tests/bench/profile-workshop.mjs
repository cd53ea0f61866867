// Where a large workshop's time goes (issue 22): a CPU profile, with function names, of
// reading a workshop of N people after a reload, and then of placing answers on its
// workshop page. Build with names first (docs/figures.md, "To profile"), then:
// node tests/bench/profile-workshop.mjs DIR [PEOPLE] [PATH]
import { serve, launch } from '../e2e/harness.mjs';
import { records } from './workshops.mjs';

const PEOPLE = Number(process.argv[3] || 10000);
const PATH = process.argv[4] || '#/workshop/w1';
const server = await serve(process.argv[2] || '/tmp/profdist');
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector('.site-footer');
await page.evaluate((r) => { localStorage.clear(); for (const [k, v] of Object.entries(r)) localStorage.setItem(k, v); }, records(PEOPLE));
await page.goto(server.url + PATH);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

function report(title, profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (profile.timeDeltas[i] || 0)));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map(); const incl = new Map(); let total = 0;
  for (const [id, t] of counts) {
    const name = byId.get(id).callFrame.functionName || '(anon)';
    if (name === '(idle)' || name === '(program)') continue;
    self.set(name, (self.get(name) || 0) + t); total += t;
    const seen = new Set(); let cur = id;
    while (cur !== undefined) {
      const k = byId.get(cur).callFrame.functionName || '(anon)';
      if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + t); seen.add(k); }
      cur = parent.get(cur);
    }
  }
  const show = (m, n, keep = () => true) => [...m].filter(([k]) => keep(k)).sort((a, b) => b[1] - a[1]).slice(0, n)
    .forEach(([k, t]) => console.log((t / 1000).toFixed(1).padStart(9), k.slice(0, 150)));
  console.log(`== ${title}: ${(total / 1000).toFixed(0)} ms busy`);
  console.log('-- self'); show(self, 25);
  console.log('-- inclusive, Waypoint and serde'); show(incl, 45, (k) => /waypoint|serde|storage|leptos|tachys|reactive/.test(k));
}

await cdp.send('Profiler.start');
await page.reload();
await page.waitForSelector('main h1', { timeout: 300_000 });
report(`reload of ${PEOPLE} people at ${PATH}`, (await cdp.send('Profiler.stop')).profile);

if (PATH === '#/workshop/w1') {
  // Choose someone and place a few answers, waiting for each to be drawn.
  await page.locator('label.member-chip').first().click();
  await page.locator('.answering-as strong').waitFor();
  const inputs = page.locator('fieldset.practice input[type=radio]');
  await page.evaluate(() => { window.__stored = localStorage.getItem('waypoint.workshop.w1'); });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 6; i++) {
    const input = inputs.nth((i * 7) % (await inputs.count()));
    await page.locator(`label[for="${await input.getAttribute('id')}"]`).click();
    await page.waitForFunction((id) => document.getElementById(id).checked, await input.getAttribute('id'));
  }
  // The answers' save, a moment later.
  await page.waitForFunction(() => localStorage.getItem('waypoint.workshop.w1') !== window.__stored, null, { timeout: 300_000 });
  report('six answers and their save', (await cdp.send('Profiler.stop')).profile);
}
await browser.close();
await server.close();
