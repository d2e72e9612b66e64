// A service worker that makes the lab cross-origin isolated on a static host
// that cannot send headers (GitHub Pages, a plain bucket). WebAssembly threads
// need shared memory, and the browser only grants it to a page served with
// COOP and COEP; this worker adds them to every response of this site, so the
// page and everything it loads arrive as if the host had sent them.
// web/isolation.js registers it. It lives at the web root because a service
// worker only controls pages at or below its own folder.
'use strict';

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// Take over at once: the page reloads as soon as this worker is active, and
// the reload must not wait for old tabs to close.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page's Content-Security-Policy, read once from its own <meta> tag (one
// source of truth). A <meta> policy binds the page but not its workers, which
// take theirs from their script's headers: this worker adds it to those.
let pagePolicy = null;
function policy() {
  pagePolicy ??= fetch(new URL('index.html', self.registration.scope))
    .then((response) => response.text())
    .then((html) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? null)
    .catch(() => null);
  return pagePolicy;
}

// A copy of the response with the isolation headers added, and for a worker's
// script the page's policy. Status 0 is an opaque response (a cross-origin
// no-cors fetch) or a redirect a navigation follows itself: neither can be
// read or rebuilt, so it passes untouched.
async function withHeaders(response, destination) {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  const csp = destination === 'worker' ? await policy() : null;
  if (csp && !headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', csp);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // fetch() refuses only-if-cached outside same-origin mode, yet the browser
  // (DevTools, for one) sends such requests; leave them to the network stack.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(fetch(request).then((response) => withHeaders(response, request.destination)));
});
