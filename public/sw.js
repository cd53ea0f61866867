// Waypoint's service worker: keeps the app's own files so that it opens without a
// network after the first visit. It caches nothing from any other origin, and never
// sees answers (they live in localStorage, not in requests).
//
// A release is the page (index.html) and the files its <head> links: Trunk's hashed
// script, wasm and stylesheet, the icons and the manifest. Each release is kept in its
// own cache, named by a hash of the page, and the page is put in last, so a cache that
// holds the page is complete. The newest complete cache is the current release; older
// ones are deleted only once a newer one is complete.
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
  if (before?.name === name) return;
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
  if (!(await caches.match(PAGE, { cacheName: name }))) return;
  // Every other release, and the single cache of earlier versions of this worker.
  for (const old of await caches.keys()) {
    if (old !== name && old.startsWith('waypoint-')) await caches.delete(old);
  }
  // Pages already open run the release before (the page comes from the kept release):
  // a reload would bring the new one. A page that starts too late to hear this is told
  // when it says which release it runs (the message listener below).
  if (before) {
    for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
      client.postMessage(UPDATE_READY);
    }
  }
}

let refreshing = null;
function refreshOnce() {
  refreshing ??= refresh().finally(() => { refreshing = null; });
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
    const ours = linkedFiles(await release.page.text());
    if (theirs.join(' ') !== ours.join(' ')) event.source.postMessage(UPDATE_READY);
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
      return release ? release.page : fetch(request);
    })());
    event.waitUntil(refreshOnce().catch(() => {}));
    return;
  }
  event.respondWith((async () => {
    if (request.mode !== 'navigate') {
      const kept = await (await current())?.cache.match(request);
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
