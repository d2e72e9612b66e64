// The Capstone lesson: each model runs end to end on every backend at a small
// size and shows the time per pass, the speedup over naive, the profile and
// the output difference; a single backend runs alone; bad input changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, withLesson, rows, runAndWait, errorText } from './lab-page.mjs';

const cellOf = (row) => async (col) => (await row.locator(`td[data-col="${col}"]`).innerText()).trim();

async function checkRows(section, prefix) {
  const table = await rows(section);
  assert.equal(await table.count(), 3);
  for (let i = 0; i < 3; i++) {
    const cell = cellOf(table.nth(i));
    const kernel = (await table.nth(i).locator('td[data-col="kernel"] .kernel-name').textContent()).trim();
    assert.equal(kernel, `${prefix}_${['naive', 'optimized', 'int8'][i]}`);
    assert.match(await cell('check'), /passed/, kernel);
    assert.match(await cell('median'), /\d (s|ms|µs|ns)$/, kernel);
    assert.match(await cell('speedup'), /^[\d.]+×$/, kernel);
    // Output difference: f32 rounding for the f32 backends, about a percent for int8.
    const error = await cell('output_error');
    if (kernel.endsWith('int8')) {
      const [, rel] = /^([\d.]+)%/.exec(error);
      assert.ok(Number(rel) > 0.01 && Number(rel) < 2, `${kernel}: ${error}`);
    } else {
      assert.match(error, /^\d\.\de-\d/, kernel);
    }
  }
}

test('Capstone: the FFN block runs on all three backends with time, speedup, profile and output difference', async () => {
  await withLesson('capstone', async ({ section }) => {
    await fill(section, { batch: 5, d_model: 33, d_ff: 70, threads: 2, min_time_s: 0.05 });
    await section.locator('[data-prediction]').fill('20');
    await runAndWait(section);
    await checkRows(section, 'ffn_block');
    const profile = section.locator('[data-profile-table]');
    assert.deepEqual(await profile.locator('thead th').allTextContents(), ['Step', 'naive', 'optimized', 'int8']);
    const stepNames = await profile.locator('tbody tr[data-step] th').allTextContents();
    for (const step of ['linear1 · GEMM', 'linear1 · bias + GELU', 'linear1 · quantize', 'linear2 · GEMM', 'linear2 · bias'])
      assert.ok(stepNames.includes(step), stepNames.join(', '));
    assert.match(await profile.locator('tr.profile-total').innerText(), /forward pass/);
    assert.match(
      await section.locator('[data-verdict]').textContent(),
      /^(Right|Not quite)\. On the Feed-forward block .* the optimized backend ran [\d.]+× as fast as the naive one/,
    );
    const notes = await section.locator('[data-notes] li').allTextContents();
    assert.ok(
      notes.some((n) => /int8’s output differs from the model in double by [\d.]+%/.test(n)),
      notes.join('\n'),
    );
    assert.ok(
      notes.some((n) => /the GEMMs took \d+% of a forward pass/.test(n)),
      notes.join('\n'),
    );
    assert.equal(await section.locator('[data-chart] canvas').count(), 1);
  });
});

test('Capstone: conv2d runs on every backend, one backend alone, and Clear empties the profile', async () => {
  await withLesson('capstone', async ({ section }) => {
    await fill(section, { model: 'conv' });
    assert.ok(await section.locator('[name=batch]').isHidden());
    await fill(section, { side: 7, c_in: 3, c_out: 5, threads: 1, min_time_s: 0.05 });
    await runAndWait(section);
    await checkRows(section, 'conv2d_im2col');
    const steps = await section.locator('[data-profile-table] tbody tr[data-step] th').allTextContents();
    assert.deepEqual(steps, ['conv2d · im2col', 'conv2d · quantize', 'conv2d · GEMM', 'conv2d · bias']);

    await fill(section, { backend: 'int8' });
    await runAndWait(section);
    assert.equal(await (await rows(section)).count(), 4);
    assert.deepEqual(await section.locator('[data-profile-table] thead th').allTextContents(), ['Step', 'naive', 'optimized', 'int8']);

    await section.locator('button[data-action="clear"]').click();
    assert.equal(await section.locator('[data-profile-table]').count(), 0);
  });
});

test('Capstone: empty, negative, NaN and huge sizes show a message and change nothing', async () => {
  await withLesson('capstone', async ({ section }) => {
    await fill(section, { batch: 2, d_model: 8, d_ff: 16, min_time_s: 0.05, backend: 'optimized' });
    await runAndWait(section);
    const before = await section.locator('table[data-results] tbody').innerHTML();
    const cases = [
      [{ batch: '' }, 'batch', /M must be a number/],
      [{ d_model: '-3' }, 'd_model', /K must be at least 1/],
      [{ d_ff: 'NaN' }, 'd_ff', /N must be a number/],
      [{ batch: '4096', d_model: '8192', d_ff: '65536' }, 'batch', /MiB/],
      [{ d_ff: '70.5' }, 'd_ff', /N must be a whole number/],
      [{ threads: '0' }, 'threads', /Threads must be at least 1/],
    ];
    for (const [values, field, message] of cases) {
      await fill(section, { batch: 2, d_model: 8, d_ff: 16, threads: 1, ...values });
      await runAndWait(section);
      assert.match(await errorText(section), message, JSON.stringify(values));
      assert.equal(await section.locator(`[name=${field}]`).getAttribute('aria-invalid'), 'true', JSON.stringify(values));
      assert.equal(await section.locator('table[data-results] tbody').innerHTML(), before, 'the table is unchanged');
    }
  });
});

test('Capstone: Cancel stops the naive backend at the default sizes', async () => {
  await withLesson('capstone', async ({ section, page }) => {
    await section.locator('button[data-action="run"]').click();
    await page.waitForFunction(() => /Running FFN naive/.test(document.querySelector('section[data-lesson-view="capstone"]').textContent));
    await section.locator('button[data-action="cancel"]').click();
    await page.waitForFunction((el) => el.dataset.running === 'false', await section.elementHandle(), { timeout: 15000 });
    assert.equal(await (await rows(section)).count(), 0);
    assert.match(await section.locator('[data-verdict]').textContent(), /stopped before it finished/);
  });
});
