// The offline service worker (public/sw.js): offline, the app's address opens the app and
// never another file seen before; a new release replaces every kept file, drops the old
// ones and offers a reload; the manifest's paths resolve. Each test serves its own copy
// of the release build, so it can "deploy" a new release by changing files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, openApp, controlledByWorker, createAssessment, answer, axeViolations, waitUntil } from './harness.mjs';

let browser;
const copies = [];
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const copy of copies) {
    await copy.close();
    await rm(copy.dir, { recursive: true, force: true });
  }
});

/** Serves a fresh copy of the release build from a temporary directory. */
async function servedCopy() {
  const dir = await mkdtemp(join(tmpdir(), 'waypoint-sw-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serve(dir);
  const copy = { dir, ...server };
  copies.push(copy);
  return copy;
}

/** What the service worker answers a page that says which release it runs (its <head>,
 *  as src/browser.rs sends it when the app starts), within `wait` ms. */
function toldOnStart(page, wait = 2000) {
  return page.evaluate((wait) => new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data), { once: true });
    navigator.serviceWorker.controller.postMessage(document.head.innerHTML);
    setTimeout(() => resolve('nothing'), wait);
  }), wait);
}

/** Everything in CacheStorage: each cache's paths, and the kept icon's text. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const icon = await cache.match(new URL('public/icon.svg', location.href).href);
      out[name] = {
        paths: (await cache.keys()).map((r) => new URL(r.url).pathname).sort(),
        icon: icon ? await icon.text() : null,
      };
    }
    return out;
  });
}

const inlineScriptHashes = (html) => [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => createHash('sha256').update(m[1]).digest('base64'));

/** Deploys a new release into `dir` as a build would: Trunk's hashed files under new
 *  names (the old ones stay on the server), the page linking them (with its policy's
 *  script hashes redone, as scripts/csp.mjs would), and a changed icon. */
async function deploy(dir, { round = 0, removeOld = false } = {}) {
  const page = join(dir, 'index.html');
  let html = await readFile(page, 'utf8');
  const before = inlineScriptHashes(html);
  const renamed = [];
  for (const name of await readdir(dir)) {
    // Trunk's hashed files, and the parts of the split app named by the same hash
    // (waypoint-HASH-parts.js, waypoint-HASH-chunk_N.wasm: scripts/split.mjs).
    const m = name.match(/^(.+?)-([0-9a-f]{12,16})((?:-[\w.]+)?(?:_bg\.wasm|\.wasm|\.js|\.css))$/);
    if (!m || !html.includes(name)) continue;
    const hash = round ? String(round).padStart(16, 'a') : '0123456789abcdef'.split('').reverse().join('');
    const next = `${m[1]}-${hash}${m[3]}`;
    assert.notEqual(next, name);
    await cp(join(dir, name), join(dir, next));
    // A real deploy replaces the directory: the old release's files are gone.
    if (removeOld) await rm(join(dir, name));
    html = html.replaceAll(name, next);
    renamed.push([name, next]);
  }
  // The split app's scripts name each other's files (the main module its parts' loader,
  // the loader the main module and every part): a release names its own.
  for (const [, next] of renamed.filter(([, n]) => n.endsWith('.js'))) {
    let text = await readFile(join(dir, next), 'utf8');
    for (const [name, now] of renamed) text = text.replaceAll(name, now);
    await writeFile(join(dir, next), text);
  }
  assert.ok(renamed.some(([n]) => n.endsWith('.js')) && renamed.some(([n]) => n.endsWith('.wasm')), `hashed files renamed: ${renamed}`);
  const after = inlineScriptHashes(html);
  before.forEach((hash, i) => { html = html.replace(`'sha256-${hash}'`, `'sha256-${after[i]}'`); });
  await writeFile(page, html);
  const icon = join(dir, 'public/icon.svg');
  const newIcon = (await readFile(icon, 'utf8')).replace('</svg>', `<!-- release ${round + 2} --></svg>`);
  await writeFile(icon, newIcon);
  return { oldFiles: renamed.map(([n]) => `/${n}`), newFiles: renamed.map(([, n]) => `/${n}`), newIcon };
}

test('offline, the app opens at its address, never another file opened there before', async () => {
  const copy = await servedCopy();
  const { context, page, errors } = await openApp(browser, copy.url);
  await controlledByWorker(page);
  // Other files opened as pages while online, in another tab (showing a file that is not a
  // page, Chromium asks for /favicon.ico, which the app does not have).
  const tab = await context.newPage();
  for (const path of ['public/icon.svg', 'public/manifest.webmanifest', 'sw.js']) {
    const response = await tab.goto(copy.url + path);
    assert.equal(response.status(), 200, path);
  }
  await context.setOffline(true);
  for (const path of ['', 'index.html', 'index.html#/trust', '#/new']) {
    await page.goto(copy.url + path);
    await page.waitForSelector('.site-footer', { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.contentType), 'text/html', path);
  }
  await page.getByRole('heading', { name: 'New assessment' }).waitFor();
  // A kept file is still itself offline; a file the app does not keep is not the app.
  const icon = await tab.goto(copy.url + 'public/icon.svg');
  assert.match(await icon.text(), /<svg/);
  await assert.rejects(tab.goto(copy.url + 'sw.js'), /ERR_FAILED/);
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new release replaces every kept file, drops the old ones, and offers a reload', async () => {
  const copy = await servedCopy();
  const { context, page, errors } = await openApp(browser, copy.url);
  await controlledByWorker(page);
  const first = await cacheContents(page);
  assert.equal(Object.keys(first).length, 1, 'one release kept');
  const { oldFiles, newFiles, newIcon } = await deploy(copy.dir);
  for (const file of oldFiles) assert.ok(Object.values(first)[0].paths.includes(file), `${file} kept at first`);

  // The page opened online is the release kept before; it is told a reload brings the new one.
  await page.reload();
  await page.waitForSelector('.site-footer');
  const notice = page.getByRole('status').filter({ hasText: 'A new version of Waypoint is ready. Reload to use it.' });
  await notice.waitFor({ timeout: 10_000 });
  assert.deepEqual(await axeViolations(page), []);
  // A page of the old release that starts only now (too late to hear the worker) is told too.
  assert.equal(await toldOnStart(page), 'waypoint-update-ready');
  // The new release is kept beside the old one, which this open page still runs.
  const kept = await cacheContents(page);
  assert.equal(Object.keys(kept).length, 2, `the new release and the one in use kept: ${Object.keys(kept)}`);
  const release = Object.values(kept).find((r) => newFiles.every((f) => r.paths.includes(f)));
  assert.ok(release, 'the new release kept whole');
  for (const file of newFiles) assert.ok(release.paths.includes(file), `${file} kept`);
  for (const file of oldFiles) assert.ok(!release.paths.includes(file), `${file} dropped`);
  for (const file of ['/', '/public/manifest.webmanifest', '/public/icon.svg', '/public/icon-192.png']) {
    assert.ok(release.paths.includes(file), `${file} kept`);
  }
  assert.equal(release.icon, newIcon, 'the icon kept is the new one');

  // Reloading, even offline, brings the new release, and it works.
  await context.setOffline(true);
  await page.evaluate(() => { window.__before = true; });
  await notice.getByRole('button', { name: 'Reload' }).click();
  await page.waitForFunction(() => !window.__before && document.querySelector('.site-footer'));
  // No page runs the old release now: it is dropped.
  await waitUntil(async () => Object.keys(await cacheContents(page)).length === 1, { what: 'only the new release kept' });
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  // The home page runs the whole app's main module; the member's app (kept above) is loaded
  // only by a member's links (tests/e2e/member.test.mjs), and each part of the split app
  // only by its pages (below, offline: from the kept release).
  const part = (f) => /-(chunk|split)_/.test(f);
  for (const file of newFiles.filter((f) => !f.startsWith('/member-') && !part(f))) assert.ok(scripts.includes(file), `${file} loaded`);
  for (const file of oldFiles) assert.ok(!scripts.includes(file), `${file} not loaded`);
  await createAssessment(page, { school: 'Release Two Primary' });
  await answer(page, 'stabilise-1', 'Clearly');
  assert.equal(await page.locator('.progress label').innerText(), '1 of 28 answered');
  const parts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /-(chunk|split)_/.test(p)));
  assert.ok(parts.some((p) => p.includes('split_draw_assessment')), `an assessment's part fetched offline, from the new release: ${parts}`);
  for (const file of parts) assert.ok(newFiles.includes(file), `${file} is the new release's`);
  assert.equal(await page.evaluate(async () => (await fetch('public/icon.svg')).text()), newIcon);
  assert.equal(await toldOnStart(page, 500), 'nothing');
  assert.equal(await page.getByText('A new version of Waypoint is ready').count(), 0, 'no notice on the new release');
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The same-origin files a page's <head> links (its release), fetched from the page:
 *  each path with its status. */
function ownFiles(page) {
  return page.evaluate(async () => {
    const urls = [...document.head.querySelectorAll('link[href], script[src]')]
      .map((el) => new URL(el.getAttribute('href') ?? el.getAttribute('src'), location.href))
      .filter((u) => u.origin === location.origin && /-[0-9a-f]{12,16}(_bg\.wasm|\.js|\.css)$/.test(u.pathname));
    return Promise.all(urls.map(async (u) => [u.pathname, (await fetch(u)).status]));
  });
}

test('releases deployed while pages load: each page gets its own release, many times over', async () => {
  const copy = await servedCopy();
  const { context, page, errors } = await openApp(browser, copy.url);
  await controlledByWorker(page);
  for (let round = 1; round <= 6; round++) {
    // A page of the release kept now starts to load...
    const loading = await context.newPage();
    loading.on('pageerror', (e) => errors.push(`round ${round}: ${e}`));
    loading.on('console', (m) => { if (m.type() === 'error') errors.push(`round ${round}: ${m.text()}`); });
    await loading.goto(copy.url, { waitUntil: 'commit' });
    // ...a new release replaces the files on the server...
    const { newFiles } = await deploy(copy.dir, { round, removeOld: true });
    // ...and the service worker takes it in (a visit checks for a new release).
    await page.reload();
    await waitUntil(async () => Object.values(await cacheContents(page)).some((r) => newFiles.every((f) => r.paths.includes(f))),
      { what: `release ${round + 1} kept`, timeout: 60_000 });
    // The page that started before it still runs, and still gets every file of its own.
    await loading.waitForSelector('.site-footer', { timeout: 60_000 });
    for (const [path, status] of await ownFiles(loading)) assert.equal(status, 200, `round ${round}: ${path}`);
    for (const [path, status] of await ownFiles(page)) assert.equal(status, 200, `round ${round}: ${path} (reloaded page)`);
    await loading.close();
  }
  // Once no page runs the older releases, they are dropped.
  await page.reload();
  await page.waitForSelector('.site-footer');
  await page.reload();
  await page.waitForSelector('.site-footer');
  assert.equal(await toldOnStart(page), 'nothing');
  await waitUntil(async () => Object.keys(await cacheContents(page)).length === 1, { what: 'one release kept', timeout: 30_000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the manifest names its start page and icons where the build puts them', async () => {
  const copy = await servedCopy();
  const { context, page, errors } = await openApp(browser, copy.url);
  const href = await page.$eval('link[rel="manifest"]', (link) => link.href);
  const manifest = await (await page.request.get(href)).json();
  assert.equal(new URL(manifest.start_url, href).href, copy.url);
  assert.equal(new URL(manifest.scope, href).href, copy.url);
  assert.ok(manifest.icons.length >= 2);
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, href).href);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()['content-type'], icon.type, icon.src);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
