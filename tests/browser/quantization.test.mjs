// The Quantization lesson: the matmuls and quantizers run and are checked,
// speedup and error against f32 are shown, the bit sweep draws, the K-limit
// form shows C++'s message, and bad input changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, withLesson, rows, runAndWait, errorText } from './lab-page.mjs';

const cellOf = (row) => async (col) => (await row.locator(`td[data-col="${col}"]`).textContent()).trim();

test('Quantization: int8 and f32 matmuls and the quantizers run, with speedup and error against f32', async () => {
  await withLesson('quantization', async ({ section }) => {
    await fill(section, { sizes: '33,64', block: 16, lengths: '1001', min_time_s: 0.05 });
    await section.locator('[data-prediction]').fill('1.5');
    await runAndWait(section);
    const table = await rows(section);
    const memory = {};
    assert.equal(await table.count(), 2 * 3 + 4); // 3 matmuls per size; scalar, SIMD, stub, dequantize
    for (let i = 0; i < (await table.count()); i++) {
      const cell = cellOf(table.nth(i));
      const kernel = (await table.nth(i).locator('td[data-col="kernel"] .kernel-name').textContent()).trim();
      if (kernel === 'f32_quantize_i8_student') {
        assert.match(await cell('check'), /not implemented/i);
        continue;
      }
      assert.match(await cell('check'), /passed/, kernel);
      if (kernel.includes('matmul')) (memory[kernel] ??= []).push(await cell('memory'));
      if (kernel.startsWith('i8_matmul')) {
        assert.match(await cell('speedup'), /^[\d.]+×$/, kernel);
        const [, rel] = /^([\d.]+)%/.exec(await cell('rel_frobenius'));
        assert.ok(Number(rel) > 0 && Number(rel) < 1, `${kernel}: ${rel}%`);
        assert.ok(Number(await cell('gops')) > 0, kernel);
      }
      if (kernel.startsWith('f32_matmul')) assert.equal(await cell('rel_frobenius'), '—');
    }
    // A and B: 2 N² values, 1 byte each in int8 and 4 in f32.
    assert.deepEqual(memory.i8_matmul_scalar, ['2.1 KiB', '8.0 KiB']);
    assert.deepEqual(memory.f32_matmul_4x8_wasmsimd, ['8.5 KiB', '32 KiB']);
    assert.match(
      await section.locator('[data-verdict]').textContent(),
      /^(Right|Not quite)\. At N = 64, the int8 SIMD matmul ran [\d.]+× as fast/,
    );
    const notes = await section.locator('[data-notes] li').allTextContents();
    assert.ok(
      notes.some((n) => /relative Frobenius/.test(n)),
      notes.join('\n'),
    );
    assert.equal(await section.locator('[data-chart] canvas').count(), 1);
  });
});

test('Quantization: the bit sweep draws, errors grow as bits shrink, and a bad size is refused', async () => {
  await withLesson('quantization', async ({ section }) => {
    const panel = section.locator('[data-panel="bit-sweep"]');
    await fill(panel, { sweep_rows: '16', sweep_cols: '64' });
    await panel.locator('button[data-action="sweep-bits"]').click();
    await panel.locator('[data-chart] canvas').waitFor();
    const rel = await panel.locator('td[data-col="per_tensor_rel"]').allTextContents();
    assert.equal(rel.length, 4);
    const values = rel.map((t) => parseFloat(t));
    for (let i = 1; i < values.length; i++) assert.ok(values[i] > values[i - 1], rel.join(', '));
    const before = await panel.locator('[data-bit-sweep]').innerHTML();
    await fill(panel, { sweep_rows: 'NaN' });
    await panel.locator('button[data-action="sweep-bits"]').click();
    await panel.locator('[data-panel-error]:not([hidden])').waitFor();
    assert.match(await panel.locator('[data-panel-error]').textContent(), /Rows must be a number/);
    assert.equal(await panel.locator('[data-bit-sweep]').innerHTML(), before, 'the old table stays');
  });
});

test('Quantization: K above the catalog limit shows the C++ message; the limit itself is accepted', async () => {
  await withLesson('quantization', async ({ section }) => {
    const panel = section.locator('[data-panel="k-limit"]');
    assert.equal((await panel.locator('[data-max-k]').textContent()).trim(), '133144');
    await panel.locator('button[data-action="try-k"]').click();
    await panel.locator('[data-panel-error]:not([hidden])').waitFor();
    assert.match(
      await panel.locator('[data-panel-error]').textContent(),
      /K = 133,145 is too large: the most is K = 133,144, because .*2147483647/,
    );
    await fill(panel, { try_k: '133144' });
    await panel.locator('button[data-action="try-k"]').click();
    await panel.locator('[data-k-answer]:has-text("accepted")').waitFor();
    assert.equal(await panel.locator('[data-panel-error]').isHidden(), true);
  });
});

test('Quantization: the by-hand answers are judged against C++', async () => {
  await withLesson('quantization', async ({ section }) => {
    const panel = section.locator('[data-panel="by-hand"]');
    await fill(panel, { hand_scale: '0.02', hand_error: '0.01' });
    await panel.locator('button[data-action="check-hand"]').click();
    const verdict = panel.locator('[data-hand-verdict]');
    await verdict.waitFor();
    assert.match(await verdict.textContent(), /^scale: right .*error bound: right/);
    assert.match(await verdict.getAttribute('class'), /verdict-right/);
    await fill(panel, { hand_scale: '0.0254', hand_error: '0.02' });
    await panel.locator('button[data-action="check-hand"]').click();
    await panel.locator('[data-hand-verdict].verdict-wrong').waitFor();
  });
});

test('Quantization: a bad block or size is refused and adds no rows', async () => {
  await withLesson('quantization', async ({ section }) => {
    for (const [values, field, message] of [
      [{ block: 0 }, 'block', /Block size must be at least 1/],
      [{ sizes: '32,abc' }, 'sizes', /must be a number/],
      [{ lengths: '0' }, 'lengths', /at least 1/],
    ]) {
      await fill(section, { sizes: '32', block: 16, lengths: '64', min_time_s: 0.05, ...values });
      await runAndWait(section);
      assert.match(await errorText(section), message);
      assert.equal(await section.locator(`[name="${field}"]`).getAttribute('aria-invalid'), 'true', field);
      assert.equal(await (await rows(section)).count(), 0);
    }
  });
});
