// Kept progress: a run, a prediction and a verdict survive a reload, come back
// marked as an earlier visit's (never as this page load's measurements), and
// the next Run replaces them; Reset progress forgets everything; results saved
// by another build, or under another catalog fingerprint, are not shown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, reload, runAndWait, withLesson } from './lab-page.mjs';
import { labReady } from '../../web/tools/headless.mjs';

const KEY = 'kernel-lab-progress';

// A small loops run with a prediction, written to storage before returning.
async function runWithPrediction({ page, section }) {
  await section.locator('[data-prediction]').selectOption('f32_matmul_ikj');
  await fill(section, { sizes: '16', min_time_s: 0.05 });
  await runAndWait(section);
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').builds?.kernel_lab?.lessons?.loops, KEY);
}

async function earlierState(section) {
  return {
    rows: await section.locator('table[data-results] tbody tr').count(),
    earlierRows: await section.locator('table[data-results] tbody tr[data-earlier]').count(),
    note: await section.locator('[data-earlier-note]').isVisible(),
    prediction: await section.locator('[data-prediction]').inputValue(),
    verdict: (await section.locator('[data-verdict]').count()) ? await section.locator('[data-verdict]').textContent() : '',
  };
}

test('a run, its prediction and verdict survive a reload, marked as an earlier visit, until the next Run', async () => {
  await withLesson('loops', async (lab) => {
    const { page, section } = lab;
    await runWithPrediction(lab);
    const measured = await section.locator('table[data-results] tbody tr').count();
    assert.ok(measured >= 6);
    const medians = await section.locator('td[data-col="median"]').allTextContents();

    await reload(lab);
    const after = await earlierState(section);
    assert.equal(after.rows, measured, 'every row is back');
    assert.equal(after.earlierRows, measured, 'and every one is marked');
    assert.equal(after.note, true);
    assert.match(await section.locator('[data-earlier-note]').textContent(), /earlier visit.*kernel_lab build.*not in this page load/);
    assert.deepEqual(await section.locator('td[data-col="median"]').allTextContents(), medians);
    assert.equal(after.prediction, 'f32_matmul_ikj');
    assert.match(after.verdict, /^From your earlier visit: /);
    assert.ok((await section.locator('[data-chart] canvas').count()) > 0, 'the chart is redrawn from the kept rows');
    assert.equal(await page.locator('a[data-lesson="loops"] [data-nav-done]').count(), 1, 'the nav marks the lesson as run');

    // Nothing kept counts as this page load's measurement: the report lists them apart.
    await page.locator('a[data-lesson="report"]').click();
    const report = page.locator('section[data-lesson-view="report"]');
    assert.equal(await report.locator('[data-report-runs] tr').count(), 0);
    assert.ok((await report.locator('[data-report-earlier] tbody tr[data-earlier]').count()) >= 6);
    assert.equal(await report.locator('button[data-action="export-json"]').isDisabled(), true);

    // The next Run replaces them.
    await page.locator('a[data-lesson="loops"]').click();
    await fill(section, { sizes: '32', min_time_s: 0.05 });
    await runAndWait(section);
    const rerun = await earlierState(section);
    assert.equal(rerun.earlierRows, 0);
    assert.equal(rerun.note, false);
    assert.doesNotMatch(rerun.verdict, /earlier visit/);
    assert.deepEqual(new Set(await section.locator('td[data-col="n"]').allTextContents()), new Set(['32']));
  });
});

test('Reset progress asks first, then forgets everything', async () => {
  await withLesson('loops', async (lab) => {
    const { page, section } = lab;
    await runWithPrediction(lab);
    const reset = page.locator('button[data-action="reset-progress"]');

    page.once('dialog', (dialog) => dialog.dismiss());
    await reset.click();
    assert.ok(await page.evaluate((key) => localStorage.getItem(key), KEY), 'dismissed: nothing forgotten');

    page.once('dialog', (dialog) => dialog.accept());
    await Promise.all([page.waitForEvent('load'), reset.click()]);
    await page.waitForFunction(labReady);
    const after = await earlierState(section);
    assert.deepEqual({ ...after, verdict: undefined }, { rows: 0, earlierRows: 0, note: false, prediction: '', verdict: undefined });
    assert.equal(after.verdict, '');
    assert.equal(await page.locator('[data-nav-done]').count(), 0);
    const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);
    assert.equal(kept?.builds?.kernel_lab, undefined, 'no results are kept');
  });
});

test("results saved by another build or catalog are never shown as this page's", async () => {
  await withLesson('loops', async (lab) => {
    const { page, section } = lab;
    await runWithPrediction(lab);

    // Another build: not shown; the prediction, the student's own, is.
    await reload(lab, '/?build=kernel_lab_st#/loops');
    const other = await earlierState(section);
    assert.equal(other.rows, 0);
    assert.equal(other.note, false);
    assert.equal(other.verdict, '');
    assert.equal(other.prediction, 'f32_matmul_ikj');

    // Back on the build that measured them, they are there again.
    await reload(lab);
    assert.ok((await earlierState(section)).earlierRows >= 6);

    // The same module under another catalog fingerprint (its C++ changed): dropped.
    // The changed state is written as the next page starts, after the page
    // before it has written what it still had pending.
    await page.addInitScript((key) => {
      if (!location.protocol.startsWith('http')) return; // about:blank has no storage
      const next = sessionStorage.getItem('next-progress');
      if (next === null) return;
      localStorage.setItem(key, next);
      sessionStorage.removeItem('next-progress');
    }, KEY);
    await page.evaluate((key) => {
      const state = JSON.parse(localStorage.getItem(key));
      state.builds.kernel_lab.fingerprint = 'changed0';
      sessionStorage.setItem('next-progress', JSON.stringify(state));
    }, KEY);
    await reload(lab);
    assert.equal((await earlierState(section)).rows, 0);
    await page.waitForFunction(
      (key) =>
        JSON.parse(localStorage.getItem(key)).builds.kernel_lab === undefined ||
        JSON.parse(localStorage.getItem(key)).builds.kernel_lab.fingerprint !== 'changed0',
      KEY,
    );

    // Storage from an unknown format version is ignored, not trusted.
    await page.evaluate(() =>
      sessionStorage.setItem(
        'next-progress',
        JSON.stringify({ format: 'kernel-lab-progress', version: 99, lessons: { loops: { prediction: 'f32_matmul_ikj' } }, builds: {} }),
      ),
    );
    await reload(lab);
    assert.equal((await earlierState(section)).prediction, '');
  });
});

test('lessons whose columns read their own page (threads) and whose chart needs samples (measuring) restore without an error', async () => {
  await withLesson('measuring', async (lab) => {
    const { page } = lab;
    const runs = { measuring: { n: 32, min_time_s: 0.05 }, threads: { sizes: '64', min_time_s: 0.05 } };
    for (const [id, values] of Object.entries(runs)) {
      await page.locator(`a[data-lesson="${id}"]`).click();
      const section = page.locator(`section[data-lesson-view="${id}"]`);
      await fill(section, values);
      await runAndWait(section);
    }
    await page.waitForFunction(
      (key) => Object.keys(JSON.parse(localStorage.getItem(key) ?? '{}').builds?.kernel_lab?.lessons ?? {}).length === 2,
      KEY,
    );
    for (const id of Object.keys(runs)) {
      await reload(lab, `/#/${id}`);
      const section = page.locator(`section[data-lesson-view="${id}"]`);
      assert.ok((await section.locator('tr[data-earlier]').count()) >= 1, `${id} shows its earlier rows`);
      assert.ok((await section.locator('[data-chart] canvas').count()) >= 1, `${id} redraws its chart`);
    }
  });
});
