// The Threads lesson: a thread sweep with speedups and an Amdahl fit, the
// small-size experiment, and the single-threaded page a host without COOP and
// COEP gets, where the lesson says why and offers 1 thread only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorText, fill, withLesson, rows, runAndWait } from './lab-page.mjs';

async function cells(section, column) {
  return (await section.locator(`table[data-results] td[data-col="${column}"]`).allTextContents()).map((t) => t.trim());
}

async function notes(section) {
  return (await section.locator('[data-notes] li').allTextContents()).join('\n');
}

async function assertChecksPassed(section) {
  for (const check of await cells(section, 'check')) assert.match(check, /passed/);
}

// The thread counts the page offers: 1 up to the most it may use.
async function offeredThreads(section) {
  return (await section.locator('[name="threads"] option').allTextContents()).map((t) => parseInt(t, 10));
}

test('a thread sweep runs 1 to the most threads, with speedups and an Amdahl fit', async () => {
  await withLesson('threads', async (lab) => {
    const { page, section } = lab;
    const offered = await offeredThreads(section);
    const most = offered.at(-1);
    assert.deepEqual(
      offered,
      Array.from({ length: most }, (_, i) => i + 1),
    );
    assert.ok(most <= (await page.evaluate(() => navigator.hardwareConcurrency)), 'never more threads than the hardware has');
    assert.equal(await section.locator('[name="threads"]').inputValue(), String(most), 'the sweep goes to the most threads by default');
    assert.equal(await section.locator('[data-threads-unavailable]').count(), 0);

    await fill(section, { experiment: 'sweep', sizes: '192', block: '64', min_time_s: 0.05 });
    await section.locator('[data-prediction]').fill('1.5');
    await runAndWait(section);

    assert.equal(await (await rows(section)).count(), most);
    assert.deepEqual(await cells(section, 'threads'), offered.map(String));
    await assertChecksPassed(section);
    const speedups = await cells(section, 'speedup');
    assert.equal(speedups[0], '1.00×');
    for (const s of speedups) assert.match(s, /^[\d.]+×$/);
    for (const e of await cells(section, 'efficiency')) assert.match(e, /^\d+%$/);
    const text = await notes(section);
    if (most > 1) {
      assert.match(text, /2 threads [\d.]+× as fast/);
      assert.match(text, /Amdahl fit gives a serial fraction s = [\d.]+%?/);
      assert.match(await section.locator('[data-verdict]').textContent(), /2 threads ran [\d.]+× as fast as 1/);
    } else {
      assert.match(text, /Only 1 thread ran/);
    }
    assert.ok((await section.locator('[data-chart] canvas').count()) >= 2, 'speedup and efficiency charts');
  });
});

test('the small-size experiment compares 1 thread with the most, and says what it measured', async (t) => {
  await withLesson('threads', async (lab) => {
    const { section } = lab;
    const most = (await offeredThreads(section)).at(-1);
    if (most < 2) {
      t.skip('this machine offers 1 thread only');
      return;
    }
    await fill(section, { experiment: 'small' });
    assert.match(await section.locator('[data-exercise] label').textContent(), /Smallest N/);
    assert.equal(await section.locator('[name="sizes"]').isVisible(), false);
    await fill(section, { small_sizes: '16,abc', min_time_s: 0.05 });
    await runAndWait(section);
    assert.match(await errorText(section), /must be a number/);
    assert.equal(
      await section.locator('[name="small_sizes"]').getAttribute('aria-invalid'),
      'true',
      'the message points at the visible sizes',
    );
    assert.equal(await (await rows(section)).count(), 0);

    await fill(section, { small_sizes: '16,128', block: '128' });
    await section.locator('[data-prediction]').fill('64');
    await runAndWait(section);

    assert.deepEqual(await cells(section, 'n'), ['16', '16', '128', '128']);
    assert.deepEqual(await cells(section, 'threads'), ['1', String(most), '1', String(most)]);
    assert.deepEqual(await cells(section, 'block'), ['16', '16', '128', '128'], 'a block above N runs as N');
    await assertChecksPassed(section);
    const text = await notes(section);
    for (const n of [16, 128]) {
      assert.match(
        text,
        new RegExp(
          `At N = ${n}, ${most} threads (were [\\d.]+× as fast as 1|and 1 thread lie within each other’s 95% CIs) ` +
            '\\([\\d.]+ [nµm]?s against [\\d.]+ [nµm]?s per call\\)',
        ),
      );
    }
    assert.match(text, /Threads (won|did not win)/);
    assert.match(await section.locator('[data-verdict]').textContent(), /Threads (won|did not win)/);
  });
});

test('without cross-origin isolation the lesson says why, offers 1 thread, and every lesson still works', async () => {
  await withLesson(
    'threads',
    async (lab) => {
      const { page, section } = lab;
      assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
      const notice = section.locator('[data-threads-unavailable]');
      assert.equal(await notice.isVisible(), true);
      assert.match(await notice.textContent(), /not cross-origin isolated.*npm start/s);
      assert.equal(await section.locator('[name="threads"]').isDisabled(), true);
      assert.equal(await section.locator('[name="experiment"]').isDisabled(), true);
      assert.deepEqual(await offeredThreads(section), [1]);
      // Only the lessons that measure on several threads explain why they cannot.
      const elsewhere =
        'section[data-lesson-view]:not([data-lesson-view="threads"]):not([data-lesson-view="roofline"]) [data-threads-unavailable]';
      assert.equal(await page.locator(elsewhere).count(), 0, 'no lesson on one thread shows it');
      assert.equal(await page.locator('section[data-lesson-view="roofline"] [data-threads-unavailable]').count(), 1);

      for (const link of await page.locator('a[data-lesson]').all()) {
        const id = await link.getAttribute('data-lesson');
        await link.click();
        await page.locator(`section[data-lesson-view="${id}"] h1`).waitFor({ state: 'visible' });
      }

      await page.locator('a[data-lesson="threads"]').click();
      await fill(section, { sizes: '64', min_time_s: 0.05 });
      await runAndWait(section);
      assert.deepEqual(await cells(section, 'threads'), ['1']);
      await assertChecksPassed(section);
      assert.match(await notes(section), /Only 1 thread ran/);

      await page.locator('a[data-lesson="blocking"]').click();
      const blocking = page.locator('section[data-lesson-view="blocking"]');
      await fill(blocking, { sizes: '48', blocks: '16', min_time_s: 0.05 });
      await runAndWait(blocking);
      const checks = await cells(blocking, 'check');
      assert.ok(
        checks.some((c) => /passed/.test(c)),
        'the blocked matmul ran and passed',
      );
      for (const c of checks) assert.match(c, /passed|not implemented/); // the student's stub may be unwritten
    },
    { isolate: false, serviceWorkers: 'block' },
  );
});
