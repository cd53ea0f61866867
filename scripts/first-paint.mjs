// Trunk post-build hook: a first visit paints its first screen (index.html's own copy of
// the home page) before the app's WebAssembly is fetched, so the download does not
// compete with the page and stylesheet; then lets the start-up script choose between the
// whole app and a board member's small one (scripts/entries.mjs), and adds the
// Content-Security-Policy (scripts/csp.mjs), whose hashes must cover the rewritten script.
//
// Trunk preloads the .wasm from the head: that preload becomes a link browsers fetch
// nothing for (rel="waypoint-wasm"; public/sw.js still finds the file there, to keep it
// for offline use), and the start-up script waits for a frame to be painted before
// fetching it when the first screen is shown (anyone with data, or opening another page,
// starts at once).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
// A release's whole app, split by area first (scripts/split.mjs).
await import('./split.mjs');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const preload = /<link rel="preload"( href="[^"]+\.wasm")[^>]*>/;
const start = 'const wasm = await init(';
if (!preload.test(html) || !html.includes(start)) {
  throw new Error("index.html no longer has Trunk's .wasm preload and start-up call: update scripts/first-paint.mjs");
}
html = html.replace(preload, '<link rel="waypoint-wasm"$1>').replace(
  start,
  "if (document.getElementById('first-screen')) await new Promise((go) => requestAnimationFrame(() => setTimeout(go, 0)));\n" + start,
);
writeFileSync(file, html);
await import('./entries.mjs');
await import('./csp.mjs');
