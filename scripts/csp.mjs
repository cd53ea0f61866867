// Trunk post-build hook: adds a Content-Security-Policy to the built page. Only the
// app's own origin may provide scripts, styles, images and connections; Trunk's one
// inline start-up script is allowed by its hash, and WebAssembly by 'wasm-unsafe-eval'.
import { readFileSync, writeFileSync, existsSync, renameSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
// The QR code workers (the encoder and the scanner) are fetched only when a page needs
// them; the page names their loaders in meta elements, which the service worker does not
// prefetch. Trunk does not hash a worker's files, so they are named here by a hash of
// their contents, as Trunk names the app's: a browser never pairs one release's script
// with another's wasm.
const at = (name) => join(dir, name);
const workers = ['encoder', 'scanner'].map((name) => {
  if (!existsSync(at(`${name}_loader.js`))) throw new Error(`the ${name} worker was not built`);
  const hash = createHash('sha256').update(readFileSync(at(`${name}.js`))).update(readFileSync(at(`${name}_bg.wasm`))).digest('hex').slice(0, 16);
  renameSync(at(`${name}.js`), at(`${name}-${hash}.js`));
  renameSync(at(`${name}_bg.wasm`), at(`${name}-${hash}_bg.wasm`));
  unlinkSync(at(`${name}_loader.js`));
  const loader = `${name}-${hash}_loader.js`;
  writeFileSync(at(loader), `importScripts("./${name}-${hash}.js");wasm_bindgen({ module_or_path: "./${name}-${hash}_bg.wasm" }).catch((e) => postMessage({ failed: String(e) }));`);
  return `<meta name="waypoint-${name}" content="./${loader}" />`;
});
let out = html;
if (!out.includes('http-equiv="Content-Security-Policy"')) {
  out = out.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
}
if (!out.includes('name="waypoint-scanner"')) {
  out = out.replace('</head>', `  ${workers.join('\n    ')}\n  </head>`);
}
writeFileSync(file, out);
