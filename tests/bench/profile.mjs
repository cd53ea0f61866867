// Where the time of an answer goes: a CPU profile of 300 answers, with function names.
// Build with names first (see README, "Figures"), then: node tests/bench/profile.mjs DIR
// (FOCUS=name lists the callees of one function).
import { serve, launch, openApp, createAssessment } from '../e2e/harness.mjs';
const server = await serve(process.argv[2] || '/tmp/profdist'); const browser = await launch();
const { context, page } = await openApp(browser, server.url);
await createAssessment(page, { school: 'Perf' });
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.evaluate(async () => {
  const labels = [...document.querySelectorAll('.levels input[type=radio]')];
  const settle = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
  for (let i = 0; i < 300; i++) { labels[(i * 5) % labels.length].click(); await settle(); }
});
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, t] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || '(anon)'; self.set(k, (self.get(k) || 0) + t); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
// inclusive times
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) { const seen = new Set(); let cur = id; while (cur !== undefined) { const k = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + t); seen.add(k); } cur = parent.get(cur); } }
console.log('SELF'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, t]) => console.log((t / 1000).toFixed(0).padStart(6), k.slice(0, 120)));
console.log('INCLUSIVE'); [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60).forEach(([k, t]) => console.log((t / 1000).toFixed(0).padStart(6), k.slice(0, 140)));
console.log('total ms', total / 1000);
const inclNode = new Map();
const nodeIncl = (n) => { if (inclNode.has(n.id)) return inclNode.get(n.id); let t = counts.get(n.id) || 0; for (const c of n.children || []) t += nodeIncl(byId.get(c)); inclNode.set(n.id, t); return t; };
const focus = process.env.FOCUS || 'Surface::text';
const kids = new Map();
for (const n of profile.nodes) if ((n.callFrame.functionName || '').includes(focus)) for (const c of n.children || []) { const k = byId.get(c).callFrame.functionName; kids.set(k, (kids.get(k) || 0) + nodeIncl(byId.get(c))); }
console.log('CHILDREN OF', focus); [...kids].sort((a, b) => b[1] - a[1]).slice(0, 15).forEach(([k, t]) => console.log((t / 1000).toFixed(0).padStart(6), k.slice(0, 140)));
await browser.close(); await server.close();
