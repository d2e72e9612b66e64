// Cross-origin isolation where the browser refuses it even through the
// service worker: one reload, not a loop, then one thread and the reason.
// Chromium only, since it replaces the worker's script through Playwright's
// routing; the cases every engine meets are in tests/engines/isolation.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notIsolatedNotice } from '../engines/engine-page.mjs';
import { withLesson } from './lab-page.mjs';

async function notice(page) {
  const element = page.locator('[data-build-notice]');
  return (await element.isVisible()) ? (await element.textContent()).trim() : null;
}

// A service worker that passes responses through without the headers, like a
// browser that ignores them: the page must reload once, then carry on.
const INERT_WORKER = `
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => event.respondWith(fetch(event.request)));`;

test('a browser that refuses isolation even so gets one reload, not a loop', async () => {
  let loads = 0;
  await withLesson(
    'loops',
    async ({ page }) => {
      assert.equal(loads, 2);
      assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
      assert.equal(await notice(page), notIsolatedNotice());
    },
    {
      isolate: false,
      async prepare(page) {
        // The worker's script is fetched by the browser context, not the page.
        await page.context().route('**/isolation-sw.js', (route) => route.fulfill({ contentType: 'text/javascript', body: INERT_WORKER }));
        page.on('load', () => {
          loads += 1;
        });
      },
    },
  );
});
