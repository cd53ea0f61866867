// Waypoint's service worker: keeps the app's own files so that it opens without a
// network after the first visit. It caches nothing from any other origin, and never
// sees answers (they live in localStorage, not in requests).
//
// A release is the page (index.html) and the files its <head> links: Trunk's hashed
// script, wasm and stylesheet, the icons and the manifest. Each release is kept in its
// own cache, named by a hash of the page, and the page is put in last, so a cache that
// holds the page is complete. The newest complete cache is the current release; an older
// one is deleted only once a newer one is complete AND no open page runs it: a page keeps
// getting its own release's files (its script, its wasm) even when a new release lands
// while it loads. The QR code workers, which pages fetch only when they show or scan a
// code, are kept with their release once it is complete, so codes work offline too.
const PREFIX = 'waypoint-release-';
const PAGE = new URL('./', self.registration.scope).href;
const INDEX = new URL('index.html', PAGE).href;
// The one message to a page (src/browser.rs treats any message as this one): a reload
// would bring a newer release.
const UPDATE_READY = 'waypoint-update-ready';

/** The same-origin files linked from a page's <head>, as sorted absolute URLs. */
function linkedFiles(html) {
  const head = html.split(/<\/head>/i)[0];
  const urls = [...head.matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)]
    .map((m) => new URL((m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, '&'), PAGE))
    .filter((url) => url.origin === self.location.origin)
    .map((url) => { url.hash = ''; return url.href; })
    .filter((url) => url !== PAGE && url !== INDEX);
  return [...new Set(urls)].sort();
}

async function digest(text) {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The QR workers' files a page names (meta elements, see scripts/csp.mjs): each worker's
 *  loader, its script and its wasm, as absolute URLs. */
function workerFiles(html) {
  const head = html.split(/<\/head>/i)[0];
  return [...head.matchAll(/<meta\s+name="waypoint-(?:encoder|scanner)"\s+content="([^"]+)_loader\.js"/gi)]
    .flatMap((m) => ['_loader.js', '.js', '_bg.wasm'].map((end) => new URL(m[1] + end, PAGE)))
    .filter((url) => url.origin === self.location.origin)
    .map((url) => url.href);
}

/** Keeps the QR workers' files in a complete release's cache (best effort: a page that
 *  cannot get them says why no code can be shown). */
async function keepWorkers(cache, html) {
  await Promise.all(workerFiles(html).map(async (url) => {
    if (await cache.match(url)) return;
    try {
      const file = await fetch(url, { cache: 'no-cache' });
      if (file.ok) await cache.put(url, file);
    } catch (_) { /* offline: tried again on the next visit */ }
  }));
}

/** Which release each open page runs: client id → cache name. A page is noted when it is
 *  served (its navigation) and again when it says which release it runs (on start). */
const releaseOf = new Map();

/** The release whose page links exactly these files, if one is kept. */
async function releaseLinking(files) {
  for (const name of (await caches.keys()).filter((n) => n.startsWith(PREFIX))) {
    const page = await caches.match(PAGE, { cacheName: name });
    if (page && linkedFiles(await page.text()).join(' ') === files.join(' ')) return name;
  }
  return null;
}

/** Deletes every Waypoint cache but the current release and those open pages run. While
 *  any open page's release is not known (the worker was restarted), nothing is deleted:
 *  it is done once that page has said which release it runs. */
async function prune() {
  const release = await current();
  if (!release) return;
  const keep = new Set([release.name]);
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const openIds = new Set(open.map((c) => c.id));
  for (const client of open) {
    if (!releaseOf.has(client.id)) return;
  }
  for (const [id, name] of releaseOf) {
    // A page being served has no client yet: its release is kept until it starts.
    if (openIds.has(id) || pending.has(id)) keep.add(name);
    else releaseOf.delete(id);
  }
  for (const old of await caches.keys()) {
    // A release being kept now is not complete yet: never deleted under its feet.
    if (!keep.has(old) && !building.has(old) && old.startsWith('waypoint-')) await caches.delete(old);
  }
}

/** Releases being put in their caches now (cache names). */
const building = new Set();

/** Navigations served whose page has not started yet (client ids). */
const pending = new Set();

/** The newest complete release: its cache name, the cache and its page. */
async function current() {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  for (const name of names.reverse()) {
    const page = await caches.match(PAGE, { cacheName: name });
    if (page) return { name, cache: await caches.open(name), page };
  }
  return null;
}

/** Fetches the page; when it differs from the current release, keeps the new release
 *  complete in a new cache, then deletes every other cache of Waypoint's. */
async function refresh() {
  const response = await fetch(PAGE, { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const name = PREFIX + await digest(html);
  const before = await current();
  if (before?.name === name) {
    await keepWorkers(before.cache, html);
    return;
  }
  building.add(name);
  try {
    await keep(name, html, response);
  } finally {
    building.delete(name);
  }
  if (!(await caches.match(PAGE, { cacheName: name }))) return;
  // Every other release no open page runs, and the single cache of earlier versions.
  await prune();
  // Pages already open run the release before (the page comes from the kept release):
  // a reload would bring the new one. A page that starts too late to hear this is told
  // when it says which release it runs (the message listener below).
  if (before) {
    for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
      client.postMessage(UPDATE_READY);
    }
  }
}

/** Puts a release in its cache: its files, the QR workers, and its page last. */
async function keep(name, html, response) {
  const cache = await caches.open(name);
  try {
    await Promise.all(linkedFiles(html).map(async (url) => {
      const file = await fetch(url, { cache: 'no-cache' });
      if (!file.ok) throw new Error(`${url}: ${file.status}`);
      await cache.put(url, file);
    }));
    await cache.put(PAGE, response);
  } catch (error) {
    await caches.delete(name);
    throw error;
  }
  await keepWorkers(cache, html);
}

/** A release's copy of a file, from any kept release. */
async function keptCopy(request) {
  for (const name of (await caches.keys()).filter((n) => n.startsWith(PREFIX))) {
    const kept = await caches.match(request, { cacheName: name });
    if (kept) return kept;
  }
  return undefined;
}

// One check at a time; a visit during a check asks for one more after it, so a release
// deployed while a check was under way is not missed until the next visit.
let refreshing = null;
let again = false;
function refreshOnce() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      await refresh();
    } while (again);
  })().finally(() => { refreshing = null; });
  return refreshing;
}

self.addEventListener('install', (event) => {
  event.waitUntil(refreshOnce().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// A starting page says which release it runs (its <head> as text); it is told when the
// current release differs.
self.addEventListener('message', (event) => {
  if (typeof event.data !== 'string' || !event.source) return;
  event.waitUntil((async () => {
    const theirs = linkedFiles(event.data);
    const release = await current();
    if (!release || theirs.length === 0) return;
    const runs = await releaseLinking(theirs);
    if (runs) releaseOf.set(event.source.id, runs);
    pending.delete(event.source.id);
    const ours = linkedFiles(await release.page.text());
    if (theirs.join(' ') !== ours.join(' ')) event.source.postMessage(UPDATE_READY);
    await prune();
  })());
});

/** Whether a URL is the app's own page: the scope root or its index.html (any query). */
const isAppPage = (url) => url.origin + url.pathname === PAGE || url.origin + url.pathname === INDEX;

// The app's page comes from the current release (the network only before there is one),
// and each visit online checks for a new release. A file of the current release comes
// from it. Anything else goes to the network, falling back, offline, to a kept copy of
// exactly the same file: never to the page, and nothing else is ever cached.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && isAppPage(url)) {
    event.respondWith((async () => {
      const release = await current();
      if (!release) return fetch(request);
      if (event.resultingClientId) {
        releaseOf.set(event.resultingClientId, release.name);
        pending.add(event.resultingClientId);
      }
      return release.page;
    })());
    event.waitUntil(refreshOnce().catch(() => {}));
    return;
  }
  event.respondWith((async () => {
    if (request.mode !== 'navigate') {
      // A file of any kept release: Trunk names them by their contents, so a file found
      // under its name is the one the asking page's release linked (the current release
      // first, then the one an older page still runs).
      const kept = await (await current())?.cache.match(request)
        ?? await keptCopy(request);
      if (kept) return kept;
    }
    try {
      return await fetch(request);
    } catch (error) {
      const kept = await caches.match(request);
      if (kept) return kept;
      throw error;
    }
  })());
});
