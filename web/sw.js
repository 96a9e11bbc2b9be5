// doudi offline: on install, store the page and the same-origin files it names; then
// answer same-origin GETs from the cache first (the page refreshed in the background).
// The 摸排 page (screen.html) is its own navigation: it and its files (screen.js,
// screen.css, screen-worker.js, doudi-staff.js and its wasm) are stored on its first
// visit, not with the main page (a caseworker's page should not fetch staff's worker).
// Nothing leaves the origin; no household data is stored here (see web/README.md).
const CACHE = 'doudi-v1';
const PAGE = new URL('./', self.registration.scope).href;
// Pages of the site that are not the main page: each navigates to itself.
const OWN_PAGES = ['screen.html'];

async function store(cache, url) {
  const response = await fetch(url, { cache: 'no-cache' });
  if (response.ok && response.type === 'basic') await cache.put(url, response.clone());
  return response;
}

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await store(cache, PAGE);
  if (!page.ok) return;
  const html = await page.text();
  const urls = new Set();
  for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)=["']?([^"' >]+)/g)) {
    const url = new URL(m[1], PAGE);
    if (url.origin === self.location.origin && url.href !== PAGE && !url.href.startsWith('data:')) urls.add(url.href);
  }
  // Loaded by the app only when asked (web/src/storage.rs).
  urls.add(new URL('saved.js', PAGE).href);
  // The clauses' words, which the page loads after its first result (web/src/clauses.rs).
  urls.add(new URL('clauses.js', PAGE).href);
  // The English words, which the page loads when English is asked for (web/src/i18n.rs).
  urls.add(new URL('labels-en.js', PAGE).href);
  // The comparison with the ordinary rules.
  for (const f of ['ordinary-panel.js', 'doudi-ordinary/ordinary.js', 'doudi-ordinary/doudi-ordinary.js', 'doudi-ordinary/doudi-ordinary_bg.wasm']) urls.add(new URL(f, PAGE).href);
  await Promise.all([...urls].map((u) => store(cache, u).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const navigate = request.mode === 'navigate';
  // A navigation is the main page (any fragment or query), unless it is another page of the site.
  const page = navigate && !OWN_PAGES.some((p) => url.href.split(/[?#]/)[0] === new URL(p, PAGE).href) ? PAGE : null;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const key = page ?? (navigate ? url.href.split(/[?#]/)[0] : request);
      const cached = await cache.match(key, { ignoreSearch: navigate });
      if (cached) {
        if (navigate) event.waitUntil(store(cache, key).catch(() => undefined));
        return cached;
      }
      try {
        return await store(cache, key);
      } catch {
        return new Response('offline', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      }
    })(),
  );
});
