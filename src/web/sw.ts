// Sigap's service worker: keeps the app itself (never data) on the phone so that it opens without a network.
// Built by Vite as /sw.js at the root scope; the build fills in the file list and version (vite.config.ts).
//
// - Install: precache the app shell — index.html, every hashed asset (the lazy pages too), the icon, the manifest.
// - Pages (navigations): the cached index.html at once, so a weak line never delays opening; the page is the
//   same for every path, and a new deployment brings a new sw.js, which refreshes the cache.
// - /assets/*: cache first (hashed names never change content), network and cache on a miss.
// - /api/*: not handled here at all. Requests go to the network as if there were no worker, and no API answer
//   is ever stored by it: personal data does not end up in Cache Storage.
//
// Written without imports and with its own minimal types: the page's DOM typings are not a worker's.

/** Filled in at build time: the files of the app shell, and a version that changes with any of them. */
declare const __SIGAP_PRECACHE__: string[];
declare const __SIGAP_VERSION__: string;

type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
type WorkerScope = {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};

const worker = self as unknown as WorkerScope;
const SHELL_PREFIX = 'sigap-shell-'; // device-data.ts keeps caches with this prefix at sign-out
const SHELL_CACHE = `${SHELL_PREFIX}${__SIGAP_VERSION__}`;
const PRECACHE = __SIGAP_PRECACHE__;
const INDEX = '/index.html';

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      // `reload` skips the HTTP cache: the files stored are the ones this version was built with.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

async function fromCacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function appShell(request: Request): Promise<Response> {
  const cached = await caches.match(INDEX);
  return cached ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (url.pathname.startsWith('/api/')) return; // network only, never stored
  // Page paths have no file extension (/lapor, /kotak-keluar); a file opened directly goes to the network.
  if (request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(url.pathname)) {
    event.respondWith(appShell(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) {
    event.respondWith(fromCacheFirst(request));
  }
});
