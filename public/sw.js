// Waypoint's service worker: keeps the app's own files so that it opens without a
// network after the first visit. It caches nothing from any other origin, and never
// sees answers (they live in localStorage, not in requests).
const CACHE = 'waypoint-app-v1';

// The page and everything Trunk linked from it (hashed script, wasm, stylesheet).
async function appFiles() {
  const response = await fetch('./', { cache: 'no-store' });
  const html = await response.clone().text();
  const linked = [...html.matchAll(/(?:href|src)="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((url) => !/^[a-z]+:/i.test(url));
  return { response, urls: [...new Set(['public/manifest.webmanifest', 'public/icon.svg', ...linked])] };
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const { response, urls } = await appFiles();
    await cache.put('./', response);
    await cache.addAll(urls);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// The page: network first (so an update shows at once), the cache when offline.
// Hashed files never change, so the cache answers them first.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const isPage = request.mode === 'navigate';
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (!isPage) {
      const hit = await cache.match(request);
      if (hit) return hit;
    }
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(isPage ? './' : request, response.clone());
      return response;
    } catch (error) {
      const fallback = await cache.match(isPage ? './' : request);
      if (fallback) return fallback;
      throw error;
    }
  })());
});
