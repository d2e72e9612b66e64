// In every engine, on a host that sends no headers (npm start --plain): the
// service worker isolates the page with one reload, and threads run; with
// service workers off, the page loads once, runs on one thread and says why.
// A host that sends the headers gets no service worker at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enginesUnderTest, fill, notIsolatedNotice, rowCount, runAndWait, texts, visibleText, withLesson } from './engine-page.mjs';

const MATMUL = { kernel: 'f32_matmul_4x8_wasmsimd', m: 64, n: 64, k: 64, block: 32, min_time_s: 0.05 };

// A LabClient started in the page, choosing its build as the page does, runs one request.
const startAndRun = (lab, request) =>
  lab.tab.evaluate(async (r) => {
    const { LabClient } = await import('/lab-client.js');
    const client = new LabClient();
    const catalog = await client.start();
    return { module: client.build.module, maxThreads: catalog.build.max_threads, result: await client.run(r) };
  }, request);

const pageState = (lab) =>
  lab.tab.evaluate(() => ({ isolated: self.crossOriginIsolated, controlled: Boolean(navigator.serviceWorker?.controller) }));

// Opens the lab on a plain host and runs body(lab, loads): loads() counts the
// page's loads so far, and is counted again once body is done, so a reload
// loop after the page became ready fails too.
async function onPlainHost(engine, serviceWorkers, expectedLoads, body) {
  let loads = 0;
  await withLesson(
    engine,
    'loops',
    async (lab) => {
      assert.equal(loads, expectedLoads);
      await body(lab);
      assert.equal(loads, expectedLoads, 'no reload after the page was ready');
    },
    { isolate: false, serviceWorkers, prepare: (page, tab) => tab.onLoad(() => (loads += 1)) },
  );
}

for (const engine of enginesUnderTest()) {
  test(`${engine}: no headers: the service worker isolates the page with one reload, and threads run`, () =>
    onPlainHost(engine, 'allow', 2, async (lab) => {
      assert.deepEqual(await pageState(lab), { isolated: true, controlled: true });
      const run = await startAndRun(lab, { ...MATMUL, threads: 2 });
      assert.equal(run.module, 'kernel_lab');
      assert.equal(run.maxThreads, await lab.tab.evaluate(() => navigator.hardwareConcurrency));
      assert.equal(run.result.status, 'ok', run.result.error);
      assert.equal(run.result.shape.threads, 2);
      assert.equal(run.result.check.passed, true);
      assert.match(await visibleText(lab, '[data-lab-status]'), new RegExp(`SIMD128 \\+ ${run.maxThreads} threads?`));
      assert.equal(await visibleText(lab, '[data-build-notice]'), '');
    }));

  test(`${engine}: no headers and no service workers: one load, one thread, and the reason`, () =>
    onPlainHost(engine, 'block', 1, async (lab) => {
      assert.deepEqual(await pageState(lab), { isolated: false, controlled: false });
      assert.equal(await visibleText(lab, '[data-build-notice]'), notIsolatedNotice());
      assert.match(await visibleText(lab, '[data-lab-status]'), /SIMD128, 1 thread/);
      const single = await startAndRun(lab, { ...MATMUL, threads: 1 });
      assert.deepEqual([single.module, single.maxThreads, single.result.check?.passed], ['kernel_lab_st', 1, true]);
      const two = await startAndRun(lab, { ...MATMUL, threads: 2 });
      assert.deepEqual([two.result.status, two.result.field], ['invalid', 'threads']);
      await fill(lab, { sizes: '17', min_time_s: 0.05 });
      await runAndWait(lab);
      assert.ok((await rowCount(lab)) >= 6);
      for (const check of await texts(lab, 'td[data-col="check"]')) assert.match(check, /passed|not implemented/);
    }));

  test(`${engine}: a host that sends the headers gets no service worker`, () =>
    withLesson(engine, 'loops', async (lab) => {
      assert.deepEqual(await pageState(lab), { isolated: true, controlled: false });
      assert.equal(await lab.tab.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
      assert.equal(await visibleText(lab, '[data-build-notice]'), '');
    }));
}
