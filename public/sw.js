/*
 * Rowpilot's service worker: the app opens with no network, at any of its addresses.
 * - Install keeps the build's files (the list the build writes at the top of this file,
 *   scripts/service-worker.ts) and the offline shell in a cache named after the build. A new build
 *   is a new sw.js, so the browser installs it, and its cache replaces the old one on activation.
 * - Built files (/assets/*, hashed names): from that cache first, they never change.
 * - The app's pages and React Router data requests (GET, same origin): network first,
 *   keeping a copy. With no network: the copy; for a page with none, the shell (app/routes/offline.tsx),
 *   which opens the address in the app, where pages take their data from what the browser keeps
 *   (app/offline/kept.ts) and a table its contents from IndexedDB (y-indexeddb), not from here.
 */

/** The build's version and files, set by the build; `react-router dev` serves this file as it is. */
const BUILD = self.ROWPILOT_BUILD ?? { version: "dev", precache: [] };
/** The build's files and the shell: they go with the build. */
const BUILD_CACHE = `rowpilot-build-${BUILD.version}`;
/** Pages and data seen: a page names its build's files, so it goes with the build too. */
const PAGES_CACHE = `rowpilot-pages-${BUILD.version}`;
/** Pages' data the app keeps (app/offline/kept.ts): plain data, it outlives builds. */
const KEPT_CACHE = "rowpilot-kept";
/** The page that opens any address of the app with no network (app/routes/offline.tsx). */
const SHELL = "/offline";
/** What the Worker answers itself (worker/app.ts): the API, sync sockets, tracking, sites, webhooks. */
const NOT_THE_APP = ["/api/", "/sync/", "/t/", "/s/", "/hooks/"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(BUILD_CACHE);
      // The shell from the server, not the HTTP cache: it must name this build's files.
      await cache.addAll([...BUILD.precache, new Request(SHELL, { cache: "reload" })]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const current = [BUILD_CACHE, PAGES_CACHE, KEPT_CACHE];
      for (const key of await caches.keys()) if (!current.includes(key)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (NOT_THE_APP.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (url.pathname.endsWith(".data")) {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(BUILD_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

/** A page: from the network, else its copy, else the shell, else a page saying so (never the browser's error). */
async function page(request) {
  try {
    return await networkFirst(request);
  } catch {
    const shell = await (await caches.open(BUILD_CACHE)).match(SHELL);
    return (
      shell ?? new Response(OFFLINE_PAGE, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } })
    );
  }
}

/** From the network, keeping a copy; with no network, the copy, or the network's error. */
async function networkFirst(request) {
  const pages = await caches.open(PAGES_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) pages.put(request, response.clone());
    return response;
  } catch (error) {
    const copy = await pages.match(request, { ignoreVary: true });
    if (copy) return copy;
    throw error;
  }
}

/** Only if the shell is missing from the cache (the browser may evict it under storage pressure). */
const OFFLINE_PAGE = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline · Rowpilot</title><body style="font:14px system-ui;display:grid;place-items:center;min-height:90vh">
<div style="text-align:center"><h1 style="font-size:18px">Rowpilot is offline</h1>
<p>This page has no copy on this device. Reconnect to the internet and reload.</p></div>`;
