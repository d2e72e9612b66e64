// Makes the page cross-origin isolated where the host does not: registers
// isolation-sw.js, which adds COOP and COEP to every response, and reloads
// once, because a service worker only serves pages loaded after it is active.
// app.js asks this before it starts the lab worker: a reload would throw away
// a module that had already loaded.
//
// One reload at most per tab: a browser that still refuses isolation with the
// headers in place would otherwise reload forever. It then carries on with the
// single-threaded build, and build-choice.js says why.

const WORKER_URL = new URL('./isolation-sw.js', import.meta.url);
const RELOADED = 'kernel-lab:reloaded-for-isolation'; // sessionStorage key

// Resolves when the registration has an active worker, or with false when its
// worker failed to install and never will be.
function activated(registration) {
  const pending = registration.installing ?? registration.waiting;
  const failed = new Promise((resolve) => {
    pending?.addEventListener('statechange', () => {
      if (pending.state === 'redundant') resolve(false);
    });
  });
  return Promise.race([navigator.serviceWorker.ready.then(() => true), failed]);
}

// Resolves with true when the page is about to reload (start nothing), and
// with false when it should carry on as it is.
export async function reloadForIsolation() {
  try {
    if (self.crossOriginIsolated) {
      sessionStorage.removeItem(RELOADED); // so a later hard reload, which skips the worker, may reload again
      return false;
    }
    if (!self.isSecureContext || !navigator.serviceWorker) return false;
    // The worker already served this page, or the tab reloaded once for it: the browser refuses.
    if (navigator.serviceWorker.controller || sessionStorage.getItem(RELOADED)) return false;
    const registration = await navigator.serviceWorker.register(WORKER_URL);
    if (!registration || !(await activated(registration))) return false; // blocked by the browser's settings
    sessionStorage.setItem(RELOADED, 'yes');
    location.reload();
    return true;
  } catch (error) {
    console.warn(`Cross-origin isolation through a service worker failed: ${error.message}`);
    return false;
  }
}
