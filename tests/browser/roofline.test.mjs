// The roofline lesson: the probes measure the roofs, every kernel run in any
// lesson lands on the roofline, the ladder runs at one N, the exercise is
// judged, and bad input changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, withLesson, runAndWait } from './lab-page.mjs';

const roofline = (lab) => lab.page.locator('section[data-lesson-view="roofline"]');

test('the probes draw the roofs, and a kernel run in another lesson appears on the roofline', async () => {
  await withLesson('loops', async (lab) => {
    await fill(lab.section, { sizes: '16', min_time_s: 0.05 });
    await runAndWait(lab.section);
    await lab.page.locator('a[data-lesson="roofline"]').click();
    const section = roofline(lab);
    await section.waitFor({ state: 'visible' });
    const table = section.locator('table[data-roofline]');
    // The loops lesson's six orders at N = 16 are already there, before any probe.
    assert.equal(await table.locator('tr[data-kernel="f32_matmul_ijk"] td[data-col="shape"]').textContent(), 'N = 16, 1 thread');
    assert.equal(await table.locator('tr[data-kernel="f32_matmul_ijk"] td[data-col="bound"]').textContent(), '—');

    await fill(section, { sizes: '4096', min_time_s: 0.05 });
    await section.locator('[data-prediction]').selectOption('vector');
    await runAndWait(section, 120000);
    assert.match(
      await section.locator('[data-roofline-summary]').textContent(),
      /1 thread: ceiling \d+\.\d+ GFLOP\/s \(FMA ceiling \d+\.\d+\), bandwidth \d+\.\d+ GB\/s, ridge at/,
    );
    // Chromium runs relaxed SIMD: the FMA probe ran beside the mul+add one, and the card compares the two.
    assert.match(
      await section.locator('[data-relaxed-measured]').textContent(),
      /^Measured on 1 thread here: the FMA ceiling \d+\.\d+ GFLOP\/s against the mul\+add ceiling \d+\.\d+ GFLOP\/s, [\d.]+×\. /,
    );
    // The loops point is now judged against the 1-thread roof; AI = 2 N^3 / (12 N^2) = N / 6.
    const ijk = table.locator('tr[data-kernel="f32_matmul_ijk"]');
    assert.equal(await ijk.locator('td[data-col="ai"]').textContent(), (16 / 6).toPrecision(3));
    assert.match(await ijk.locator('td[data-col="bound"]').textContent(), /^(memory|compute)$/);
    assert.match(await ijk.locator('td[data-col="roof_fraction"]').textContent(), /^\d+\.\d%$/);
    assert.equal((await table.locator('tr[data-kernel="f32_mul_add_13chains_wasmsimd"]').count()) >= 1, true);
    assert.equal((await section.locator('[data-panel="roofline"] [data-chart] canvas').count()) >= 1, true);
    // The exercise: the axpy's 1/6 FLOP per byte lies below any ridge this machine has.
    assert.match(await section.locator('[data-verdict]').textContent(), /^(Right|Not quite)\. Your 1-thread ridge point is/);
    assert.match(await section.locator('[data-verdict]').textContent(), /f32_axpy_wasmsimd at N = 1048576: 0\.167 FLOP\/byte/);
    // The triad's sweep drew its own chart, and the notes give the roofs.
    assert.match(await section.locator('[data-notes]').textContent(), /a ceiling of .* GFLOP\/s and .* GB\/s \(triad at N = 4K, 48 KiB\)/);
    // 4096 floats fit in a cache, and the page says the roof is then not memory's.
    assert.match(await section.locator('[data-notes]').textContent(), /a cache’s bandwidth, not memory’s/);
  });
});

test('the ladder runs every step at one small N and shows its table and chart', async () => {
  await withLesson('roofline', async (lab) => {
    const panel = lab.section.locator('[data-panel="ladder"]');
    await fill(panel, { ladder_n: 24, ladder_min_time: 0.02 });
    await panel.locator('button[data-action="run-ladder"]').click();
    await lab.page.waitForFunction(
      () =>
        document.querySelector('[data-panel="ladder"] table[data-ladder]') &&
        document.querySelector('[data-panel="ladder"]').dataset.running === 'false',
      null,
      { timeout: 120000 },
    );
    const steps = await lab.page.evaluate(() => document.querySelectorAll('[data-panel="ladder"] .ladder-steps li').length);
    const rows = panel.locator('table[data-ladder] tbody tr');
    assert.equal(await rows.count(), steps);
    assert.equal(await rows.first().locator('td[data-col="kernel"]').textContent(), 'i-j-k');
    assert.equal(await rows.first().locator('td[data-col="speedup_naive"]').textContent(), '—');
    assert.match(await rows.nth(1).locator('td[data-col="speedup_naive"]').textContent(), /×$/);
    // No probe ran in this session, so no step has a ceiling to be compared with.
    assert.match(await rows.first().locator('td[data-col="ceiling"]').textContent(), /probe first/);
    assert.match(await panel.locator('[data-ladder-notes]').textContent(), /At N = 24, the climb went from/);
    assert.equal((await panel.locator('[data-chart] canvas').count()) >= 1, true);
    // The lab report files the ladder's runs under this lesson.
    await lab.page.locator('a[data-lesson="report"]').click();
    const groups = await lab.page.locator('[data-report-lesson]').evaluateAll((cards) => cards.map((c) => c.dataset.reportLesson));
    assert.deepEqual(groups, ['roofline']);
  });
});

test('bad ladder input gets a message and runs nothing', async () => {
  await withLesson('roofline', async (lab) => {
    const panel = lab.section.locator('[data-panel="ladder"]');
    const alert = panel.locator('[role="alert"][data-panel-error]');
    for (const [value, message] of [
      ['', /must be a number/],
      ['-5', /at least 1/],
      ['1e9', /MiB|too large/],
      ['abc', /must be a number/],
      ['2.5', /whole/],
      ['NaN', /must be a number/],
    ]) {
      await fill(panel, { ladder_n: value });
      await panel.locator('button[data-action="run-ladder"]').click();
      // The check is asynchronous: wait for this value's message, not the last one's.
      await lab.page
        .waitForFunction(
          ({ source }) => new RegExp(source).test(document.querySelector('[data-panel="ladder"] [data-panel-error]').textContent),
          { source: message.source },
          { timeout: 10000 },
        )
        .catch(() => {});
      assert.match(await alert.textContent(), message, `N = "${value}"`);
      assert.equal(await panel.locator('table[data-ladder]').count(), 0);
    }
    assert.equal(
      await lab.page.evaluate(() => document.querySelectorAll('[data-panel="roofline"] table[data-roofline] tbody tr').length),
      0,
    );
    // The probe run refuses a bad triad length the same way.
    await fill(lab.section, { sizes: '-3' });
    await runAndWait(lab.section);
    assert.match(await lab.section.locator('[role="alert"][data-error]').textContent(), /at least 1/);
    assert.equal(await lab.section.locator('table[data-results] tbody tr').count(), 0);
  });
});
