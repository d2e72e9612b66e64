// A lab worker whose module set-up never returns, as Firefox's now and then
// does while making the module's thread pool: the page replaces the worker
// after SETUP_TIMEOUT_MS (web/lab-client.js) and starts; a worker that stalls
// every time ends, after three, in a start failure that says why, not in
// "Loading" for ever. The stall is played here by a worker script that
// announces its set-up and then blocks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLab } from '../../web/tools/headless.mjs';
import { fill, runAndWait, withLesson } from './lab-page.mjs';

const STALLED_WORKER = `
postMessage({ type: 'setting-up' });
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // nobody wakes it`;

// Routes the lab worker's script: the first `stalls` requests get the stalled
// worker, later ones the real one. Returns the requests seen and the page's warnings.
function stallWorkers(stalls) {
  const seen = { requests: 0, warnings: [] };
  const prepare = async (page) => {
    page.on('console', (message) => message.type() === 'warning' && seen.warnings.push(message.text()));
    await page.context().route('**/worker.js?*', async (route) => {
      seen.requests += 1;
      if (seen.requests > stalls) return route.continue();
      // The real response's headers: an isolated page runs no worker without them.
      return route.fulfill({ response: await route.fetch(), body: STALLED_WORKER });
    });
  };
  return { seen, prepare };
}

test('a worker whose set-up stalls is replaced, and the lab starts and runs', async () => {
  const { seen, prepare } = stallWorkers(1);
  await withLesson(
    'loops',
    async ({ page, section }) => {
      assert.equal(seen.requests, 2, 'one stalled worker, then one that started');
      assert.deepEqual(
        seen.warnings.filter((w) => /set-up did not finish/.test(w)),
        ['Kernel Lab: The WebAssembly module’s set-up did not finish within 5 s, so it starts again in a new worker.'],
      );
      assert.equal(await page.locator('[data-lab-status]').getAttribute('data-state'), 'ready');
      await fill(section, { sizes: '16', min_time_s: 0.05 });
      await runAndWait(section);
      assert.ok((await section.locator('table[data-results] tbody tr').count()) > 0);
    },
    { prepare },
  );
});

test('a worker that stalls every time ends in a start failure that says why', async () => {
  const { seen, prepare } = stallWorkers(Infinity);
  const lab = await openLab({ path: '/#/loops', prepare });
  try {
    const status = lab.page.locator('[data-lab-status]');
    await lab.page.waitForFunction(() => document.querySelector('[data-lab-status]').dataset.state === 'error', null, {
      timeout: 30000,
    });
    assert.match(
      await status.innerText(),
      /^The lab could not start\. The WebAssembly module’s set-up did not finish within 5 s, 3 times\./,
    );
    assert.match(await lab.page.locator('.fatal [role="alert"]').innerText(), /Reload the page, or try another browser/);
    assert.equal(seen.requests, 3, 'three workers, then no more');
    assert.equal(await lab.page.evaluate(() => document.body.dataset.labReady), undefined);
  } finally {
    await lab.close();
  }
});
