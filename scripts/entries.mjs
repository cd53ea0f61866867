// Trunk post-build hook (run by scripts/first-paint.mjs, before the CSP is added): the
// page starts one of two apps, chosen from its address before any WebAssembly is fetched.
//
// - A board member's links (a join link, answering and sending on the member's device, an
//   answer link opened by the facilitator) start the member's small app (src/member.rs),
//   which Trunk builds as a worker-style script; its files are named here by a hash of
//   their contents, as Trunk names the app's.
// - Every other address starts the whole app, as Trunk's start-up script did.
//
// Both apps' files stay linked from the page's <head> with rels that browsers fetch
// nothing for, so public/sw.js keeps every one of them for offline use whichever was
// loaded first. The rule is Route::is_members (src/route.rs); an address sent to the member's
// app that it does not draw is shown as "not found", as the whole app would show it. Data
// still in the format of before one record per item (a store under `waypoint.store`, no
// `waypoint.meta`) is moved only by the whole app, so such a browser always starts it.
import { readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const at = (name) => join(dir, name);

if (!existsSync(at('member.js'))) throw new Error("the member's app was not built");
const hash = createHash('sha256').update(readFileSync(at('member.js'))).update(readFileSync(at('member_bg.wasm'))).digest('hex').slice(0, 16);
const memberJs = `./member-${hash}.js`;
const memberWasm = `./member-${hash}_bg.wasm`;
renameSync(at('member.js'), at(memberJs));
renameSync(at('member_bg.wasm'), at(memberWasm));

const modulePreload = /<link rel="modulepreload"( href="[^"]+\.js")[^>]*>/;
const importLine = /import init, \* as bindings from '([^']+)';\n/;
const script = /<script type="module">\n([\s\S]*?)<\/script>/;
if (!modulePreload.test(html) || !importLine.test(html) || !script.test(html)) {
  throw new Error("index.html no longer has Trunk's module preload and start-up script: update scripts/entries.mjs");
}
html = html.replace(modulePreload, '<link rel="waypoint-js"$1>');
html = html.replace('</head>', `  <link rel="waypoint-member" href="${memberJs}">\n    <link rel="waypoint-member" href="${memberWasm}">\n  </head>`);
html = html.replace(script, (_, body) => {
  const app = body.replace(importLine, (__, js) => `const { default: init, ...bindings } = await import('${js}');\n`);
  return `<script type="module">
const parts = location.hash.replace(/^#\\/*/, '').split('?')[0].split('/').filter(Boolean);
const unmoved = () => { try { return localStorage.getItem('waypoint.store') !== null && localStorage.getItem('waypoint.meta') === null; } catch (e) { return false; } };
const member = ((parts.length === 2 && (parts[0] === 'join' || parts[0] === 'answers'))
  || (parts[0] === 'workshop' && parts.length <= 4 && (parts[2] === 'answer' || parts[2] === 'send'))) && !unmoved();
if (member) {
  const wasm = fetch('${memberWasm}');
  await new Promise((loaded, failed) => {
    const js = document.createElement('script');
    js.src = '${memberJs}';
    js.onload = loaded;
    js.onerror = failed;
    document.head.append(js);
  });
  await wasm_bindgen({ module_or_path: wasm });
} else {
${app.trim()}
}
</script>`;
});
writeFileSync(file, html);
