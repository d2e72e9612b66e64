// Kernels run in a worker: during a 5-second run the page's main thread has no
// long task over 200 ms, progress moves, and Cancel stops the run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, withLesson } from './lab-page.mjs';

test('the main thread stays responsive during a 5-second run, and Cancel stops it', async () => {
  await withLesson('measuring', async (lab) => {
    const { page, section } = lab;
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
      // A timer that should tick every 50 ms; its worst gap is how frozen the page got.
      window.__worstGap = 0;
      let last = performance.now();
      window.__ticker = setInterval(() => {
        const now = performance.now();
        window.__worstGap = Math.max(window.__worstGap, now - last);
        last = now;
      }, 50);
    });

    await fill(section, { n: 128, min_time_s: 5 });
    await section.locator('button[data-action="run"]').click();
    await page.waitForFunction((el) => el.dataset.running === 'true', await section.elementHandle());
    await page.waitForTimeout(1500);
    const progress = Number(await section.locator('progress[data-progress]').evaluate((p) => p.value));
    assert.ok(progress > 0, `progress should move, got ${progress}`);
    await page.waitForTimeout(2500);

    const cancel = section.locator('button[data-action="cancel"]');
    assert.equal(await cancel.isEnabled(), true);
    const cancelledAt = Date.now();
    await cancel.click();
    await page.waitForFunction((el) => el.dataset.running === 'false', await section.elementHandle(), { timeout: 5000 });
    assert.ok(Date.now() - cancelledAt < 2000, 'cancel should take effect quickly');

    const { longTasks, worstGap } = await page.evaluate(() => ({ longTasks: window.__longTasks, worstGap: window.__worstGap }));
    assert.ok(
      longTasks.every((d) => d <= 200),
      `long tasks: ${longTasks}`,
    );
    assert.ok(worstGap < 250, `worst timer gap ${worstGap} ms`);
  });
});

test('cancel inside one long kernel call replaces the worker, and the next run works', async () => {
  await withLesson('measuring', async (lab) => {
    const outcome = await lab.page.evaluate(async () => {
      const { LabClient } = await import('/lab-client.js');
      const client = new LabClient();
      const catalog = await client.start();
      const naive = catalog.kernels.find((k) => k.lesson === 'loops' && !k.student).name;
      // One call at N=1500 takes seconds: cancel lands inside it.
      const long = client.run({ kernel: naive, m: 1500, n: 1500, k: 1500, min_time_s: 5 });
      await new Promise((r) => setTimeout(r, 300));
      const t0 = performance.now();
      client.cancel();
      const cancelled = await long;
      const cancelMs = performance.now() - t0;
      const next = await client.run({ kernel: naive, m: 16, n: 16, k: 16, min_time_s: 0.05 });
      return { cancelled: cancelled.status, cancelMs, next: next.status, passed: next.check?.passed };
    });
    assert.equal(outcome.cancelled, 'cancelled');
    assert.ok(outcome.cancelMs < 1000, `cancel took ${outcome.cancelMs} ms`);
    assert.equal(outcome.next, 'ok');
    assert.equal(outcome.passed, true);
  });
});
