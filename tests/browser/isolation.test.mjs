// Cross-origin isolation on a host that sends no headers: the service worker
// adds them and the page reloads once into the threaded build; where service
// workers are off, or the browser still refuses, the page runs on one thread
// and says why. A host that sends the headers gets no service worker at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseBuild } from '../../web/build-choice.js';
import { fill, rows, runAndWait, withLesson } from './lab-page.mjs';

const MATMUL = { kernel: 'f32_matmul_4x8_wasmsimd', m: 64, n: 64, k: 64, block: 32, min_time_s: 0.05 };

// Starts a LabClient in the page, letting it choose its build as the page
// does, and runs one request on it.
function startAndRun(page, request) {
  return page.evaluate(async (request) => {
    const { LabClient } = await import('/lab-client.js');
    const client = new LabClient();
    const catalog = await client.start();
    return {
      module: client.build.module,
      maxThreads: catalog.build.max_threads,
      hardwareThreads: navigator.hardwareConcurrency,
      result: await client.run(request),
    };
  }, request);
}

async function notice(page) {
  const element = page.locator('[data-build-notice]');
  return (await element.isVisible()) ? (await element.textContent()).trim() : null;
}

const status = (page) => page.locator('[data-lab-status]').textContent();

// The reason as the page shows it: backticks become <code>, which textContent drops.
const shownReason = (build) => build.reason.replaceAll('`', '');

test('no headers: the service worker isolates the page and threads run', async () => {
  await withLesson(
    'loops',
    async ({ page }) => {
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
      assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
      const threads = Math.min(2, await page.evaluate(() => navigator.hardwareConcurrency));
      const run = await startAndRun(page, { ...MATMUL, threads });
      assert.equal(run.module, 'kernel_lab');
      assert.equal(run.maxThreads, run.hardwareThreads);
      assert.equal(run.result.status, 'ok', run.result.error);
      assert.equal(run.result.shape.threads, threads);
      assert.equal(run.result.check.passed, true);
      assert.match(await status(page), new RegExp(`SIMD128 \\+ ${run.maxThreads} threads?`));
      assert.equal(await notice(page), null);
    },
    { isolate: false },
  );
});

test('no headers and no service workers: one thread, and a notice that says why', async () => {
  await withLesson(
    'loops',
    async ({ page, section }) => {
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
      assert.equal(await notice(page), shownReason(chooseBuild({ simd: true, isolated: false })));
      assert.match(await status(page), /SIMD128, 1 thread/);
      const single = await startAndRun(page, { ...MATMUL, threads: 1 });
      assert.equal(single.module, 'kernel_lab_st');
      assert.equal(single.maxThreads, 1);
      assert.equal(single.result.status, 'ok', single.result.error);
      assert.equal(single.result.check.passed, true);
      const two = await startAndRun(page, { ...MATMUL, threads: 2 });
      assert.equal(two.result.status, 'invalid');
      assert.equal(two.result.field, 'threads');
      // The lessons still run.
      await fill(section, { sizes: '17', min_time_s: 0.05 });
      await runAndWait(section);
      assert.ok((await (await rows(section)).count()) >= 6);
      assert.ok((await section.locator('td[data-col="check"]', { hasText: /passed/ }).count()) >= 6);
    },
    { isolate: false, serviceWorkers: 'block' },
  );
});

test('a host that sends the headers gets no service worker', async () => {
  await withLesson('loops', async ({ page }) => {
    assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.equal(await notice(page), null);
  });
});

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
      assert.equal(await notice(page), shownReason(chooseBuild({ simd: true, isolated: false })));
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
