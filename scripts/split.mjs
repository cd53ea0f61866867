// Release builds only (run by scripts/first-paint.mjs, Trunk's post_build hook, before the
// page's start-up script is rewritten): replaces the whole app's single WebAssembly module
// with one split by area, so a first visit fetches only the home page's part and each
// other area's part when one of its pages is first opened (src/pages/split_points.rs).
//
// Trunk cannot split a module (its hooks run after wasm-bindgen, trunk#1022), so this
// script does it:
//   1. builds the app again with the `split` feature, linked with its relocations kept;
//   2. splits it with wasm-split-cli (crate wasm_split_cli_support, scripts/setup.sh);
//   3. binds the main part with wasm-bindgen (keeping what the parts link against) and
//      optimises every part with wasm-opt -Oz, as Trunk does the others;
//   4. names every file by one hash of them all, puts them in place of Trunk's module,
//      and links the parts from the page's <head> with a rel browsers fetch nothing for,
//      so public/sw.js keeps them for offline use.
// WAYPOINT_SPLIT=0 leaves Trunk's single module in place (to compare the two).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';

/** The WebAssembly features Rust's wasm32 target enables by default: the release profile
 *  strips the section that names them, so wasm-opt is told. */
const FEATURES = ['bulk-memory', 'bulk-memory-opt', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals',
  'multivalue', 'reference-types'].map((f) => `--enable-${f}`).join(' ');

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
const wanted = process.env.TRUNK_PROFILE === 'release' && process.env.WAYPOINT_SPLIT !== '0';

if (wanted) {
  const started = Date.now();
  const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
  const target = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
  const run = (command, args) => execFileSync(command, args, { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
  const file = join(dir, 'index.html');
  let html = readFileSync(file, 'utf8');
  const trunkJs = html.match(/<link rel="modulepreload" href="[^"]*?(waypoint-[0-9a-f]+\.js)"/)?.[1];
  const trunkWasm = html.match(/<link rel="preload" href="[^"]*?(waypoint-[0-9a-f]+_bg\.wasm)"/)?.[1];
  if (!trunkJs || !trunkWasm) throw new Error("index.html no longer preloads Trunk's waypoint-*.js and *_bg.wasm: update scripts/split.mjs");

  run('cargo', ['rustc', '--release', '--offline', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', 'waypoint',
    '--features', 'split', '--', '-Clink-args=--emit-relocs']);
  const work = mkdtempSync(join(tmpdir(), 'waypoint-split-'));
  try {
    run('wasm-split-cli', [join(target, 'wasm32-unknown-unknown/release/waypoint.wasm'), work, '--out-name', 'waypoint']);
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-dir', join(work, 'bound'), join(work, 'waypoint.wasm')]);
    const parts = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== 'waypoint.wasm').sort();
    const optimise = [[join(work, 'bound/waypoint_bg.wasm'), join(work, 'waypoint_bg.wasm')],
      ...parts.map((f) => [join(work, f), join(work, `opt-${f}`)])];
    optimiseAll(optimise);

    // One hash of every file names them all: a browser never pairs one release's parts
    // with another's.
    const hash = createHash('sha256');
    for (const [, out] of optimise) hash.update(readFileSync(out));
    hash.update(readFileSync(join(work, 'bound/waypoint.js'))).update(readFileSync(join(work, '__wasm_split.js')));
    const id = hash.digest('hex').slice(0, 16);
    const name = (part) => `waypoint-${id}-${part}`;
    const js = `waypoint-${id}.js`;
    const wasm = `waypoint-${id}_bg.wasm`;
    const loader = name('parts.js');

    let bound = readFileSync(join(work, 'bound/waypoint.js'), 'utf8');
    // Only the script's import specifiers are renamed: the wasm's own import names stay.
    const specifier = /(from\s+)(["'])\.\/__wasm_split\.js\2/g;
    if (!specifier.test(bound)) throw new Error("wasm-bindgen's script does not import ./__wasm_split.js: update scripts/split.mjs");
    bound = bound.replace(specifier, `$1"./${loader}"`);
    let link = readFileSync(join(work, '__wasm_split.js'), 'utf8');
    if (!link.includes('"./waypoint.js"')) throw new Error('the split loader does not import ./waypoint.js: update scripts/split.mjs');
    link = link.replaceAll('"./waypoint.js"', `"./${js}"`);
    for (const part of parts) {
      if (!link.includes(`"./${part}"`)) throw new Error(`the split loader does not name ${part}`);
      link = link.replaceAll(`"./${part}"`, `"./${name(part)}"`);
      writeFileSync(join(dir, name(part)), readFileSync(join(work, `opt-${part}`)));
    }
    writeFileSync(join(dir, js), bound);
    writeFileSync(join(dir, loader), link);
    writeFileSync(join(dir, wasm), readFileSync(join(work, 'waypoint_bg.wasm')));
    unlinkSync(join(dir, trunkJs));
    unlinkSync(join(dir, trunkWasm));

    // Trunk's links carry each file's hash (integrity): the new files get theirs.
    for (const [old, now] of [[trunkJs, js], [trunkWasm, wasm]]) {
      const integrity = `sha384-${createHash('sha384').update(readFileSync(join(dir, now))).digest('base64')}`;
      html = html.replace(new RegExp(`(href="[^"]*${old}"[^>]*integrity=")[^"]+"`), `$1${integrity}"`).replaceAll(old, now);
    }
    const links = [loader, ...parts.map(name)].map((f) => `<link rel="waypoint-part" href="./${f}">`);
    html = html.replace('</head>', `  ${links.join('\n    ')}\n    ${startingFetches(link, parts.map(name))}\n  </head>`);
    writeFileSync(file, html);
    console.log(`split the app into its main module and ${parts.length} parts in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The files of each part (the split loader lists, above each shared file, the parts that
 *  use it). */
function filesOfParts(link, files) {
  const shared = [...link.matchAll(/\/\* ([^*]+) \*\/\nconst __chunk_\d+ = makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)]
    .map((m) => ({ users: m[1].split(', ').map((u) => u.replace(/_\d+$/, '')), file: m[2] }));
  const of = {};
  for (const file of files.filter((f) => f.includes('-split_'))) {
    const part = file.replace(/^.*-split_/, '').replace(/\.wasm$/, '').replace(/_\d+$/, '');
    of[part] = [file, ...shared.filter((s) => s.users.includes(part)).map((s) => s.file)];
  }
  return of;
}

/** A script that, on the three pages people land on besides the home page (an assessment,
 *  a new assessment, a share link), starts fetching that page's part at once, beside the
 *  main module, instead of once the main module has started: the split loader's own
 *  fetches then find them preloaded. Which address needs which part is
 *  src/pages/split_points.rs's `part_of`; tests/e2e/parts.test.mjs checks the two agree. */
function startingFetches(link, files) {
  const of = filesOfParts(link, files);
  for (const part of ['draw_assessment', 'draw_new_assessment', 'draw_shared']) {
    if (!of[part]) throw new Error(`the split has no part ${part}: update scripts/split.mjs`);
  }
  const landing = { assessment: of.draw_assessment, new: of.draw_new_assessment, shared: of.draw_shared };
  return `<script>(() => {
const landing = ${JSON.stringify(landing)};
const parts = location.hash.replace(/^#\\/*/, '').split('?')[0].split('/').filter(Boolean);
const files = (parts.length === 1 && parts[0] === 'new') || (parts.length === 2 && parts[0] !== 'new') ? landing[parts[0]] : undefined;
for (const file of files || []) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = './' + file;
  document.head.append(link);
}
})();</script>`;
}

/** wasm-opt -Oz on each (input, output) pair, as many at once as there are cores. */
function optimiseAll(pairs) {
  const width = Math.max(1, availableParallelism());
  for (let i = 0; i < pairs.length; i += width) {
    const batch = pairs.slice(i, i + width);
    // execFileSync runs one at a time; a shell runs a batch side by side and waits.
    const script = batch.map(([input, output]) => `wasm-opt -Oz ${FEATURES} --strip-debug --strip-producers '${input}' -o '${output}' & pids="$pids $!"`).join('\n')
      + '\nfor pid in $pids; do wait $pid || exit 1; done';
    execFileSync('sh', ['-c', script], { stdio: ['ignore', 'inherit', 'inherit'] });
    for (const [, output] of batch) if (!existsSync(output)) throw new Error(`wasm-opt did not write ${output}`);
  }
}
