// Where a cold load's time goes: a CPU profile from navigation to the main heading, with
// function names. Build with names first (see README, "Figures"), then:
// node tests/bench/profile-load.mjs DIR
import { serve, launch } from '../e2e/harness.mjs';
const server = await serve(process.argv[2] || '/tmp/profdist'); const browser = await launch();
const self = new Map(); const incl = new Map(); let total = 0;
const RUNS = 5;
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(server.url); await page.waitForSelector('main h1');
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n])); const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (profile.timeDeltas[i] || 0)));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  for (const [id, t] of counts) {
    const k0 = byId.get(id).callFrame.functionName || '(anon)'; self.set(k0, (self.get(k0) || 0) + t); total += t;
    const seen = new Set(); let cur = id;
    while (cur !== undefined) { const k = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + t); seen.add(k); } cur = parent.get(cur); }
  }
  await context.close();
}
const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, t]) => console.log((t / 1000 / RUNS).toFixed(1).padStart(7), k.slice(0, 140)));
console.log('SELF (ms per load)'); show(self, 30);
console.log('INCLUSIVE'); show(incl, 40);
console.log('WAYPOINT'); show(new Map([...incl].filter(([k]) => k.includes('waypoint::') || k.includes('serde'))), 40);
console.log('total sampled ms per load', (total / 1000 / RUNS).toFixed(1));
await browser.close(); await server.close();
