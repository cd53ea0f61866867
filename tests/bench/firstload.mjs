// Where a cold load's time goes: when each file arrived, when the module was compiled and
// instantiated, and when the page was drawn; 7 loads and their medians.
// node tests/bench/firstload.mjs [DIR]   (DIR: a build, absolute path; default dist/)
import { serve, launch } from '../e2e/harness.mjs';
const server = await serve(process.argv[2]); const browser = await launch();
const hook = () => {
  const orig = WebAssembly.instantiateStreaming; const origI = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = async (...a) => { const t0 = performance.now(); const r = await orig(...a); window.__inst = [t0, performance.now()]; return r; };
  WebAssembly.instantiate = async (...a) => { const t0 = performance.now(); const r = await origI(...a); window.__inst2 = [t0, performance.now()]; return r; };
  new MutationObserver((_, o) => { if (document.querySelector('main h1')) { window.__h1 = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });
};
const rows = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(hook);
  const page = await context.newPage();
  await page.goto(server.url); await page.waitForSelector('main h1');
  rows.push(await page.evaluate(() => {
    const r = performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop().slice(0, 20), Math.round(e.startTime), Math.round(e.responseEnd)]);
    const nav = performance.getEntriesByType('navigation')[0];
    return { nav: [Math.round(nav.responseEnd), Math.round(nav.domInteractive)], r, inst: window.__inst || window.__inst2, h1: window.__h1 };
  }));
  await context.close();
}
for (const r of rows) console.log(JSON.stringify(r));
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log('median inst start', med(rows.map((r) => r.inst[0])).toFixed(1), 'inst end', med(rows.map((r) => r.inst[1])).toFixed(1), 'h1', med(rows.map((r) => r.h1)).toFixed(1), 'render', med(rows.map((r) => r.h1 - r.inst[1])).toFixed(1));
await browser.close(); await server.close();
