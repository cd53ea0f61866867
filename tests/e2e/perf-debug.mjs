import { serve, launch, openApp, createAssessment } from './harness.mjs';
const server = await serve(); const browser = await launch();
const { page } = await openApp(browser, server.url);
await createAssessment(page, { school: 'Perf' });
const r = await page.evaluate(async () => {
  const labels = [...document.querySelectorAll('.levels label')];
  const settle = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
  const sync = [], total = [], store = [];
  const origSet = Storage.prototype.setItem; let setTime = 0;
  Storage.prototype.setItem = function (...a) { const t = performance.now(); origSet.apply(this, a); setTime += performance.now() - t; };
  const P = CanvasRenderingContext2D.prototype; const calls = {}; let ctxTime = 0;
  for (const k of Object.getOwnPropertyNames(P)) { const d = Object.getOwnPropertyDescriptor(P, k); if (typeof d.value === 'function') { const f = d.value; P[k] = function (...a) { calls[k] = (calls[k] || 0) + 1; const t = performance.now(); const r = f.apply(this, a); ctxTime += performance.now() - t; return r; }; } }
  for (let i = 0; i < 200; i++) {
    setTime = 0;
    const t0 = performance.now(); labels[(i * 5) % labels.length].click(); const t1 = performance.now(); await settle(); const t2 = performance.now();
    sync.push(t1 - t0); total.push(t2 - t0); store.push(setTime);
  }
  const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { calls: Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, v / 200])), ctxTime: ctxTime / 200, sync: med(sync), total: med(total), setItem: med(store), len: localStorage.getItem('waypoint.store').length };
});
console.log(r);
await browser.close(); await server.close();
