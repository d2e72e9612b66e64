// The Precision lesson: the axpy experiment runs and is checked, the rounding
// explorer shows fp16's overflow and underflow, the loss-scaling demo draws
// and counts skipped steps, and bad input gets C++'s message and changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, withLesson, rows, runAndWait, errorText } from './lab-page.mjs';

test('Precision: f32 and bf16 axpy run at small sizes, pass, and the exercise is judged', async () => {
  await withLesson('precision', async ({ section }) => {
    await fill(section, { lengths: '1000,4099', min_time_s: 0.05 });
    await section.locator('[data-prediction]').selectOption('1e-7');
    await runAndWait(section);
    const table = await rows(section);
    assert.equal(await table.count(), 4);
    for (let i = 0; i < 4; i++) {
      const cell = async (col) => (await table.nth(i).locator(`td[data-col="${col}"]`).textContent()).trim();
      assert.match(await cell('check'), /passed/);
      const rate = Number(await cell('gbps'));
      assert.ok(rate > 0 && Number.isFinite(rate), String(rate));
    }
    assert.match(await section.locator('[data-verdict]').textContent(), /^Right\. The smallest of these that fp16 still holds is 1e-7/);
    assert.match(
      await section.locator('[data-notes]').textContent(),
      /N = 4099 .*bf16 axpy ran [\d.]+× as fast as f32 axpy for 0\.500× the bytes/,
    );
    assert.ok((await section.locator('.card.results [data-chart] canvas').count()) >= 2);
  });
});

test('Precision: the rounding explorer shows 65520 -> inf and 1e-8 -> 0 in f16; bad input changes nothing', async () => {
  await withLesson('precision', async ({ section }) => {
    const panel = section.locator('[data-panel="round"]');
    const round = async (x) => {
      await panel.locator('[name="round_x"]').fill(x);
      await panel.locator('button[data-action="round"]').click();
    };
    await round('65520');
    await panel.locator('[data-outcome="f16"]', { hasText: 'overflowed to inf' }).waitFor();
    assert.equal(await panel.locator('[data-value="f16"]').textContent(), 'inf');
    assert.equal(await panel.locator('[data-value="bf16"]').textContent(), '65536');
    await round('1e-8');
    await panel.locator('[data-outcome="f16"]', { hasText: 'flushed to zero' }).waitFor();
    await round('1e39');
    await panel.locator('[role="alert"]:not([hidden])').waitFor();
    assert.match(await panel.locator('[role="alert"]').textContent(), /The number must be between/);
    assert.equal(await panel.locator('[data-outcome="f16"]').textContent(), 'flushed to zero', 'the old result stays');
    assert.equal(await panel.locator('[name="round_x"]').getAttribute('aria-invalid'), 'true');
    assert.match(await section.locator('[data-panel="formats"]').textContent(), /65504/);
  });
});

test('Precision: loss scaling draws its charts and reports skipped steps; underflow shows the scale', async () => {
  await withLesson('precision', async ({ section }) => {
    const panel = section.locator('[data-panel="loss-scaling"]');
    await panel.locator('[data-loss-summary]').waitFor();
    assert.match(await panel.locator('[data-loss-summary]').textContent(), /With dynamic scaling: [1-9]\d* of 200 steps skipped/);
    assert.equal(await panel.locator('[data-chart] canvas').count(), 2);
    await panel.locator('[name="ls_growth_interval"]').fill('0');
    await panel.locator('button[data-action="loss-scaling"]').click();
    await panel.locator('[role="alert"]:not([hidden])').waitFor();
    assert.match(await panel.locator('[role="alert"]').textContent(), /Growth interval must be between 1 and 1,000/);
    assert.match(await panel.locator('[data-loss-summary]').textContent(), /of 200 steps/, 'the old result stays');

    const underflow = section.locator('[data-panel="underflow"]');
    await underflow.locator('[data-shares]').waitFor();
    assert.match(await underflow.textContent(), /zero/);
    await underflow.locator('[name="underflow_scale_log2"]').fill('2.5');
    await underflow.locator('button[data-action="underflow"]').click();
    await underflow.locator('[role="alert"]:not([hidden])').waitFor();
    assert.match(await underflow.locator('[role="alert"]').textContent(), /whole number/);
  });
});

test('Precision: a length of 0 is refused and adds no rows', async () => {
  await withLesson('precision', async ({ section }) => {
    await fill(section, { lengths: '0', min_time_s: 0.05 });
    await runAndWait(section);
    assert.match(await errorText(section), /N/);
    assert.equal(await (await rows(section)).count(), 0);
  });
});
